package io.zombielab.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The relative links of Markdown pages, checked as GitHub resolves them: the file (or folder) exists inside the
 * repository, and an anchor names a heading of the page it points to. Links in code (fenced blocks, `spans`) are
 * not links; absolute URLs (a scheme: https:, mailto:) are left to their sites.
 */
final class MarkdownLinks {

    /** {@code [text](target)} and {@code ![alt](target "title")}. */
    private static final Pattern INLINE =
            Pattern.compile("!?\\[((?:[^\\[\\]]|\\[[^\\]]*])*)]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target}. */
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    /** {@code <a href="...">}, {@code <img src="...">}. */
    private static final Pattern HTML = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    /** GitHub's line anchors on a file that is no page: #L10, #L10-L20. */
    private static final Pattern LINE_ANCHOR = Pattern.compile("^L\\d+(-L\\d+)?$");

    /** A link that does not resolve, said as file:line: [text](target): why. */
    record Broken(Path file, int line, String target, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": (" + target + "): " + why;
        }
    }

    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** README.md at the root and every .md file under docs/, the pages added later too. */
    List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        Path readme = root.resolve("README.md");
        if (Files.exists(readme)) {
            pages.add(readme);
        }
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    /** Every broken relative link of these pages, in order. */
    List<Broken> broken(List<Path> pages) {
        List<Broken> broken = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = lines(page);
            boolean inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                String text = CODE_SPAN.matcher(line).replaceAll("");
                for (String target : targets(text)) {
                    check(page, i + 1, target).ifPresent(broken::add);
                }
            }
        }
        return broken;
    }

    private static List<String> targets(String text) {
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE.matcher(text);
        while (inline.find()) {
            targets.add(inline.group(2));
        }
        Matcher reference = REFERENCE.matcher(text);
        if (reference.matches()) {
            targets.add(reference.group(1));
        }
        Matcher html = HTML.matcher(text);
        while (html.find()) {
            targets.add(html.group(1));
        }
        return targets;
    }

    private java.util.Optional<Broken> check(Path page, int line, String target) {
        Path shown = root.relativize(page);
        if (target.isEmpty()) {
            return java.util.Optional.of(new Broken(shown, line, target, "an empty link"));
        }
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return java.util.Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty()
                ? page
                : path.startsWith("/")
                        ? root.resolve(path.substring(1)).normalize()
                        : page.getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            return java.util.Optional.of(new Broken(shown, line, target, "points outside the repository"));
        }
        if (!Files.exists(resolved)) {
            return java.util.Optional.of(new Broken(shown, line, target, "no such file: " + root.relativize(resolved)));
        }
        if (anchor == null) {
            return java.util.Optional.empty();
        }
        if (!resolved.toString().endsWith(".md")) {
            return LINE_ANCHOR.matcher(anchor).matches()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(
                            new Broken(shown, line, target, "an anchor on a file that is no Markdown page"));
        }
        Set<String> known = anchors.computeIfAbsent(resolved, MarkdownLinks::anchorsOf);
        return known.contains(anchor.toLowerCase(Locale.ROOT))
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Broken(
                        shown,
                        line,
                        target,
                        "no heading '#" + anchor + "' in " + root.relativize(resolved) + " (its anchors: "
                                + known.stream().sorted().toList() + ")"));
    }

    /** The anchors GitHub makes of a page's headings (a second "Usage" is usage-1), and explicit {@code <a id>}s. */
    static Set<String> anchorsOf(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : lines(page)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher explicit = HTML_ANCHOR.matcher(line);
            while (explicit.find()) {
                anchors.add(explicit.group(1).toLowerCase(Locale.ROOT));
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        }
        return anchors;
    }

    /** GitHub's slug: the heading's text (a link's text, not its target), lower case, punctuation out, spaces to hyphens. */
    static String slug(String heading) {
        String text = INLINE.matcher(heading).replaceAll("$1");
        return text.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static List<String> lines(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page, e);
        }
    }
}
