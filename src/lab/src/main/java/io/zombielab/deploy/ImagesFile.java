package io.zombielab.deploy;

import io.zombielab.promise.ConfigReading;
import io.zombielab.scenario.InputFile;
import io.zombielab.scenario.ScenarioFileException.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate --images FILE}: one image reference a line, as {@code --image} takes it, optionally followed by
 * {@code --init}, {@code --pod} or {@code --entrypoint "CMD ARG..."}, and {@code --name NAME}; blank lines and
 * {@code #} comments (a line's rest from a {@code #} that starts a word) are skipped.
 * <pre>
 * # the web tier
 * shop/web:1.4 --init
 * shop/worker:1.4 --pod --name worker
 * shop/jobs:1.4 --entrypoint "tini -s --"
 * </pre>
 */
public final class ImagesFile {

    private ImagesFile() {}

    /** Its images in file order; each problem at its line goes to {@code problems}. */
    public static List<FleetMember> read(Path file, List<Problem> problems) {
        String name = file.toString();
        Optional<String> text = InputFile.text(file, problems);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = text.get().lines().toList();
        List<FleetMember> members = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Source at = new Source(name, i + 1);
            try {
                line(lines.get(i), at).ifPresent(members::add);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, at.line(), "", e.getMessage()));
            }
        }
        if (members.isEmpty() && problems.stream().noneMatch(p -> p.file().equals(name))) {
            problems.add(new Problem(name, 0, "", "names no image (one reference a line, # for comments)"));
        }
        return members;
    }

    private static Optional<FleetMember> line(String text, Source at) {
        List<String> words = new ArrayList<>();
        for (String w : ShellWords.split(text)) {
            if (w.startsWith("#")) {
                break;
            }
            words.add(w);
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String image = words.get(0);
        if (image.startsWith("-")) {
            throw new IllegalArgumentException("a line starts with the image reference, not '" + image + "'");
        }
        ConfigReading.Front front = ConfigReading.Front.NONE;
        Optional<List<String>> entrypoint = Optional.empty();
        String shown = image;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "--init" -> front = front(front, ConfigReading.Front.ENGINE_INIT, w);
                case "--pod" -> front = front(front, ConfigReading.Front.POD_PAUSE, w);
                case "--entrypoint", "--name" -> {
                    if (i + 1 >= words.size()) {
                        throw new IllegalArgumentException(w + " needs a value");
                    }
                    String value = words.get(++i);
                    if (w.equals("--name")) {
                        shown = value;
                    } else {
                        List<String> argv = ShellWords.split(value);
                        if (argv.isEmpty()) {
                            throw new IllegalArgumentException(
                                    "--entrypoint is empty; give the init's command line, e.g. --entrypoint \"tini --\"");
                        }
                        entrypoint = Optional.of(argv);
                    }
                }
                default ->
                    throw new IllegalArgumentException(
                            "unknown option '" + w + "' after the image (known: --init, --pod, "
                                    + "--entrypoint \"CMD ARG...\", --name NAME)");
            }
        }
        if (front == ConfigReading.Front.POD_PAUSE && entrypoint.isPresent()) {
            throw new IllegalArgumentException(
                    "--pod runs the image as it ships in a pod, whose pause is PID 1: it goes without --entrypoint");
        }
        return Optional.of(FleetMember.image(shown, image, at, front, entrypoint));
    }

    private static ConfigReading.Front front(ConfigReading.Front was, ConfigReading.Front now, String option) {
        if (was != ConfigReading.Front.NONE) {
            throw new IllegalArgumentException(
                    option + " with " + (was == ConfigReading.Front.POD_PAUSE ? "--pod" : "--init")
                            + ": one thing is in front of an image (Kubernetes has no --init)");
        }
        return now;
    }
}
