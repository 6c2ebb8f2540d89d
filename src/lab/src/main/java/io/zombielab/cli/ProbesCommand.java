package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.run.ProbeComparison;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * {@code probes [--samples N]}: how fast each probe looks at a container here, on the same container
 * (the median of N snapshots each; the host probe only where this host shows the container).
 */
final class ProbesCommand {

    private ProbesCommand() {
    }

    static Function<Lab, Integer> parse(List<String> args, PrintStream out) {
        int samples = 100;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--samples") && i + 1 < args.size()) {
                try {
                    samples = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    samples = 0;
                }
                if (samples < 1 || samples > 100_000) {
                    throw new Main.UsageException("--samples needs a count of snapshots, 1 to 100000, not '" + args.get(i) + "'");
                }
            } else {
                throw new Main.UsageException("probes takes only --samples N, not '" + args.get(i) + "'");
            }
        }
        int n = samples;
        return lab -> {
            ProbeComparison.Result r = lab.compareProbes(n);
            out.printf("probes on one container (%d processes, %d of them zombies), %d snapshots each:%n", r.processes(),
                    r.zombies(), n);
            out.println("  host       " + r.host().map(Object::toString)
                    .orElse("not available here (not root, or a remote engine: the host does not show the container)"));
            out.println("  universal  " + r.universal());
            r.host().ifPresent(h -> out.printf("  universal / host: %.1fx%n", r.universal().median() / h.median()));
            return ExitCode.OK;
        };
    }
}
