package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every test class of every module says what it needs: {@code unit} (this JVM alone, seconds), {@code container}
 * (Docker, the launcher) or {@code browser} (headless Chromium). An untagged one would silently drop out of
 * {@code -Dgroups=unit} (docs/testing.md).
 */
@Tag("unit")
@DisplayName("Every test class is tagged unit, container or browser")
class TagsTest {

    private static final Pattern TEST = Pattern.compile("@(Test|ParameterizedTest)\\b");
    private static final Pattern TAG = Pattern.compile("@Tag\\(\"(unit|container|browser)\"\\)");

    @Test
    void everyTestClassIsTagged() throws IOException {
        List<Path> untagged;
        try (Stream<Path> sources = Stream.of("src/probe", "src/junit", "src/lab")
                .map(m -> Path.of(m, "src/test/java"))
                .flatMap(TagsTest::javaFiles)) {
            untagged = sources.filter(f -> TEST.matcher(read(f)).find()
                            && !TAG.matcher(read(f)).find())
                    .toList();
        }
        assertThat(untagged)
                .as("test classes without @Tag(\"unit\"), @Tag(\"container\") or @Tag(\"browser\")")
                .isEmpty();
    }

    @Test
    @DisplayName("the negative control: a class with tests and no tag is found")
    void anUntaggedClassIsFound() {
        String source = "class X {\n    @Test\n    void t() {\n    }\n}\n";
        assertThat(TEST.matcher(source).find() && !TAG.matcher(source).find()).isTrue();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
