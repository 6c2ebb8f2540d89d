package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.promise.Promise;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.report.ProbeModes;
import io.zombielab.report.PromiseJson;
import io.zombielab.report.PromiseTable;
import io.zombielab.scenario.Reaper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `validate`: checks an init's promises, one container per promise. A reference init is judged against
 * what it documents; a user's init against what any init must do (how far its signals reach is reported).
 */
@Command(name = "validate", description = "checks an init's promises: a reference one (tini, tini-group, docker-init, "
        + "dumb-init, catatonit, java) or yours, in your image, in front of zombielab's static test program")
final class ValidateCommand extends ReportingCommand {

    /** {@code --reaper ID | --image IMAGE}. */
    static final class Target {
        @Option(names = "--reaper", required = true, paramLabel = "ID", description = "a reference init, in zombielab's image")
        String reaper;

        @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "your image, through its own ENTRYPOINT")
        String image;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--entrypoint", paramLabel = "\"CMD ARG...\"",
            description = "with --image: the init in front of the test program, one argument, quoted as in a shell")
    String entrypoint;

    @Option(names = "--name", paramLabel = "NAME", description = "with --image: what reports call the init")
    String name;

    @Override
    LabWork prepare() {
        if (target.reaper != null) {
            if (entrypoint != null || name != null) {
                throw new UsageException("validate: --entrypoint and --name go with --image, not --reaper");
            }
            Reaper known = reference(target.reaper);
            return lab -> run(lab, lab.referenceInit(known));
        }
        Optional<List<String>> words = Optional.ofNullable(entrypoint).map(Words::split);
        ReaperUnderTest user = new ReaperUnderTest(Optional.ofNullable(name).orElse(target.image), target.image, words, false,
                ReaperUnderTest.universalPromises());
        return lab -> run(lab, user);
    }

    private static Reaper reference(String id) {
        Reaper known;
        try {
            known = Reaper.byId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("validate: " + e.getMessage());
        }
        if (!known.isContainerInit()) {
            throw new UsageException("validate: reaper '" + known + "' is no init in front of the program in its container"
                    + (known.pidNamespace().hasPause() ? " (a pod's pause is PID 1 of a namespace the container may join; "
                    + "`zombielab matrix --reaper " + known + "` runs its cells)" : "")
                    + "; name one of " + Arrays.stream(Reaper.values()).filter(Reaper::isContainerInit).toList());
        }
        return known;
    }

    private int run(Lab lab, ReaperUnderTest init) {
        PrintWriter out = out();
        PrintWriter err = err();
        List<PromiseVerdict> verdicts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Promise promise : init.promises()) {
            if (!quiet()) {
                err.println("[zombielab] " + init.name() + ": checking " + promise.id() + " ...");
                err.flush();
            }
            try {
                PromiseVerdict verdict = lab.check(init, promise);
                verdicts.add(verdict);
                if (!verdict.holds()) {
                    errors.add(verdict.explain());
                }
            } catch (RuntimeException e) {
                errors.add(init.name() + ": '" + promise.id() + "' could not be checked: " + lab.whyCouldNotRun(e));
            }
        }
        long judged = init.promises().stream().filter(p -> init.expected(p).isPresent()).count();
        long kept = verdicts.stream().filter(v -> v.expected().isPresent() && v.holds()).count();
        String summary = String.format("%d of %d judged promises kept%s", kept, judged,
                errors.isEmpty() ? "" : "; see above for what broke");
        switch (output.output()) {
            case JSON -> out.print(PromiseJson.render(init.name(), init.image(), verdicts, errors));
            case QUIET -> out.println(summary.replace("; see above for what broke", ": " + errors.size() + " broken"));
            case TABLE -> {
                out.println();
                out.println("zombielab validate: " + init.name() + " (image " + init.image() + ", entrypoint "
                        + init.entrypoint().map(List::toString).orElse("of the image") + ")");
                out.println("observed by the " + ProbeModes.describe(verdicts.stream().flatMap(v -> v.seen().probe().stream()).toList()));
                out.println();
                out.print(PromiseTable.render(verdicts));
                errors.forEach(e -> out.println("\n" + e));
                out.printf("%n%s%n", summary);
            }
        }
        return errors.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
