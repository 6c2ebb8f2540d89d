package io.zombielab.cli;

import io.zombielab.Settings;
import io.zombielab.report.CellResult;
import io.zombielab.report.Hostname;
import io.zombielab.report.JunitReport;
import io.zombielab.report.JunitXml;
import io.zombielab.report.MatrixJunit;
import io.zombielab.report.PromiseJunit;
import io.zombielab.report.ReportFile;
import io.zombielab.report.RunReport;
import io.zombielab.report.ValidateReport;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.ReaperFilter;
import io.zombielab.scenario.Shard;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** The options several commands share, each defined once. */
final class Options {

    private Options() {}

    /** {@code -h/--help} and {@code -V/--version}, on every command: answered before anything runs. */
    static final class HelpMixin {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "prints the command's help and ends")
        boolean help;

        @Option(
                names = {"-V", "--version"},
                versionHelp = true,
                description = "prints zombielab's version and ends")
        boolean version;
    }

    /** How the result is printed: the table (default), one summary line, or the JSON report. */
    enum Output {
        TABLE,
        QUIET,
        JSON
    }

    /** {@code --quiet | --json}: they exclude each other. */
    static final class OutputChoice {
        @Option(names = "--quiet", required = true, description = "no progress, only the summary line")
        boolean quiet;

        @Option(names = "--json", required = true, description = "the JSON report on stdout")
        boolean json;

        static Output of(OutputChoice choice) {
            return choice == null ? Output.TABLE : choice.quiet ? Output.QUIET : Output.JSON;
        }
    }

    /** {@code [--quiet | --json]}. */
    static final class OutputMixin {
        @ArgGroup(exclusive = true)
        OutputChoice choice;

        Output output() {
            return OutputChoice.of(choice);
        }
    }

    /**
     * {@code --junit FILE}: the result also as JUnit XML, a test case per cell or promise, for CI's test reports;
     * beside the table, {@code --quiet} or {@code --json}. FILE is checked before anything runs.
     */
    static final class JunitMixin {
        @Option(
                names = "--junit",
                paramLabel = "FILE",
                description =
                        "also writes the result as JUnit XML to FILE, a test case per cell or promise (for CI test reports)")
        Path file;

        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        private Instant startedAt = Instant.now();
        private long startedNanos = System.nanoTime();

        /** Before any container: FILE can be written (its folder is made), else a usage error naming it. */
        void check() {
            startedAt = Instant.now();
            startedNanos = System.nanoTime();
            if (file != null) {
                try {
                    junitFile().checkWritable();
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--junit: " + e.getMessage() + "\nnothing was run.", false);
                }
            }
        }

        /** A matrix run's cells, each beside its scenario file. */
        void writeMatrix(RunReport run, List<CellResult> cells) {
            if (file != null) {
                write(MatrixJunit.report(run, cells, Hostname.ofThisMachine()));
            }
        }

        /** validate's promises, each graded. */
        void writePromises(ValidateReport report) {
            if (file != null) {
                write(PromiseJunit.report(
                        report,
                        startedAt,
                        Duration.ofNanos(System.nanoTime() - startedNanos),
                        Hostname.ofThisMachine()));
            }
        }

        /** A fleet's images, a test suite each. */
        void writeFleet(io.zombielab.report.FleetReport report) {
            if (file != null) {
                write(report.junit(Hostname.ofThisMachine()));
            }
        }

        private ReportFile junitFile() {
            return new ReportFile(file, "JUnit XML file");
        }

        private void write(JunitReport report) {
            try {
                junitFile().write(JunitXml.render(report));
            } catch (UncheckedIOException e) {
                throw new OutputFileException(e.getMessage());
            }
            boolean quiet = command.userObject() instanceof LabCommand lab && lab.quiet();
            if (!quiet) {
                PrintWriter err = command.commandLine().getErr();
                err.printf(
                        "[zombielab] JUnit XML: %s (%d test cases, %d failed, %d errors)%n",
                        file, report.tests(), report.failures(), report.errors());
                err.flush();
            }
        }
    }

    /** {@code --show-secrets}: reports are kept as CI artifacts, which no CI masks, so credentials are hidden unless asked. */
    static final class SecretsMixin {
        @Option(
                names = "--show-secrets",
                description =
                        "shows the values of arguments that look like credentials (--password=, --token=, *_KEY=, user:pass@, ...) in every output; hidden by default")
        boolean show;
    }

    /** {@code --parallel N}, else ZOMBIELAB_PARALLEL, else 1. */
    static final class ParallelMixin {
        static final int MOST = 8;

        @Option(
                names = "--parallel",
                paramLabel = "N",
                defaultValue = "${env:ZOMBIELAB_PARALLEL:-1}",
                converter = Count.class,
                description = "runs N cells at once, each in its own container (also ZOMBIELAB_PARALLEL=N; default 1)")
        int parallel;

        /** 1 to 8: each cell is a container of its own; on 2 cores, 2 is the useful most. */
        static final class Count extends CountIn {
            Count() {
                super(
                        1,
                        MOST,
                        "--parallel needs a count of cells to run at once",
                        " (--parallel or ZOMBIELAB_PARALLEL)");
            }
        }
    }

    /** A whole number in a range; anything else is refused with what the option needs and what it got. */
    abstract static class CountIn implements ITypeConverter<Integer> {
        private final int least;
        private final int most;
        private final String needs;
        private final String where;

        CountIn(int least, int most, String needs, String where) {
            this.least = least;
            this.most = most;
            this.needs = needs;
            this.where = where;
        }

        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= least && n <= most) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // said below
            }
            throw new TypeConversionException(needs + ", " + least + " to " + most + ", not '" + value + "'" + where);
        }
    }

    /** {@code --reaper ID...}, else ZOMBIELAB_REAPERS, else every reaper. */
    static final class ReaperMixin {
        @Option(
                names = "--reaper",
                paramLabel = "ID",
                split = ",",
                completionCandidates = ReaperIds.class,
                description =
                        "keeps the cells of the reapers named: ${COMPLETION-CANDIDATES} (also ZOMBIELAB_REAPERS=id,id)")
        List<String> reapers = List.of();

        /** The reapers --reaper names, else those the environment names ({@code fallback}). */
        ReaperFilter filter(Settings.Selection fallback) {
            try {
                return reapers.isEmpty()
                        ? fallback.reaperFilter()
                        : ReaperFilter.parse(String.join(",", reapers), "--reaper");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), !reapers.isEmpty());
            }
        }
    }

    /** Every reaper's id, for --reaper's help: the list stays the enum's. */
    static final class ReaperIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Reaper.values()).map(Reaper::id).iterator();
        }
    }

    /** {@code --family NAME}: only the cells of one scenario family (scenarios/families/NAME.yaml). */
    static final class FamilyMixin {
        @Option(
                names = "--family",
                paramLabel = "NAME",
                completionCandidates = FamilyNames.class,
                description =
                        "only the cells of scenario family NAME (scenarios/families/NAME.yaml): ${COMPLETION-CANDIDATES}")
        String family;

        java.util.Optional<String> family() {
            return java.util.Optional.ofNullable(family);
        }
    }

    /** The families of the checkout, for --family's help: made by {@link Main}'s factory, which knows the checkout. */
    static final class FamilyNames implements Iterable<String> {
        private final io.zombielab.image.ProjectLayout layout;

        FamilyNames(io.zombielab.image.ProjectLayout layout) {
            this.layout = layout;
        }

        @Override
        public Iterator<String> iterator() {
            return MatrixRun.allFamilyFiles(layout).stream()
                    .map(io.zombielab.scenario.FamilyFiles::idOf)
                    .iterator();
        }
    }

    /** {@code --shard K/N}, else ZOMBIELAB_SHARD, else all. */
    static final class ShardMixin {
        @Option(
                names = "--shard",
                paramLabel = "K/N",
                description =
                        "runs the K-th of N equal parts of the cells, for parallel CI jobs (also ZOMBIELAB_SHARD=K/N)")
        String shard;

        /** The shard --shard names, else the one the environment names ({@code fallback}). */
        Shard shard(Settings.Selection fallback) {
            try {
                return shard == null ? fallback.shardOf() : Shard.parse(shard, "--shard");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), shard != null);
            }
        }
    }
}
