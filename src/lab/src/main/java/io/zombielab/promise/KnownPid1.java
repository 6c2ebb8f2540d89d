package io.zombielab.promise;

import java.util.List;

/**
 * Programs zombielab knows as PID 1, by their file name, with what they do there. Only what is certain is
 * claimed; anything else is {@link Predicted#UNKNOWN} and what is observed decides.
 */
enum KnownPid1 {
    TINI(
            List.of("tini", "tini-static", "docker-init"),
            Predicted.YES,
            Predicted.YES,
            "an init: reaps on SIGCHLD and forwards signals to its child"),
    DUMB_INIT(
            List.of("dumb-init"),
            Predicted.YES,
            Predicted.YES,
            "an init: reaps on SIGCHLD and forwards signals to its child's whole session"),
    CATATONIT(List.of("catatonit"), Predicted.YES, Predicted.YES, "an init: reaps and forwards signals to its child"),
    S6(
            List.of("s6-svscan", "init"),
            Predicted.YES,
            Predicted.YES,
            "s6's supervision tree (s6-overlay's /init): reaps and stops its services"),
    PAUSE(
            List.of(),
            Predicted.YES,
            Predicted.YES,
            "a pod's pause: reaps what the namespace's processes orphan; docker stop reaches the image's program, "
                    + "which is no PID 1 there and dies of SIGTERM unless it handles it"),
    SHELL(
            List.of("sh", "bash", "dash", "ash"),
            Predicted.UNKNOWN,
            Predicted.NO,
            "a shell: as PID 1 it ignores SIGTERM while it waits for its command, and passes it to no one"),
    NPM(
            List.of("npm", "npx", "yarn", "pnpm"),
            Predicted.NO,
            Predicted.UNKNOWN,
            "a package manager: waits only for its script, and forwards SIGTERM to that script's shell only"),
    NODE(
            List.of("node", "nodejs"),
            Predicted.NO,
            Predicted.UNKNOWN,
            "node: waits only for the children it started; as PID 1 it ignores SIGTERM unless the app handles it"),
    PYTHON(
            List.of("python", "python3"),
            Predicted.NO,
            Predicted.NO,
            "python: waits only for the children it started, and has no SIGTERM handler unless the app adds one"),
    JAVA(
            List.of("java"),
            Predicted.NO,
            Predicted.YES,
            "java: waits only for the children it started; the JVM stops on SIGTERM (shutdown hooks)"),
    OTHER(
            List.of(),
            Predicted.UNKNOWN,
            Predicted.UNKNOWN,
            "a program zombielab does not know: what is observed decides");

    private final List<String> names;
    final Predicted reaps;
    final Predicted stops;
    final String sentence;

    KnownPid1(List<String> names, Predicted reaps, Predicted stops, String sentence) {
        this.names = names;
        this.reaps = reaps;
        this.stops = stops;
        this.sentence = sentence;
    }

    boolean isInit() {
        return this == TINI || this == DUMB_INIT || this == CATATONIT || this == S6 || this == PAUSE;
    }

    /** The program at {@code path}: by its file name ("/usr/bin/tini" is tini; "/init" is s6-overlay's). */
    static KnownPid1 of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("init") && !path.equals("/init")) {
            return OTHER;
        }
        String plain = name.replaceFirst("^(python)3?\\.[0-9]+$", "$1").replaceFirst("^tini-static-.*$", "tini-static");
        for (KnownPid1 known : values()) {
            if (known.names.contains(plain)) {
                return known;
            }
        }
        return OTHER;
    }
}
