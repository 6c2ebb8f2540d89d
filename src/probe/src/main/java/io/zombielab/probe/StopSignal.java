package io.zombielab.probe;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signal `docker stop` sends a container: its STOPSIGNAL (a Compose file's {@code stop_signal}, a pod's
 * {@code lifecycle.stopSignal}), SIGTERM unless it says otherwise. Any Linux signal the engine takes, by name or
 * number, as the engine reads it: nginx's image stops with SIGQUIT, systemd's with SIGRTMIN+3. A process that dies of
 * it leaves exit code 128+n, which a graceful stop accepts ({@link StopRule}).
 *
 * @param number the Linux signal number, 1 to 64
 */
public record StopSignal(int number) {

    /** docker stop's signal when the image and the run say none. */
    public static final StopSignal DEFAULT = new StopSignal(Signal.TERM.number());

    private static final int RTMIN = 34;
    private static final int RTMAX = 64;

    /** The Linux names the engine takes, without "SIG" (amd64 and arm64 share them). */
    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("HUP", 1),
            Map.entry("INT", 2),
            Map.entry("QUIT", 3),
            Map.entry("ILL", 4),
            Map.entry("TRAP", 5),
            Map.entry("ABRT", 6),
            Map.entry("IOT", 6),
            Map.entry("BUS", 7),
            Map.entry("FPE", 8),
            Map.entry("KILL", 9),
            Map.entry("USR1", 10),
            Map.entry("SEGV", 11),
            Map.entry("USR2", 12),
            Map.entry("PIPE", 13),
            Map.entry("ALRM", 14),
            Map.entry("TERM", 15),
            Map.entry("STKFLT", 16),
            Map.entry("CHLD", 17),
            Map.entry("CONT", 18),
            Map.entry("STOP", 19),
            Map.entry("TSTP", 20),
            Map.entry("TTIN", 21),
            Map.entry("TTOU", 22),
            Map.entry("URG", 23),
            Map.entry("XCPU", 24),
            Map.entry("XFSZ", 25),
            Map.entry("VTALRM", 26),
            Map.entry("PROF", 27),
            Map.entry("WINCH", 28),
            Map.entry("IO", 29),
            Map.entry("POLL", 29),
            Map.entry("PWR", 30),
            Map.entry("SYS", 31));

    private static final Pattern REALTIME = Pattern.compile("RT(MIN|MAX)(?:([+-])(\\d+))?");

    public StopSignal {
        if (number < 1 || number > RTMAX) {
            throw new IllegalArgumentException("a Linux signal is numbered 1 to " + RTMAX + ", not " + number);
        }
    }

    public static StopSignal of(Signal signal) {
        return new StopSignal(signal.number());
    }

    /**
     * A stop signal as an image, a Compose file or the engine writes it: "SIGQUIT", "quit", "3", "SIGRTMIN+3"; empty
     * for one the engine would refuse.
     */
    public static Optional<StopSignal> parse(String text) {
        String plain = Objects.requireNonNull(text, "text")
                .trim()
                .toUpperCase(Locale.ROOT)
                .replaceFirst("^SIG", "");
        if (plain.matches("\\d{1,2}")) {
            int n = Integer.parseInt(plain);
            return n >= 1 && n <= RTMAX ? Optional.of(new StopSignal(n)) : Optional.empty();
        }
        Integer named = NAMES.get(plain);
        if (named != null) {
            return Optional.of(new StopSignal(named));
        }
        Matcher rt = REALTIME.matcher(plain);
        if (!rt.matches()) {
            return Optional.empty();
        }
        int base = rt.group(1).equals("MIN") ? RTMIN : RTMAX;
        int offset = rt.group(3) == null ? 0 : Integer.parseInt(rt.group(3));
        int n = "-".equals(rt.group(2)) ? base - offset : base + offset;
        return n >= RTMIN && n <= RTMAX ? Optional.of(new StopSignal(n)) : Optional.empty();
    }

    /** 128+n: the exit code of a process, and of a container, that died of it (143 for SIGTERM). */
    public int exitCode() {
        return Signal.exitCodeOf(number);
    }

    /** "SIGTERM", "SIGRTMIN+3". */
    public String signalName() {
        if (number >= RTMIN) {
            return number == RTMIN ? "SIGRTMIN" : "SIGRTMIN+" + (number - RTMIN);
        }
        return NAMES.entrySet().stream()
                .filter(e -> e.getValue() == number
                        && !e.getKey().equals("IOT")
                        && !e.getKey().equals("POLL"))
                .map(e -> "SIG" + e.getKey())
                .findFirst()
                .orElse("signal " + number);
    }

    @Override
    public String toString() {
        return signalName();
    }
}
