package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.deploy.FleetMember;
import io.zombielab.image.ImageInput;
import io.zombielab.image.ImageRefusedException;
import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.report.FleetReport;
import io.zombielab.report.ReportFolder;
import io.zombielab.report.ValidateReport;
import io.zombielab.scenario.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * validate's fleet: every image built (where a file builds it) and checked first, the whole fleet, whatever the
 * shard (bad input anywhere refuses the run before any container); then this shard's images, {@code imagesAtOnce}
 * at a time, each with its promises {@code promisesAtOnce} at a time; one report for them all.
 */
final class FleetRun {

    /** How validate grades and stops: the latency bound, and --stop-timeout if it was given. */
    record Knobs(Duration latencyBound, Optional<Integer> stopTimeout, int imagesAtOnce, int promisesAtOnce) {}

    private final List<FleetMember> fleet;
    private final Shard shard;
    private final Knobs settings;

    FleetRun(List<FleetMember> fleet, Shard shard, Knobs settings) {
        this.fleet = List.copyOf(fleet);
        this.shard = shard;
        this.settings = settings;
    }

    /** Each member's grading, checked before the lab opens: a grace period validate cannot grade is the file's fault. */
    Map<FleetMember, Grading> gradings() {
        Map<FleetMember, Grading> gradings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (FleetMember m : fleet) {
            try {
                gradings.put(m, m.grading(settings.latencyBound(), settings.stopTimeout()));
            } catch (IllegalArgumentException e) {
                problems.add(m.source() + ": " + m.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems) + "\nnothing was judged", false);
        }
        return gradings;
    }

    /** This shard's members; refused when it has none (fewer shards, or more images). */
    List<FleetMember> selected() {
        List<FleetMember> mine = shard.select(fleet);
        if (mine.isEmpty()) {
            throw new UsageException(
                    "fleet shard " + shard + " of " + fleet.size() + " image" + (fleet.size() == 1 ? "" : "s")
                            + " is empty: use fewer shards\nnothing was judged",
                    false);
        }
        return mine;
    }

    FleetReport run(Lab lab, Consumer<String> progress) {
        Map<FleetMember, Grading> gradings = gradings();
        List<FleetMember> mine = selected();
        Map<FleetMember, ImageInput.Checked> checked = checkAll(lab, progress);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (mine.size() > 1) {
            progress.accept(mine.size() + " images"
                    + (shard.equals(Shard.ALL) ? "" : " (fleet shard " + shard + " of " + fleet.size() + ")") + ", "
                    + Math.min(settings.imagesAtOnce(), mine.size()) + " at a time");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.imagesAtOnce(), mine.size()));
        try {
            List<Future<FleetReport.Member>> running = new ArrayList<>();
            for (FleetMember m : mine) {
                running.add(pool.submit(() -> validate(lab, m, gradings.get(m), checked.get(m), progress)));
            }
            List<FleetReport.Member> members = new ArrayList<>();
            for (Future<FleetReport.Member> f : running) {
                members.add(f.get());
            }
            return new FleetReport(
                    members, shard, fleet.size(), lab.runId(), started, Duration.ofNanos(System.nanoTime() - t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Builds what the files build and checks every image of the fleet; every refusal is collected, each at its
     * file:line, and the run refused with all of them: exit 2 if any is the input's fault, else 3.
     */
    private Map<FleetMember, ImageInput.Checked> checkAll(Lab lab, Consumer<String> progress) {
        Map<FleetMember, ImageInput.Checked> checked = new LinkedHashMap<>();
        List<ImageRefusedException> refused = new ArrayList<>();
        for (FleetMember m : fleet) {
            try {
                if (m.build().isPresent()) {
                    progress.accept(m.name() + ": building " + m.image() + " ("
                            + m.build().get().where() + ")");
                    lab.deployBuild().build(m.build().get(), m.image());
                }
                checked.put(
                        m,
                        m.entrypoint().isPresent()
                                ? lab.checkImage(m.image(), ImageInput.Pull.NEVER, m.entrypoint())
                                : lab.checkDeployed(m.image(), m.deployment(), m.source() + ": " + m.name()));
            } catch (ImageRefusedException e) {
                String message = e.getMessage().startsWith(m.source().toString())
                        ? e.getMessage()
                        : m.source() + ": " + m.name() + ": " + e.getMessage();
                refused.add(new ImageRefusedException(e.kind(), message, e));
            }
        }
        if (!refused.isEmpty()) {
            boolean input = refused.stream().anyMatch(r -> r.kind() == ImageRefusedException.Kind.INPUT);
            throw new ImageRefusedException(
                    input ? ImageRefusedException.Kind.INPUT : ImageRefusedException.Kind.ENVIRONMENT,
                    refused.size() + " of the fleet's " + fleet.size() + " images cannot be validated:\n  "
                            + String.join(
                                    "\n  ",
                                    refused.stream().map(Throwable::getMessage).toList()));
        }
        return checked;
    }

    private FleetReport.Member validate(
            Lab lab, FleetMember m, Grading grading, ImageInput.Checked checked, Consumer<String> progress) {
        long t0 = System.nanoTime();
        ReaperUnderTest subject = m.subject();
        Optional<ConfigReading> reading = m.entrypoint().isPresent()
                ? Optional.empty()
                : Optional.of(ConfigReading.of(m.deployment().applyTo(checked.config()), m.front()));
        List<PromiseResult> results = lab.validate(subject, grading, settings.promisesAtOnce(), progress);
        ValidateReport report = new ValidateReport(subject, grading, reading, results);
        List<String> fix = report.grade() == ValidateReport.Overall.GOOD
                ? List.of()
                : m.fix().map(f -> f.lines(report.verdicts())).orElse(List.of());
        return new FleetReport.Member(m, report, Duration.ofNanos(System.nanoTime() - t0), fix);
    }

    /** Writes the fleet's pages, validate.md and validate.html, into the report folder; returns it. */
    static Path writePages(ReportFolder reports, FleetReport report) {
        reports.write("validate.md", report.markdown());
        reports.write("validate.html", report.html());
        return reports.path();
    }
}
