package io.zombielab.probe;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What became of the orphans a sidecar made: who adopted each, and how long the adopter took to reap it
 * after it exited (empty when it was still there at the end of the window).
 */
public record OrphanReport(List<Orphan> orphans, Duration window) {

    public OrphanReport {
        orphans = List.copyOf(orphans);
    }

    /**
     * @param pid         its pid, in the container's namespace
     * @param adoptedBy   the pid its parent became once it was orphaned: 1, or a sub-reaper
     * @param reapedAfter from its exit to its disappearance; empty if it was not reaped within the window
     * @param state       its state when the window ended, if it was not reaped and was still there to look at
     */
    public record Orphan(int pid, int adoptedBy, Optional<Duration> reapedAfter, Optional<ProcessState> state) {
        public boolean reaped() {
            return reapedAfter.isPresent();
        }
    }

    /** How the orphans fared, by one rule for the library and validate. */
    public enum Ending {
        /** Every one reaped, the slowest within the bound. */
        REAPED,
        /** Every one reaped, one later than the bound: a reaper that polls. */
        REAPED_SLOWLY,
        /** Some still there when the window ended. */
        LEFT_ZOMBIES
    }

    /** Left zombies if any was not reaped within the window; else reaped, slowly if the slowest took longer than {@code bound}. */
    public Ending ending(Duration bound) {
        if (unreaped() > 0) {
            return Ending.LEFT_ZOMBIES;
        }
        return slowestReap().orElse(Duration.ZERO).compareTo(bound) <= 0 ? Ending.REAPED : Ending.REAPED_SLOWLY;
    }

    public long unreaped() {
        return orphans.stream().filter(o -> !o.reaped()).count();
    }

    /** The longest reap, over the orphans that were reaped. */
    public Optional<Duration> slowestReap() {
        return orphans.stream().flatMap(o -> o.reapedAfter().stream()).max(Comparator.naturalOrder());
    }

    /** "5 of 5 reaped, the slowest after 1.5 ms" or "0 of 10 reaped within 3000 ms (10 left as zombies)". */
    public String summary() {
        long reaped = orphans.size() - unreaped();
        String slowest = slowestReap()
                .map(d -> String.format(", the slowest after %.1f ms", d.toNanos() / 1e6))
                .orElse("");
        long zombies = orphans.stream()
                .filter(o ->
                        !o.reaped() && o.state().filter(ProcessState::isZombie).isPresent())
                .count();
        return reaped + " of " + orphans.size() + " reaped"
                + (unreaped() == 0
                        ? slowest
                        : " within " + window.toMillis() + " ms" + slowest + " (" + zombies + " left as zombies)");
    }

    static OrphanReport parse(List<String> lines, Duration window) {
        List<Orphan> orphans = lines.stream()
                .filter(l -> l.startsWith("orphan "))
                .map(l -> {
                    String[] f = l.split(" ");
                    try {
                        int pid = Integer.parseInt(f[1]);
                        int adopter = Integer.parseInt(f[3]);
                        return f[4].equals("reaped-after-us")
                                ? new Orphan(
                                        pid,
                                        adopter,
                                        Optional.of(Duration.ofNanos(Long.parseLong(f[5]) * 1000)),
                                        Optional.empty())
                                : new Orphan(
                                        pid, adopter, Optional.empty(), ProcessState.parse(f.length > 5 ? f[5] : ""));
                    } catch (RuntimeException e) {
                        throw new ProbeFormatException("not an orphan line of zl-helper: " + l, e);
                    }
                })
                .toList();
        return new OrphanReport(orphans, window);
    }
}
