package io.zombielab.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.zombielab.image.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code zombielab gc} removes, in one place: every container, then every image, labelled
 * {@code io.zombielab=true}, or only those of one run ({@code io.zombielab.run=ID} too). Images build on each other
 * (base, fixtures, reapers, and the builder's intermediate layers, which inherit the label), so they go children first,
 * in passes, until nothing selected is left or a pass removes nothing.
 */
public final class Sweep {

    /**
     * Which containers and images: all of zombielab's, or those of one run. zombielab's own images carry no run label
     * (runs share them), so a run's sweep takes its containers and only images someone labelled with its run.
     *
     * @param runId the run, empty for everything zombielab made
     */
    public record Selection(Optional<String> runId) {

        public Selection {
            runId = runId.map(String::trim).filter(r -> !r.isEmpty());
        }

        public static Selection everything() {
            return new Selection(Optional.empty());
        }

        public static Selection run(String runId) {
            return new Selection(Optional.of(runId));
        }

        /** The engine's label filter. */
        public Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(Labels.PROJECT, "true");
            runId.ifPresent(id -> labels.put(Labels.RUN, id));
            return labels;
        }

        /** "labelled io.zombielab=true" (and "io.zombielab.run=ID"), for messages. */
        public String describe() {
            return "labelled "
                    + String.join(
                            " and ",
                            labels().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList());
        }
    }

    /** Something selected that is still on the engine after the sweep, and the engine's reason. */
    public record Leftover(String kind, String id, String name, String reason) {

        @Override
        public String toString() {
            return kind + " " + id.substring(0, Math.min(12, id.length())) + (name.isEmpty() ? "" : " (" + name + ")")
                    + ": " + reason;
        }
    }

    /** How many of each went, and what is left. */
    public record Result(int containers, int images, List<Leftover> left) {

        public boolean clean() {
            return left.isEmpty();
        }
    }

    private final DockerClient docker;
    private final Selection selection;

    public Sweep(DockerClient docker, Selection selection) {
        this.docker = docker;
        this.selection = selection;
    }

    /** The selected containers on the engine, running or not. */
    public int containerCount() {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(selection.labels())
                .exec()
                .size();
    }

    /** The selected images on the engine, tagged ones (what {@code docker images} lists). */
    public int imageCount() {
        return (int) docker.listImagesCmd().withLabelFilter(selection.labels()).exec().stream()
                .map(Image::getId)
                .distinct()
                .count();
    }

    /** Removes the selected containers, then the images; says each step to {@code progress}. */
    public Result run(Consumer<String> progress) {
        Map<String, Leftover> left = new LinkedHashMap<>();
        var containers = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(selection.labels())
                .exec();
        int removedContainers = 0;
        if (!containers.isEmpty()) {
            progress.accept("gc: removing " + containers.size() + " container(s) " + selection.describe() + "...");
        }
        for (var c : containers) {
            String name = c.getNames() == null
                    ? ""
                    : String.join(
                            ",",
                            Arrays.stream(c.getNames())
                                    .map(n -> n.replaceFirst("^/", ""))
                                    .toList());
            try {
                docker.removeContainerCmd(c.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
                removedContainers++;
            } catch (NotFoundException gone) {
                removedContainers++; // removed meanwhile (its run ended): gone is what was wanted
            } catch (DockerException e) {
                left.put(c.getId(), new Leftover("container", c.getId(), name, reason(e)));
            }
        }
        int removedImages = 0;
        for (int pass = 1; ; pass++) {
            List<Image> images = childrenFirst(docker.listImagesCmd()
                    .withShowAll(true)
                    .withLabelFilter(selection.labels())
                    .exec());
            if (images.isEmpty()) {
                break;
            }
            progress.accept(
                    "gc: pass " + pass + ": removing " + images.size() + " image(s) " + selection.describe() + "...");
            int before = removedImages;
            for (Image image : images) {
                try {
                    docker.removeImageCmd(image.getId()).withForce(true).exec();
                    removedImages++;
                    left.remove(image.getId());
                } catch (NotFoundException gone) {
                    left.remove(image.getId()); // went with a parent's tag, or another gc's
                } catch (DockerException e) {
                    left.put(image.getId(), new Leftover("image", image.getId(), name(image), reason(e)));
                }
            }
            if (removedImages == before) {
                break; // a pass that removes nothing: the rest will not go by trying again
            }
        }
        return new Result(removedContainers, removedImages, List.copyOf(left.values()));
    }

    /** Deepest first: an image whose parent is also selected goes before that parent. */
    static List<Image> childrenFirst(List<Image> listed) {
        Map<String, Image> byId = new LinkedHashMap<>();
        listed.forEach(i -> byId.putIfAbsent(i.getId(), i));
        Map<String, Integer> depth = new LinkedHashMap<>();
        byId.keySet().forEach(id -> depth.put(id, depth(id, byId)));
        List<Image> ordered = new ArrayList<>(byId.values());
        ordered.sort(Comparator.comparing((Image i) -> depth.get(i.getId())).reversed());
        return ordered;
    }

    /** How many selected ancestors an image has (its parent chain within the selection). */
    private static int depth(String id, Map<String, Image> byId) {
        int depth = 0;
        String parent = byId.get(id).getParentId();
        while (parent != null && byId.containsKey(parent) && depth < byId.size()) {
            depth++;
            parent = byId.get(parent).getParentId();
        }
        return depth;
    }

    private static String name(Image image) {
        String[] tags = image.getRepoTags();
        return tags == null
                ? ""
                : String.join(
                        ",",
                        Arrays.stream(tags).filter(t -> !t.startsWith("<none>")).toList());
    }

    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"(.*?)\"");

    /** The engine's own words ("conflict: unable to delete ... image is being used by running container ..."). */
    private static String reason(DockerException e) {
        String text = String.valueOf(e.getMessage());
        Matcher m = MESSAGE.matcher(text);
        return m.find() ? m.group(1) : text.lines().findFirst().orElse(text);
    }
}
