package io.zombielab.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every module names its parent by {@code ${revision}}, the parent's own version: a literal version resolves only
 * from a Maven repository that already holds the parent, so the build passes on a warm machine and fails on a new
 * one ("Non-resolvable parent POM", seen on a cold .ci/run) before any test runs.
 */
@Tag("unit")
@DisplayName("The modules' POMs")
class ModulePomsTest {

    private static final Pattern PARENT_VERSION =
            Pattern.compile("<parent>.*?<version>([^<]*)</version>.*?</parent>", Pattern.DOTALL);

    @Test
    @DisplayName("each module under src/ names its parent at ${revision}, so an empty Maven repository builds it")
    void everyModuleNamesItsParentByRevision() {
        List<Path> poms = modulePoms(Path.of("src"));

        assertThat(poms)
                .as("the module POMs checked")
                .extracting(p -> p.getParent().getFileName().toString())
                .contains("probe", "junit", "lab", "bom", "dist");
        assertThat(literalParentVersions(poms))
                .as("parents named by a literal version")
                .isEmpty();
    }

    @Test
    @DisplayName("a negative control: a module with a literal parent version is named with file and line")
    void namesALiteralParentVersion(@TempDir Path src) throws IOException {
        Files.createDirectories(src.resolve("good"));
        Files.createDirectories(src.resolve("bad"));
        Files.writeString(
                src.resolve("good/pom.xml"),
                "<project>\n  <parent>\n    <version>${revision}</version>\n  </parent>\n</project>\n");
        Files.writeString(
                src.resolve("bad/pom.xml"),
                "<project>\n  <parent>\n    <artifactId>p</artifactId>\n    <version>0.1.0-SNAPSHOT</version>\n  </parent>\n</project>\n");

        assertThat(literalParentVersions(modulePoms(src)))
                .containsExactly(src.resolve("bad/pom.xml") + ":4: parent version 0.1.0-SNAPSHOT, not ${revision}");
    }

    private static List<Path> modulePoms(Path src) {
        try (Stream<Path> modules = Files.list(src)) {
            return modules.map(m -> m.resolve("pom.xml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> literalParentVersions(List<Path> poms) {
        List<String> found = new ArrayList<>();
        for (Path pom : poms) {
            String text = read(pom);
            Matcher parent = PARENT_VERSION.matcher(text);
            if (parent.find() && !parent.group(1).equals("${revision}")) {
                long line = text.substring(0, parent.start(1))
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                found.add(pom + ":" + line + ": parent version " + parent.group(1) + ", not ${revision}");
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
