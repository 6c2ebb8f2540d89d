package io.zombielab.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.promise.ConfigReading;
import io.zombielab.scenario.ScenarioFileException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate --images FILE: one image a line, with what is in front of it; a wrong line is named at its line. */
@Tag("unit")
@DisplayName("validate --images reads one image a line")
class ImagesFileTest {

    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    private List<FleetMember> read(String text) throws IOException {
        Path file = dir.resolve("fleet.txt");
        Files.writeString(file, text);
        return ImagesFile.read(file, problems);
    }

    @Test
    @DisplayName("images, --init, --pod, --entrypoint, --name, # comments and blank lines")
    void lines() throws IOException {
        List<FleetMember> fleet = read("""
                # the shop
                shop/web:1.4
                shop/web:1.4 --init --name web-with-init   # docker run --init

                shop/worker:1.4 --pod
                shop/jobs:1.4 --entrypoint "tini -s --"
                """);
        assertThat(problems).isEmpty();
        assertThat(fleet)
                .extracting(FleetMember::name)
                .containsExactly("shop/web:1.4", "web-with-init", "shop/worker:1.4", "shop/jobs:1.4");
        assertThat(fleet)
                .extracting(FleetMember::front)
                .containsExactly(
                        ConfigReading.Front.NONE,
                        ConfigReading.Front.ENGINE_INIT,
                        ConfigReading.Front.POD_PAUSE,
                        ConfigReading.Front.NONE);
        assertThat(fleet.get(3).entrypoint()).contains(List.of("tini", "-s", "--"));
        assertThat(fleet.get(2).source().toString()).endsWith("fleet.txt:5");
        assertThat(fleet.get(0).entrypoint()).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("a wrong line: its file:line and what is wrong; an empty file names no image")
    void wrongLines() throws IOException {
        read("shop/web:1.4 --pid\n--init shop/web\nshop/web --pod --init\nshop/web --entrypoint \"tini\n");
        assertThat(problems)
                .extracting(p -> p.toString().replace(dir + "/", ""))
                .containsExactly(
                        "fleet.txt:1: unknown option '--pid' after the image (known: --init, --pod, --entrypoint \"CMD ARG...\", --name NAME)",
                        "fleet.txt:2: a line starts with the image reference, not '--init'",
                        "fleet.txt:3: --init with --pod: one thing is in front of an image (Kubernetes has no --init)",
                        "fleet.txt:4: a \" is not closed in: shop/web --entrypoint \"tini");
        problems.clear();
        read("# nothing\n");
        assertThat(problems)
                .extracting(p -> p.toString().replace(dir + "/", ""))
                .containsExactly("fleet.txt:0: names no image (one reference a line, # for comments)");
    }
}
