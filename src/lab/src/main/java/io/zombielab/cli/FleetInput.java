package io.zombielab.cli;

import io.zombielab.deploy.ComposeFile;
import io.zombielab.deploy.FleetMember;
import io.zombielab.deploy.ImagesFile;
import io.zombielab.deploy.ManifestFile;
import io.zombielab.deploy.Source;
import io.zombielab.promise.ConfigReading;
import io.zombielab.scenario.ScenarioFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fleet validate was given, in the order it was given: the {@code --image}s, then each {@code --images} file's
 * lines, then each Compose file's services, then each manifest's containers. Every file is read whole before anything runs; every problem of every
 * file is reported at its file:line, and any one refuses the whole run (exit 2, nothing judged).
 */
final class FleetInput {

    private FleetInput() {}

    /**
     * How Compose files are read: with these profiles enabled, {@code ${VAR}} and bare environment keys from this
     * environment (the caller's, from {@link io.zombielab.Settings.Fleet}).
     */
    record Compose(List<String> profiles, Map<String, String> environment) {}

    static List<FleetMember> gather(
            List<String> images,
            ConfigReading.Front front,
            Optional<List<String>> entrypoint,
            List<Path> imageFiles,
            List<Path> composeFiles,
            List<Path> manifestFiles,
            Compose compose,
            int probeRuns) {
        List<ScenarioFileException.Problem> problems = new ArrayList<>();
        List<FleetMember> fleet = new ArrayList<>();
        images.forEach(i -> fleet.add(FleetMember.image(i, i, Source.COMMAND_LINE, front, entrypoint)));
        imageFiles.forEach(f -> fleet.addAll(ImagesFile.read(f, problems)));
        composeFiles.forEach(
                f -> fleet.addAll(ComposeFile.read(f, compose.environment(), compose.profiles(), probeRuns, problems)));
        manifestFiles.forEach(f -> fleet.addAll(ManifestFile.read(f, probeRuns, problems)));
        if (!problems.isEmpty()) {
            throw new UsageException(
                    problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                            + " in what validate was given:\n  "
                            + problems.stream().map(Object::toString).collect(Collectors.joining("\n  "))
                            + "\nnothing was judged",
                    false);
        }
        if (fleet.isEmpty()) {
            throw new UsageException(
                    "validate: the files name no image to validate (every Compose service is in a profile "
                            + "not enabled?)\nnothing was judged",
                    false);
        }
        return unique(fleet);
    }

    /** Names are a fleet's test suites: one given twice gets where it came from added. */
    private static List<FleetMember> unique(List<FleetMember> fleet) {
        Map<String, Long> counts =
                fleet.stream().collect(Collectors.groupingBy(FleetMember::name, Collectors.counting()));
        Map<String, Integer> seen = new HashMap<>();
        List<FleetMember> named = new ArrayList<>();
        for (FleetMember m : fleet) {
            if (counts.get(m.name()) == 1) {
                named.add(m);
            } else {
                int n = seen.merge(m.name(), 1, Integer::sum);
                named.add(m.named(m.name() + (m.fromFile() ? " (" + m.source() + ")" : " #" + n)));
            }
        }
        return named;
    }
}
