package io.zombielab.promise;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Kubernetes Job (or a CronJob's job template) says about how its container ends: how long validate waits for
 * it to end by itself (its activeDeadlineSeconds, else {@link #DEFAULT_DEADLINE}), what the kubelet does when it fails
 * (its restartPolicy and backoffLimit, reported), and a CronJob's schedule (read and reported: validate runs it once, now).
 *
 * @param kind          "Job" or "CronJob", for reports
 * @param deadline      how long it may run before it is stopped (with its grace period) and judged still running
 * @param deadlineWhere the file:line of its activeDeadlineSeconds; empty when the default applies
 * @param where         the file:line of the Job (or CronJob) document, for reports
 */
public record JobTerms(
        String kind,
        Duration deadline,
        Optional<String> deadlineWhere,
        RestartPolicy restartPolicy,
        int backoffLimit,
        Optional<String> schedule,
        String where) {

    /** A Job with no activeDeadlineSeconds runs as long as it likes in Kubernetes; validate waits this long. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    /** Kubernetes' default backoffLimit. */
    public static final int DEFAULT_BACKOFF_LIMIT = 6;

    /** A Job's pod's restartPolicy: Kubernetes refuses Always (and a pod spec without one defaults to Always). */
    public enum RestartPolicy {
        NEVER("Never"),
        ON_FAILURE("OnFailure");

        private final String word;

        RestartPolicy(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The policy the manifest spells, if it is one a Job may have. */
        public static Optional<RestartPolicy> of(String word) {
            for (RestartPolicy p : values()) {
                if (p.word.equals(word)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    public JobTerms {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("a Job's deadline must be above 0");
        }
    }

    /** "its activeDeadlineSeconds, 20 s (jobs.yaml:9)" or "validate's default bound, 60 s (it has no activeDeadlineSeconds)". */
    public String describeDeadline() {
        return deadlineWhere
                .map(w -> "its activeDeadlineSeconds, " + deadline.toSeconds() + " s (" + w + ")")
                .orElse("validate's default bound, " + deadline.toSeconds() + " s (it has no activeDeadlineSeconds)");
    }

    /** What Kubernetes would do with a failed run of it: restart the container in place, or start new pods. */
    public String onFailure() {
        return switch (restartPolicy) {
            case NEVER ->
                "restartPolicy Never: the Job controller would start up to " + backoffLimit
                        + " new pods (backoffLimit)";
            case ON_FAILURE ->
                "restartPolicy OnFailure: the kubelet would restart the container in place, up to " + backoffLimit
                        + " times (backoffLimit)";
        };
    }
}
