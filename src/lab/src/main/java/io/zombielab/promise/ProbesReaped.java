package io.zombielab.promise;

import static org.awaitility.Awaitility.await;

import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The exec probes a deployment runs in the container (Compose's healthcheck, a pod's liveness, readiness and
 * startup probes) leave nothing behind: each run N times, as the engine or the kubelet would (docker exec, to its
 * end), every min(its period, 1 s), all at once; then every process they started must end and be reaped. A probe
 * that backgrounds a child ({@code sh -c 'worker & exit 0'}) leaves it to the container's PID 1, which must reap it.
 */
final class ProbesReaped extends StatedPromise {

    /** A probe's processes still alive this long after its last run are not going to end. */
    private static final Duration END = Duration.ofSeconds(20);

    ProbesReaped() {
        super(
                "probes-reaped",
                "what its exec probes and health checks leave behind ends and is reaped",
                grading -> new PromiseSetup.AsShipped());
    }

    @Override
    public boolean appliesTo(ReaperUnderTest init) {
        return !init.deployment().probes().isEmpty();
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        Deployment deployment = init.deployment();
        c.awaitSettled();
        Set<ProcessInfo.ProcessKey> before = keys(c.snapshot());
        List<String> runs = runAll(c, deployment);
        // What the probes started: every process that was not there before them.
        Snapshot[] now = {c.snapshot()};
        try {
            await().atMost(END)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> fresh(now[0] = c.snapshot(), before).stream().noneMatch(ProcessInfo::isAlive));
            await().atMost(grading.reapWindow())
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> fresh(now[0] = c.snapshot(), before).isEmpty());
        } catch (ConditionTimeoutException stillThere) {
            // judged below from the last look
        }
        List<ProcessInfo> left = fresh(now[0], before);
        long alive = left.stream().filter(ProcessInfo::isAlive).count();
        long zombies = left.stream().filter(ProcessInfo::isZombie).count();
        PromiseOutcome outcome = alive > 0
                ? PromiseOutcome.LEFT_RUNNING
                : zombies > 0 ? PromiseOutcome.LEFT_ZOMBIES : PromiseOutcome.REAPED;
        String evidence = String.join("; ", runs) + ": "
                + (left.isEmpty()
                        ? "nothing left behind"
                        : (alive > 0
                                        ? alive + " still running " + END.toSeconds() + " s after"
                                                + (zombies > 0 ? ", " : "")
                                        : "")
                                + (zombies > 0
                                        ? zombies + " left as zombies ("
                                                + left.stream()
                                                        .filter(ProcessInfo::isZombie)
                                                        .map(p -> p.comm() + " ppid " + p.ppid())
                                                        .distinct()
                                                        .collect(Collectors.joining(", "))
                                                + ")"
                                        : ""));
        return PromiseVerdict.of(init, this, outcome, evidence, c.seen(ProcessTable.format(now[0])));
    }

    /** Every probe on a thread of its own, as the kubelet runs them; each line: the probe, its runs and exit codes. */
    private static List<String> runAll(PromiseContainer c, Deployment deployment) {
        List<Deployment.ExecProbe> probes = deployment.probes();
        ExecutorService pool = Executors.newFixedThreadPool(probes.size());
        try {
            List<Future<String>> running = new ArrayList<>();
            for (Deployment.ExecProbe probe : probes) {
                running.add(pool.submit(() -> run(c, probe, deployment)));
            }
            List<String> lines = new ArrayList<>();
            for (Future<String> f : running) {
                lines.add(f.get());
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the probes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String run(PromiseContainer c, Deployment.ExecProbe probe, Deployment deployment)
            throws InterruptedException {
        Duration every = probe.every().compareTo(Duration.ofSeconds(1)) < 0 ? probe.every() : Duration.ofSeconds(1);
        List<Long> codes = new ArrayList<>();
        for (int i = 0; i < probe.runs(); i++) {
            long started = System.nanoTime();
            codes.add(c.exec(probe.command(), deployment.user()));
            // The schedule of a probe, not a wait for a condition: the next run starts a period after this one did.
            long rest = every.toNanos() - (System.nanoTime() - started);
            if (rest > 0 && i + 1 < probe.runs()) {
                Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
            }
        }
        return probe.describe() + " run " + probe.runs() + " times every " + PromiseVerdict.millis(every)
                + ", exit codes " + codes;
    }

    private static Set<ProcessInfo.ProcessKey> keys(Snapshot s) {
        return s.processes().stream().map(ProcessInfo::key).collect(Collectors.toSet());
    }

    private static List<ProcessInfo> fresh(Snapshot s, Set<ProcessInfo.ProcessKey> before) {
        return s.processes().stream().filter(p -> !before.contains(p.key())).toList();
    }
}
