package io.zombielab.promise;

import io.zombielab.image.ImageConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a deployment file (a Compose service, a pod's container) runs an image, beside what the image says: its
 * entrypoint and command replaced or not, the user, the stop signal, the environment, the working directory,
 * the exec probes (health checks, liveness/readiness/startup probes) run in it, the preStop hook run before the
 * stop signal, and whether it ends by itself (a Job). An image validated as it ships has {@link #AS_BUILT}.
 *
 * @param entrypoint replaces the image's ENTRYPOINT; empty: the image's
 * @param cmd        replaces the image's CMD (an empty list clears it); empty: the image's
 * @param preStop    run in the container, to its end, before the stop signal (Kubernetes' preStop exec hook)
 * @param job        it is a Job's container (a Job, or a CronJob's job): it ends by itself, and what the Job says
 *                   about its deadline and its failures; empty: it runs until it is stopped
 */
public record Deployment(
        Optional<List<String>> entrypoint,
        Optional<List<String>> cmd,
        Optional<String> user,
        Optional<String> stopSignal,
        Map<String, String> environment,
        Optional<String> workingDir,
        List<ExecProbe> probes,
        Optional<ExecProbe> preStop,
        Optional<JobTerms> job) {

    /** The image as it was built: nothing replaced, no probe, no hook. */
    public static final Deployment AS_BUILT = new Deployment(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty());

    public Deployment {
        entrypoint = entrypoint.map(List::copyOf);
        cmd = cmd.map(List::copyOf);
        environment = Map.copyOf(environment);
        probes = List.copyOf(probes);
    }

    /** What the container runs: the image's config with this deployment's replacements in it. */
    public ImageConfig applyTo(ImageConfig image) {
        return new ImageConfig(
                image.image(),
                entrypoint.orElse(image.entrypoint()),
                cmd.orElse(entrypoint.isPresent() ? List.of() : image.cmd()),
                stopSignal.or(image::stopSignal),
                user.orElse(image.user()),
                image.path(),
                image.platform());
    }

    /**
     * A command a deployment runs in the container by {@code docker exec}, {@code runs} times, one start every
     * {@code every}, as the engine runs a health check and the kubelet an exec probe.
     *
     * @param what  for reports: "healthcheck", "livenessProbe", "preStop"
     * @param where the file and line that define it, for errors and reports
     */
    public record ExecProbe(String what, List<String> command, java.time.Duration every, int runs, String where) {
        public ExecProbe {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException(what + " has no command");
            }
        }

        /** "healthcheck [sh, -c, ...] (compose.yaml:12)". */
        public String describe() {
            return what + " " + command + " (" + where + ")";
        }
    }
}
