package io.zombielab.promise;

import io.zombielab.probe.SecretMask;
import java.util.List;
import java.util.Optional;

/** How the image under test is started: with its init in front of zombielab's test program, or as it ships. */
public sealed interface Launch {

    /** The promises this launch can check. */
    List<Promise> promises();

    /** For reports: "entrypoint [tini, --]", "as shipped". */
    String describe();

    /**
     * The init in front of zl-helper: {@code entrypoint} given (as {@code --entrypoint} says), or, when empty,
     * the image's own ENTRYPOINT (a reference init's image puts it there). A {@code supervisor} (s6-svscan,
     * runsvdir, supervisord) restarts its child instead of exiting with it, by design: the promises judged on
     * its exit are not checked (they would wait for an exit that never comes).
     */
    record InFront(Optional<List<String>> entrypoint, boolean supervisor) implements Launch {
        public InFront {
            entrypoint = entrypoint.map(List::copyOf);
        }

        public InFront(Optional<List<String>> entrypoint) {
            this(entrypoint, false);
        }

        @Override
        public List<Promise> promises() {
            return supervisor
                    ? Promises.ALL.stream()
                            .filter(p -> !p.waitsForTheInitsExit())
                            .toList()
                    : Promises.ALL;
        }

        @Override
        public String describe() {
            return "entrypoint "
                    + entrypoint.map(e -> SecretMask.argv(e).toString()).orElse("of the image")
                    + " in front of zl-helper"
                    + (supervisor
                            ? ", a service supervisor (it restarts its child: the promises on its exit are not checked)"
                            : "");
        }
    }

    /**
     * The image's own entrypoint and command, untouched: PID 1 is whatever it runs; or, {@code inSharedPod}, in a
     * pod with {@code shareProcessNamespace: true}, where PID 1 is the pod's pause and the image's program is not;
     * {@code deployment} says what a Compose file or manifest changes ({@link Deployment#AS_BUILT}: nothing).
     */
    record AsShipped(boolean inSharedPod, Deployment deployment) implements Launch {
        public AsShipped(boolean inSharedPod) {
            this(inSharedPod, Deployment.AS_BUILT);
        }

        /** The image's promises, and where its deployment runs exec probes, whether what they leave is reaped. */
        @Override
        public List<Promise> promises() {
            if (deployment.job().isPresent()) {
                return Promises.JOB;
            }
            return deployment.probes().isEmpty()
                    ? Promises.AS_SHIPPED
                    : java.util.stream.Stream.concat(
                                    Promises.AS_SHIPPED.stream(), java.util.stream.Stream.of(Promises.PROBES_REAPED))
                            .toList();
        }

        @Override
        public String describe() {
            String shipped = deployment.equals(Deployment.AS_BUILT)
                    ? "as shipped (its own entrypoint and command)"
                    : deployment
                            .job()
                            .map(j -> "as its " + j.kind() + " runs it, once, to its end")
                            .orElse("as its deployment file runs it");
            return shipped + (inSharedPod ? ", in a pod sharing its PID namespace (pause at PID 1)" : "");
        }
    }
}
