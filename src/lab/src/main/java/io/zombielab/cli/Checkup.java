package io.zombielab.cli;

import io.zombielab.Settings;
import io.zombielab.image.ProjectLayout;
import io.zombielab.probe.HostView;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.probe.ProbeDecision;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.Probes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code doctor} finds, a line per thing a run needs: what it is, and how to get it when it is missing. The
 * decisions only; what the engine said comes in ({@link EngineLook}), so they are tested without one.
 *
 * @param lines in the order printed
 */
record Checkup(List<Line> lines) {

    /** How a thing stands; only {@link #MISSING} keeps a run from starting. */
    enum Status {
        OK("ok"),
        /** A run needs it and it is not there: exit 3. */
        MISSING("MISSING"),
        /** There, and not in the way of a run, but worth a look (containers left behind). */
        LEFTOVER("LEFTOVER"),
        /** Could not be looked at, because something it depends on is missing. */
        UNKNOWN("unknown");

        private final String word;

        Status(String word) {
            this.word = word;
        }
    }

    record Line(Status status, String subject, String text) {

        /** The launcher prints its own lines in the same columns (scripts/lib/doctor.sh, zl_doctor_line). */
        String render() {
            return String.format("%-8s %-16s %s", status.word, subject, text);
        }
    }

    private static final String UNIVERSAL_FIRST_USE = ", its image made FROM scratch on first use";

    /**
     * @param settings what the environment says (DOCKER_HOST, ZOMBIELAB_PROBE, the base image, the home)
     * @param here whether this host shows a local engine's containers to the host probe
     * @param engine asks the engine, the base image to look for given; asked at most once, and not when Testcontainers
     *               is not set up to reach it
     */
    static Checkup of(Settings settings, HostView here, Function<Optional<String>, EngineLook> engine) {
        List<Line> lines = new ArrayList<>();
        Optional<String> base = settings.run().baseImage().map(String::trim).filter(b -> !b.isEmpty());
        Optional<EngineLook> look = Optional.empty();
        if (settings.engine().ryukDisabled()) {
            look = Optional.of(engine.apply(base));
            lines.add(engineLine(settings, look.get()));
        } else {
            lines.add(new Line(
                    Status.MISSING,
                    "testcontainers",
                    "TESTCONTAINERS_RYUK_DISABLED is not 'true': Testcontainers would "
                            + "wait minutes for its Ryuk image, which zombielab does not need (it removes its containers by label); "
                            + "run bin/zombielab or ./zombielab, which set it"));
            lines.add(new Line(Status.UNKNOWN, "engine", "not asked (Testcontainers is not set up to reach it)"));
        }
        Optional<EngineLook.EngineFacts> facts =
                look.filter(EngineLook.Answering.class::isInstance).map(l -> ((EngineLook.Answering) l).facts());
        lines.add(cgroupLine(facts));
        lines.add(probeLine(settings.run().probe(), here));
        Optional<ProjectLayout> layout = Optional.empty();
        try {
            layout = Optional.of(settings.places().layout());
            lines.add(new Line(Status.OK, "home", layout.get().root() + " (scenarios, fixtures, Dockerfiles)"));
        } catch (IllegalStateException e) {
            lines.add(new Line(Status.MISSING, "home", e.getMessage()));
        }
        lines.add(baseImageLine(base, facts, layout));
        facts.ifPresent(f -> {
            lines.add(new Line(
                    Status.OK,
                    "images",
                    f.images() + " image(s) labelled io.zombielab=true (fixtures and reapers "
                            + "build on first use)"));
            lines.add(
                    f.containers() == 0
                            ? new Line(Status.OK, "containers", "none left behind")
                            : new Line(
                                    Status.LEFTOVER,
                                    "containers",
                                    f.containers() + " labelled container(s) exist: another run is "
                                            + "going, or one was killed; zombielab gc removes them (gc --run-id ID: one run's only)"));
        });
        lines.add(new Line(Status.OK, "java", Runtime.version() + " (" + System.getProperty("java.home") + ")"));
        return new Checkup(List.copyOf(lines));
    }

    private static Line engineLine(Settings settings, EngineLook look) {
        Optional<String> host = settings.engine().dockerHost();
        if (look instanceof EngineLook.Answering answering) {
            var f = answering.facts();
            return new Line(
                    Status.OK,
                    "engine",
                    "answering" + host.map(h -> " at DOCKER_HOST=" + h).orElse("") + ": " + f.version() + ", API "
                            + f.apiVersion());
        }
        EngineLook.Silent silent = (EngineLook.Silent) look;
        String answer =
                silent.timedOut() ? " gave no answer within " + silent.waited().toSeconds() + " s" : " does not answer";
        return new Line(
                Status.MISSING,
                "engine",
                host.map(h -> "DOCKER_HOST=" + h + answer
                                + ": start that engine, or unset DOCKER_HOST for the local one")
                        .orElse("the local socket" + answer
                                + ": install Docker and start it (or set DOCKER_HOST); in a checkout, "
                                + "as root on Debian, ./zombielab test or reproduce does both"));
    }

    private static Line cgroupLine(Optional<EngineLook.EngineFacts> facts) {
        if (facts.isEmpty()) {
            return new Line(Status.UNKNOWN, "cgroup", "the engine's (cannot look without an engine)");
        }
        var f = facts.get();
        if (f.cgroupVersion().isEmpty()) {
            return new Line(Status.UNKNOWN, "cgroup", "the engine does not say which (API " + f.apiVersion() + ")");
        }
        String version =
                "v" + f.cgroupVersion().get() + (f.cgroupVersion().get().equals("2") ? " (unified)" : "");
        if (!f.memoryLimit() || !f.pidsLimit()) {
            return new Line(
                    Status.MISSING,
                    "cgroup",
                    version + " without "
                            + (f.memoryLimit() ? "the pids" : f.pidsLimit() ? "the memory" : "the memory and pids")
                            + " controller: the limits and figures of every cell need both");
        }
        return new Line(Status.OK, "cgroup", version + ": memory and pids limits per container");
    }

    /** The probe a run will use, by the rule that chooses it per container ({@link Probes#decide}), foreseen here. */
    private static Line probeLine(Optional<String> probe, HostView here) {
        ProbeChoice choice;
        try {
            choice = ProbeChoice.parse(probe.orElse(null), Settings.PROBE);
        } catch (IllegalArgumentException e) {
            return new Line(Status.MISSING, "probe", e.getMessage());
        }
        ProbeDecision decision = Probes.decide(choice, here::shown);
        String why = choice == ProbeChoice.AUTO ? here.why() : Settings.PROBE + "=" + choice.id();
        return decision.mode()
                .map(mode -> new Line(
                        Status.OK,
                        "probe",
                        mode.id() + ": " + mode.description() + (mode == ProbeMode.UNIVERSAL ? UNIVERSAL_FIRST_USE : "")
                                + "; " + why))
                .orElseGet(() -> new Line(
                        Status.MISSING,
                        "probe",
                        Settings.PROBE + "=host, but this host cannot show the " + "containers' processes ("
                                + here.why() + "): unset it, or set it to universal"));
    }

    private static Line baseImageLine(
            Optional<String> base, Optional<EngineLook.EngineFacts> facts, Optional<ProjectLayout> layout) {
        String howToMake = layout.map(ProjectLayout::howToMakeBaseImage).orElse("");
        if (base.isEmpty()) {
            return new Line(
                    Status.MISSING,
                    "base image",
                    "none named (ZOMBIELAB_BASE_IMAGE, or a release archive's " + "lib/base-image.txt)"
                            + (howToMake.isEmpty() ? "" : ": " + howToMake));
        }
        if (facts.isEmpty()) {
            return new Line(Status.UNKNOWN, "base image", base.get() + " (cannot look without an engine)");
        }
        return facts.get().baseImagePresent()
                ? new Line(Status.OK, "base image", base.get())
                : new Line(
                        Status.MISSING,
                        "base image",
                        base.get() + " is not on the engine: " + howToMake + " (validate --image needs none)");
    }

    /** Nothing a run needs is missing. */
    boolean ready() {
        return lines.stream().noneMatch(l -> l.status() == Status.MISSING);
    }

    int exitCode() {
        return ready() ? ExitCode.OK : ExitCode.ENVIRONMENT;
    }

    /** The lines, then the verdict. */
    String render() {
        StringBuilder out = new StringBuilder("zombielab doctor: what a run needs on this machine\n\n");
        lines.forEach(l -> out.append(l.render()).append('\n'));
        out.append('\n')
                .append(
                        ready()
                                ? "ready: a run starts here without anything more to install"
                                : "not ready: see the MISSING lines, each says how to get what it needs")
                .append('\n');
        return out.toString();
    }
}
