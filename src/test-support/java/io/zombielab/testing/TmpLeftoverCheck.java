package io.zombielab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Fails a module's test run that leaves a file of zombielab's own ({@code zombielab-*}, {@code zl-*}) in the
 * temporary directory that was not there when the run began: what a test creates, it removes. Registered by
 * ServiceLoader (META-INF/services) in every module's tests: src/test-support is a test source folder of each.
 * Surefire opens one launcher session per test JVM; an exception from its close fails the build, naming what
 * was left. {@code -Dzombielab.tmpcheck=off} turns it off, for a machine where another run shares the folder.
 */
public final class TmpLeftoverCheck implements LauncherSessionListener {

    /** The prefixes of what zombielab and its tests create in the temporary directory. */
    static final Set<String> PREFIXES = Set.of("zombielab-", "zl-");

    private final Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    private Set<String> before = Set.of();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        before = ours(tmp);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if ("off".equals(System.getProperty("zombielab.tmpcheck"))) {
            return;
        }
        Set<String> left = new TreeSet<>(ours(tmp));
        left.removeAll(before);
        if (!left.isEmpty()) {
            throw new IllegalStateException("the tests left " + left.size() + " file(s) of zombielab's in " + tmp
                    + " that were not there before them (a test must remove what it creates: @TempDir, or delete in a "
                    + "finally): "
                    + left.stream().map(n -> tmp.resolve(n).toString()).collect(Collectors.joining(", ")));
        }
    }

    /** The names in {@code folder} that start with one of zombielab's prefixes. */
    static Set<String> ours(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> PREFIXES.stream().anyMatch(n::startsWith))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the temporary directory " + folder, e);
        }
    }
}
