package io.zombielab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README and every page under docs/ link only to what is there: each relative link resolves to a file of the
 * repository, and each anchor to a heading of its page. A broken one is named by file, line and link.
 */
@Tag("unit")
@DisplayName("The documentation's links")
class DocsLinksTest {

    @Test
    @DisplayName(
            "README.md and every docs/**/*.md: each relative link resolves inside the repository, each anchor to a heading")
    void everyRelativeLinkResolves() {
        MarkdownLinks links = new MarkdownLinks(Path.of(""));
        List<Path> pages = links.pages();

        assertThat(pages)
                .as("the pages checked")
                .extracting(p -> p.getFileName().toString())
                .contains("README.md", "story.md", "reports.md");
        assertThat(links.broken(pages)).as("broken links").isEmpty();
    }

    @Test
    @DisplayName("README.md fits a screen or two: at most 250 lines (the rest is in docs/)")
    void readmeIsShort() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md")))
                .as("README.md's lines")
                .hasSizeLessThanOrEqualTo(250);
    }

    @Test
    @DisplayName(
            "a negative control: a missing file, a missing heading, a way out of the repository, each named with file and line")
    void namesEachBrokenLink(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("docs/more"));
        Files.writeString(repo.resolve("README.md"), """
                # Title
                See [the matrix](docs/matrix.md), [how to read it](docs/matrix.md#how-to-read-the-matrix-1)
                and [the story](../shared/story.md).
                ```text
                [in code](no-such-file.md) is no link, nor is `[this](nor-this.md)`
                ```
                [Kept](docs/more/later.md#a-later-pages-heading) and [here](#title), [a folder](docs/), [a line](pom.xml#L3)
                """);
        Files.writeString(repo.resolve("docs/matrix.md"), """
                # The matrix
                ## How to read the matrix
                Back to [README](../README.md#no-such-heading) and [a later page](more/gone.md).
                """);
        Files.writeString(
                repo.resolve("docs/more/later.md"), "# A later page's heading\n![chart](../../missing.svg)\n");
        Files.writeString(repo.resolve("pom.xml"), "<project/>\n");

        MarkdownLinks links = new MarkdownLinks(repo);
        List<String> broken =
                links.broken(links.pages()).stream().map(Object::toString).toList();

        assertThat(broken).hasSize(5);
        assertThat(broken.get(0)).startsWith("README.md:2: (docs/matrix.md#how-to-read-the-matrix-1): no heading");
        assertThat(broken.get(1)).isEqualTo("README.md:3: (../shared/story.md): points outside the repository");
        assertThat(broken.get(2))
                .startsWith(
                        "docs/matrix.md:3: (../README.md#no-such-heading): no heading '#no-such-heading' in README.md");
        assertThat(broken.get(3)).isEqualTo("docs/matrix.md:3: (more/gone.md): no such file: docs/more/gone.md");
        assertThat(broken.get(4)).isEqualTo("docs/more/later.md:2: (../../missing.svg): no such file: missing.svg");
    }

    @Test
    @DisplayName("anchors are GitHub's: code, punctuation and a repeated heading")
    void githubSlugs() {
        assertThat(MarkdownLinks.slug("What `./zombielab reproduce` prints"))
                .isEqualTo("what-zombielab-reproduce-prints");
        assertThat(MarkdownLinks.slug("JUnit XML: a test case per cell or promise"))
                .isEqualTo("junit-xml-a-test-case-per-cell-or-promise");
        assertThat(MarkdownLinks.slug("The real app (Next.js)")).isEqualTo("the-real-app-nextjs");
        assertThat(MarkdownLinks.slug("See [the probes](x.md)")).isEqualTo("see-the-probes");
    }
}
