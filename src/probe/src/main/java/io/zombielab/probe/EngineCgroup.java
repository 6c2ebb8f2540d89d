package io.zombielab.probe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Statistics;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A container's cgroup figures from the engine's API, where no cgroup file can be read (the sidecar could
 * not read the container's own mount): one-shot stats (memory, pids; the same on cgroup v1 and v2, only
 * the name of the anonymous memory differs) and the engine's "oom" events since the container started.
 * Slower than the files (about 0.1 s) and blind to refused forks, which the API does not report (empty).
 */
public final class EngineCgroup {

    private EngineCgroup() {}

    public static CgroupFigures read(DockerClient docker, String containerId) {
        AtomicReference<Statistics> stats = new AtomicReference<>();
        try (var callback = docker.statsCmd(containerId)
                .withNoStream(true)
                .exec(new ResultCallback.Adapter<Statistics>() {
                    @Override
                    public void onNext(Statistics s) {
                        stats.compareAndSet(null, s);
                    }
                })) {
            callback.awaitCompletion(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ProbeException(
                    "the engine's stats of container " + containerId + " could not be read: " + e.getMessage(), e);
        }
        if (stats.get() == null) {
            throw new ProbeException("the engine gave no stats for container " + containerId + " within 10 s");
        }
        return figures(stats.get(), oomKills(docker, containerId));
    }

    /**
     * The figures in one set of stats, read from the JSON as the engine sent it (docker-java's model has no
     * field for v2's "anon" or the pids limit): v1 names anonymous memory total_rss, v2 anon; -1 where the
     * API is silent, as for refused forks always.
     */
    static CgroupFigures figures(Statistics stats, long oomKills) {
        Map<String, Object> raw = stats.getRawValues();
        Map<String, Object> memory = object(raw, "memory_stats");
        Map<String, Object> memoryStat = object(memory, "stats");
        Map<String, Object> pids = object(raw, "pids_stats");
        OptionalLong anon = number(memoryStat, "total_rss");
        return new CgroupFigures(
                number(memory, "usage"),
                anon.isPresent() ? anon : number(memoryStat, "anon"),
                number(pids, "current"),
                limit(pids),
                OptionalLong.empty(),
                OptionalLong.of(oomKills));
    }

    /** The engine reports "no limit" as 0 (v1) or as v2's "max", the largest 64-bit number: both mean none. */
    private static PidsLimit limit(Map<String, Object> pids) {
        Object limit = pids.get("limit");
        if (!(limit instanceof Number n)) {
            return PidsLimit.UNKNOWN;
        }
        boolean none = n instanceof java.math.BigInteger || n.longValue() <= 0 || n.longValue() >= Integer.MAX_VALUE;
        return none ? PidsLimit.NONE : PidsLimit.of(n.longValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> raw, String key) {
        return raw != null && raw.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static OptionalLong number(Map<String, Object> raw, String key) {
        return raw.get(key) instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    /** The engine's "oom" events of the container since it started: one per process the OOM killer took. */
    private static long oomKills(DockerClient docker, String containerId) {
        String started =
                docker.inspectContainerCmd(containerId).exec().getState().getStartedAt();
        Instant since = Instant.parse(started);
        AtomicInteger count = new AtomicInteger();
        try (var callback = docker.eventsCmd()
                .withContainerFilter(containerId)
                .withEventFilter("oom")
                .withSince(seconds(since))
                .withUntil(seconds(Instant.now()))
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        count.incrementAndGet();
                    }
                })) {
            callback.awaitCompletion(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ProbeException(
                    "the engine's events of container " + containerId + " could not be read: " + e.getMessage(), e);
        }
        return count.get();
    }

    /** The engine's time format: seconds, with the nanoseconds after the point. */
    private static String seconds(Instant at) {
        return String.format("%d.%09d", at.getEpochSecond(), at.getNano());
    }
}
