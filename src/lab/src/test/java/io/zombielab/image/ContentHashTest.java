package io.zombielab.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ContentHashTest {

    @Test
    void sameContentSameTagChangedContentNewTag(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "one");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), "two");
        String first = ContentHash.start().text("base:1").path(dir).tag();

        assertThat(ContentHash.start().text("base:1").path(dir).tag())
                .isEqualTo(first)
                .hasSize(12);
        assertThat(ContentHash.start().text("base:2").path(dir).tag()).isNotEqualTo(first);
        Files.writeString(dir.resolve("sub/b.txt"), "three");
        assertThat(ContentHash.start().text("base:1").path(dir).tag()).isNotEqualTo(first);
    }

    @Test
    void aRenamedFileChangesTheTag(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "same");
        String before = ContentHash.start().path(dir).tag();
        Files.move(dir.resolve("a.txt"), dir.resolve("b.txt"));
        assertThat(ContentHash.start().path(dir).tag()).isNotEqualTo(before);
    }
}
