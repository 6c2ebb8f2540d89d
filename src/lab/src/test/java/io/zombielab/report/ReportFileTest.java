package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report is written whole or not at all, and a path it cannot write is refused before anything runs. */
@Tag("unit")
class ReportFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "written whole: its folders made, an older file replaced, readable by all, no temporary file left beside it")
    void writesAtomically() throws Exception {
        Path file = dir.resolve("a/b/TEST-zombielab.xml");
        ReportFile report = new ReportFile(file, "JUnit XML file");
        report.checkWritable();
        assertThat(file.getParent()).isDirectory();
        Files.writeString(file, "an older run's");

        report.write("<testsuites/>\n");

        assertThat(file).hasContent("<testsuites/>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.toList()).containsExactly(file);
        }
    }

    @Test
    @DisplayName("a file it cannot write fails naming the file and why, and leaves nothing beside it")
    void cannotWrite() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "");

        assertThatThrownBy(() -> new ReportFile(plain.resolve("report.json"), "report").write("{}"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write the report " + plain.resolve("report.json") + ": ");
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactly(plain);
        }
    }

    @Test
    @DisplayName("a path it cannot write is refused before anything runs, saying what is wrong and where")
    void unwritable() throws Exception {
        Path aFile = Files.writeString(dir.resolve("plain"), "");
        assertThatThrownBy(() -> new ReportFile(aFile.resolve("x.xml"), "JUnit XML file").checkWritable())
                .hasMessage("cannot write " + aFile.resolve("x.xml") + ": " + aFile + " is a file, not a folder");
        assertThatThrownBy(() -> new ReportFile(dir, "JUnit XML file").checkWritable())
                .hasMessage(dir + " is a folder: name the JUnit XML file to write");
        assertThatThrownBy(() -> new ReportFile(Path.of("/dev/null"), "JUnit XML file").checkWritable())
                .hasMessageContaining("/dev/null is not a regular file");
    }
}
