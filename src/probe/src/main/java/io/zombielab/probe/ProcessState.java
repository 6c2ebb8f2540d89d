package io.zombielab.probe;

import java.util.Arrays;
import java.util.Optional;

/**
 * A process's state, as the kernel writes it in /proc/[pid]/stat (the letter `ps` shows in STAT). What the
 * code decides on: a zombie has exited and waits for its parent to reap it; a dead one is going away; every
 * other state is a live process.
 */
public enum ProcessState {
    RUNNING('R'),
    SLEEPING('S'),
    DISK_SLEEP('D'),
    ZOMBIE('Z'),
    STOPPED('T'),
    TRACED('t'),
    DEAD('X'),
    /** The kernel's other spelling of a dead process (Linux 2.6.33 to 3.13). */
    DEAD_OLD('x'),
    WAKEKILL('K'),
    WAKING('W'),
    PARKED('P'),
    IDLE('I');

    private final char letter;

    ProcessState(char letter) {
        this.letter = letter;
    }

    /** The state the kernel writes as {@code letter}; a letter no kernel writes fails, naming it. */
    public static ProcessState of(char letter) {
        return Arrays.stream(values())
                .filter(s -> s.letter == letter)
                .findFirst()
                .orElseThrow(
                        () -> new ProbeFormatException("not a process state of /proc/[pid]/stat: '" + letter + "'"));
    }

    /** The state zl-helper wrote as one letter; empty for "" (the process was gone when it looked). */
    public static Optional<ProcessState> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() != 1) {
            throw new ProbeFormatException("not a process state (one letter of /proc/[pid]/stat): '" + text + "'");
        }
        return Optional.of(of(text.charAt(0)));
    }

    /** The kernel's letter: what `ps` shows. */
    public char letter() {
        return letter;
    }

    public boolean isZombie() {
        return this == ZOMBIE;
    }

    /** Neither a zombie nor dead: it still runs, sleeps or waits. */
    public boolean isAlive() {
        return this != ZOMBIE && this != DEAD && this != DEAD_OLD;
    }

    /** The letter, as the process table shows it. */
    @Override
    public String toString() {
        return String.valueOf(letter);
    }
}
