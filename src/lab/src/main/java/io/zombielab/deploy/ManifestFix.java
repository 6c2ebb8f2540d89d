package io.zombielab.deploy;

import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pod's container's fix in its manifest. Orphans or a probe's children left as zombies in a pod that does not
 * share its PID namespace: {@code shareProcessNamespace: true} (the pod's pause at PID 1 reaps them), as a diff of
 * the pod spec. A stop the kubelet's SIGKILL had to end: a file:line instruction on terminationGracePeriodSeconds.
 */
record ManifestFix(
        String file,
        String member,
        List<String> lines,
        int specLine,
        int indent,
        boolean shared,
        Optional<Integer> graceLine,
        Duration grace)
        implements DeployFix {

    ManifestFix {
        lines = List.copyOf(lines);
    }

    @Override
    public List<String> lines(List<PromiseVerdict> verdicts) {
        boolean zombies = verdicts.stream()
                .anyMatch(v -> (v.promise() == Promises.SHIPPED_REAPS_ORPHANS
                                || v.promise() == Promises.PROBES_REAPED
                                || v.promise() == Promises.JOB_REAPS)
                        && !v.holds());
        boolean killed = verdicts.stream()
                .anyMatch(v -> v.promise() == Promises.STOPS_GRACEFULLY && v.observed() == PromiseOutcome.KILLED);
        List<String> out = new ArrayList<>();
        if (zombies && !shared) {
            out.addAll(UnifiedDiff.of(
                    file, lines, specLine, 0, List.of(" ".repeat(indent) + "shareProcessNamespace: true")));
            out.add("(" + member
                    + ": the pod's pause at PID 1 of the shared namespace reaps what is orphaned; or put an init, "
                    + "tini, in the image's ENTRYPOINT)");
        } else if (zombies) {
            out.add(file + ":" + specLine + ": " + member
                    + " shares its pod's PID namespace and still left zombies: see the process table");
        }
        if (killed) {
            out.add(
                    file + ":" + graceLine.orElse(specLine) + ": " + member
                            + " was still running when the SIGKILL came after "
                            + grace.toSeconds() + " s: "
                            + (graceLine.isPresent()
                                    ? "terminationGracePeriodSeconds is shorter than its shutdown: raise it"
                                    : "give the pod a terminationGracePeriodSeconds longer than its shutdown (Kubernetes' default is 30)")
                            + ", or make it stop on SIGTERM"
                            + (shared
                                    ? ""
                                    : " (as PID 1 it has no default action for SIGTERM: handle it, or share the PID namespace)"));
        }
        return out;
    }
}
