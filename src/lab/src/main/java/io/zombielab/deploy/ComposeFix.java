package io.zombielab.deploy;

import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Compose service's fix in its own file. Orphans or probe children left as zombies, or a stop the engine had to
 * kill while nothing in front forwards signals: {@code init: true} (the engine's init, tini, at PID 1), as a diff. A
 * stop killed with an init in front: the grace period is shorter than the app's shutdown, a file:line instruction.
 *
 * @param lines      the file's lines as read
 * @param childLine  the line of the service's first key (an added key goes before it)
 * @param indent     the column of the service's keys
 * @param initLine   the line of its {@code init} key, if it has one
 * @param init       whether it sets {@code init: true}
 * @param graceLine  the line of its {@code stop_grace_period}, if it has one
 * @param grace      the grace period Compose gives it
 */
record ComposeFix(
        String file,
        String service,
        List<String> lines,
        int childLine,
        int indent,
        Optional<Integer> initLine,
        boolean init,
        Optional<Integer> graceLine,
        Duration grace)
        implements DeployFix {

    ComposeFix {
        lines = List.copyOf(lines);
    }

    @Override
    public List<String> lines(List<PromiseVerdict> verdicts) {
        boolean zombies = verdicts.stream()
                .anyMatch(v -> (v.promise() == Promises.SHIPPED_REAPS_ORPHANS || v.promise() == Promises.PROBES_REAPED)
                        && !v.holds());
        boolean killed = verdicts.stream()
                .anyMatch(v -> v.promise() == Promises.STOPS_GRACEFULLY && v.observed() == PromiseOutcome.KILLED);
        List<String> out = new ArrayList<>();
        if ((zombies || killed) && !init) {
            String line = " ".repeat(indent) + "init: true";
            out.addAll(initLine.map(at -> UnifiedDiff.of(file, lines, at, 1, List.of(line)))
                    .orElseGet(() -> UnifiedDiff.of(file, lines, childLine, 0, List.of(line))));
            out.add("(service " + service
                    + ": the engine's init, tini, at PID 1 reaps what is orphaned and passes the stop signal on)");
        } else if (zombies) {
            out.add(file + ":" + initLine.orElse(childLine) + ": service " + service
                    + " has init: true and still left zombies: "
                    + "something in the image runs them below a process that does not reap (see the process table)");
        }
        if (killed) {
            String where = file + ":" + graceLine.orElse(childLine) + ": ";
            out.add(
                    where + "service " + service + " was still running when docker stop killed it after "
                            + grace.toSeconds() + " s: "
                            + (init ? "" : "if the app handles its stop signal but needs longer, ")
                            + (graceLine.isPresent()
                                    ? "its stop_grace_period is shorter than its shutdown: raise it (or make the app stop sooner)"
                                    : "give it a stop_grace_period longer than its shutdown (Compose's default is 10s), or make the app stop on its stop signal"));
        }
        return out;
    }
}
