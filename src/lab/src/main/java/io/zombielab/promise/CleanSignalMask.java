package io.zombielab.promise;

import io.zombielab.fixture.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The child starts with an empty signal mask and default dispositions (tini restores its child's mask before
 * exec; its suite checks it). An init that blocks every signal for its own sigwait loop and forgets to unblock
 * them in the child gives a C, shell or node app a SIGTERM it never sees. The evidence is read from /proc, for a
 * program the child executes stopped at its exec, and from what the child's Go runtime recorded at its start
 * (a Go child unblocks the signals it needs before main runs: DESIGN.md).
 *
 * <p>The terminal's stop signals (SIGTSTP, SIGTTIN, SIGTTOU) are reported, not judged: catatonit blocks them in its
 * child on purpose, so that a tty's job control cannot stop it (catatonit.c, make_foreground: "Add TTY signals to
 * ignored mask for pid1").
 */
final class CleanSignalMask extends StatedPromise {

    /** Bits of SIGTSTP (20), SIGTTIN (21) and SIGTTOU (22), in /proc's format (bit n-1 for signal n). */
    static final long TERMINAL_STOPS = (1L << 19) | (1L << 20) | (1L << 21);

    /** Signals 32 and 33, which glibc keeps for its threads (signal(7): SIGRTMIN is moved above them): no app can use them. */
    static final long GLIBC_RESERVED = (1L << 31) | (1L << 32);

    /** What is reported, not judged. */
    static final long UNJUDGED = TERMINAL_STOPS | GLIBC_RESERVED;

    private static final String[] NAMES = {
        "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM",
        "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF",
        "WINCH", "IO", "PWR", "SYS"
    };

    CleanSignalMask() {
        super(
                "clean-signal-mask",
                "starts its child with no signal blocked or ignored (tini: restores the child's signal mask)",
                grading -> new PromiseSetup.ChildOfInit(List.of("signal-mask"), false));
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        c.awaitEnd(grading.reapWindow());
        var events = c.eventsNow();
        Optional<Event.SignalMaskUnreadable> unreadable = events.first(Event.SignalMaskUnreadable.class, e -> true);
        if (unreadable.isPresent()) {
            throw new IllegalStateException("zl-helper could not read its signal mask: "
                    + unreadable.get().error());
        }
        Event.SignalMask mask = events.first(Event.SignalMask.class, e -> true)
                .orElseThrow(() -> new IllegalStateException(
                        "zl-helper never reported its signal mask; container log:\n" + events.text()));
        return judge(init, mask, c.seen(""));
    }

    PromiseVerdict judge(ReaperUnderTest init, Event.SignalMask mask, PromiseVerdict.Seen seen) {
        long blocked = mask.blocked() | mask.blockedAtStart();
        long ignored = mask.ignored() | mask.ignoredAtStart();
        boolean clean = (blocked & ~UNJUDGED) == 0 && (ignored & ~UNJUDGED) == 0;
        String stops = ((blocked | ignored) & TERMINAL_STOPS) != 0
                ? " (" + names((blocked | ignored) & TERMINAL_STOPS)
                        + ": the terminal stop signals, reported, not judged: catatonit blocks them in its child on purpose)"
                : "";
        String reserved = ((blocked | ignored) & GLIBC_RESERVED) != 0
                ? " (" + names((blocked | ignored) & GLIBC_RESERVED)
                        + ": reserved by glibc's threads, reported, not judged)"
                : "";
        return PromiseVerdict.of(
                init,
                this,
                clean ? PromiseOutcome.CLEAN_MASK : PromiseOutcome.DIRTY_MASK,
                "the child inherited SigBlk " + hex(blocked) + ", SigIgn " + hex(ignored) + stops + reserved
                        + (clean
                                ? ""
                                : "; blocked: " + names(blocked & ~UNJUDGED) + "; ignored: "
                                        + names(ignored & ~UNJUDGED))
                        + " (/proc of a program it executed, stopped at its exec: SigBlk " + hex(mask.blocked())
                        + ", SigIgn "
                        + hex(mask.ignored()) + "; the Go child's own record at its start: SigBlk "
                        + hex(mask.blockedAtStart())
                        + ", SigIgn " + hex(mask.ignoredAtStart()) + ")",
                seen);
    }

    static String hex(long bits) {
        return String.format(Locale.ROOT, "%016x", bits);
    }

    /** "SIGTERM SIGUSR1", or "none"; long sets named by count with the ones users send first. */
    static String names(long bits) {
        List<String> named = new ArrayList<>();
        for (int n = 1; n <= 64; n++) {
            if ((bits & (1L << (n - 1))) != 0) {
                named.add("SIG" + (n <= NAMES.length ? NAMES[n - 1] : "RT" + n));
            }
        }
        if (named.isEmpty()) {
            return "none";
        }
        return named.size() <= 8
                ? String.join(" ", named)
                : named.size() + " signals, " + String.join(" ", named.subList(0, 8)) + " ...";
    }
}
