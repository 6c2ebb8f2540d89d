package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.report.PromiseJson;
import io.zombielab.report.PromiseTable;
import io.zombielab.scenario.Promise;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.ReaperUnderTest;
import io.zombielab.verdict.PromiseVerdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * `validate`: checks an init's promises, one container per promise. A reference init is judged against
 * what it documents; a user's init against what any init must do (how far its signals reach is reported).
 */
final class ValidateCommand {

    private ValidateCommand() {
    }

    static Function<Lab, Integer> parse(List<String> args, PrintStream out, PrintStream err) {
        Optional<String> reaper = Optional.empty();
        Optional<String> image = Optional.empty();
        Optional<List<String>> entrypoint = Optional.empty();
        Optional<String> name = Optional.empty();
        MatrixCommand.Output output = MatrixCommand.Output.TABLE;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            var mode = MatrixCommand.outputOption(option, output);
            if (mode.isPresent()) {
                output = mode.get();
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new Main.UsageException("validate: " + option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--reaper" -> reaper = Optional.of(value);
                case "--image" -> image = Optional.of(value);
                case "--entrypoint" -> entrypoint = Optional.of(Arrays.asList(value.trim().split("\\s+")));
                case "--name" -> name = Optional.of(value);
                default -> throw new Main.UsageException("validate: unknown option '" + option + "'");
            }
        }
        if (reaper.isPresent() == image.isPresent()) {
            throw new Main.UsageException("validate: name either --reaper ID or --image IMAGE");
        }
        if (reaper.isPresent()) {
            Reaper known;
            try {
                known = Reaper.byId(reaper.get());
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("validate: " + e.getMessage());
            }
            if (known == Reaper.NONE) {
                throw new Main.UsageException("validate: reaper 'none' is no init; name one of the others");
            }
            MatrixCommand.Output chosen = output;
            return lab -> run(lab, lab.referenceInit(known), chosen, out, err);
        }
        String img = image.get();
        ReaperUnderTest user = new ReaperUnderTest(name.orElse(img), img, entrypoint, false,
                ReaperUnderTest.universalPromises());
        MatrixCommand.Output chosen = output;
        return lab -> run(lab, user, chosen, out, err);
    }

    private static int run(Lab lab, ReaperUnderTest reaper, MatrixCommand.Output output, PrintStream out, PrintStream err) {
        List<PromiseVerdict> verdicts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Promise promise : reaper.promises()) {
            if (output != MatrixCommand.Output.QUIET) {
                err.println("[zombielab] " + reaper.name() + ": checking " + promise.id() + " ...");
            }
            try {
                PromiseVerdict verdict = lab.check(reaper, promise);
                verdicts.add(verdict);
                if (!verdict.holds()) {
                    errors.add(verdict.explain());
                }
            } catch (RuntimeException e) {
                errors.add(reaper.name() + ": '" + promise.id() + "' could not be checked: " + lab.whyCouldNotRun(e));
            }
        }
        long judged = reaper.promises().stream().filter(reaper.expected()::containsKey).count();
        long kept = verdicts.stream().filter(v -> v.expected().isPresent() && v.holds()).count();
        String summary = String.format("%d of %d judged promises kept%s", kept, judged,
                errors.isEmpty() ? "" : "; see above for what broke");
        switch (output) {
            case JSON -> out.print(PromiseJson.render(reaper.name(), reaper.image(), verdicts, errors));
            case QUIET -> out.println(summary.replace("; see above for what broke", ": " + errors.size() + " broken"));
            case TABLE -> {
                out.println();
                out.println("zombielab validate: " + reaper.name() + " (image " + reaper.image() + ", entrypoint "
                        + reaper.entrypoint().map(List::toString).orElse("of the image") + ")");
                out.println("observed by the " + io.zombielab.report.ProbeModes.describe(
                        verdicts.stream().flatMap(v -> v.observation().probe().stream()).toList()));
                out.println();
                out.print(PromiseTable.render(verdicts));
                errors.forEach(e -> out.println("\n" + e));
                out.printf("%n%s%n", summary);
            }
        }
        return errors.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
