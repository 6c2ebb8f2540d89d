package io.zombielab.cli;

import io.zombielab.run.ProbeComparison;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code probes [--samples N]}: how fast each probe looks at a container here, on the same container
 * (the median of N snapshots each; the host probe only where this host shows the container).
 */
@Command(
        name = "probes",
        description = "times the host and the universal probe on one container here (median of N snapshots)")
final class ProbesCommand extends LabCommand {

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "100",
            converter = Samples.class,
            description = "snapshots per probe (default 100)")
    int samples;

    /** 1 to 100000. */
    static final class Samples extends Options.CountIn {
        Samples() {
            super(1, 100_000, "--samples needs a count of snapshots", "");
        }
    }

    @Override
    LabWork prepare() {
        return lab -> {
            ProbeComparison.Result r = lab.compareProbes(samples);
            PrintWriter out = out();
            out.printf(
                    "probes on one container (%d processes, %d of them zombies), %d snapshots each:%n",
                    r.processes(), r.zombies(), samples);
            out.println(
                    "  host       "
                            + r.host()
                                    .map(Object::toString)
                                    .orElse(
                                            "not available here (not root, or a remote engine: the host does not show the container)"));
            out.println("  universal  " + r.universal());
            r.host()
                    .ifPresent(h -> out.printf(
                            "  universal / host: %.1fx%n", r.universal().median() / h.median()));
            return ExitCode.OK;
        };
    }
}
