package io.zombielab.promise;

import java.util.List;

/** How a promise's container runs: the init in front of zl-helper's command, or the image as it ships. */
public sealed interface PromiseSetup {

    /**
     * The init under test runs zl-helper as its child.
     *
     * @param command        zl-helper's command line (without the binary's path)
     * @param belowInertInit the init is put below zl-helper's inert init, so that it is not PID 1
     * @param program        the child's program: zl-helper, or (exec-failure) a path the image does not have
     * @param runner         zl-helper's command (ending in "--") that is PID 1 and runs the init and its child, again
     *                       and again (the exit-status race); empty: the init runs once
     */
    record ChildOfInit(List<String> command, boolean belowInertInit, String program, List<String> runner)
            implements PromiseSetup {
        public ChildOfInit {
            command = List.copyOf(command);
            runner = List.copyOf(runner);
        }

        /** zl-helper as the child, the init run once. */
        public ChildOfInit(List<String> command, boolean belowInertInit) {
            this(command, belowInertInit, PromiseKit.IN_CONTAINER, List.of());
        }

        /** {@code program} as the child, the init run once. */
        public ChildOfInit(List<String> command, boolean belowInertInit, String program) {
            this(command, belowInertInit, program, List.of());
        }

        /** zl-helper as the child, the init run again and again by {@code runner}. */
        public ChildOfInit(List<String> command, boolean belowInertInit, List<String> runner) {
            this(command, belowInertInit, PromiseKit.IN_CONTAINER, runner);
        }
    }

    /** The image's own entrypoint and command run untouched; zombielab acts from outside (a sidecar, docker stop). */
    record AsShipped() implements PromiseSetup {}
}
