package io.zombielab.observe;

import io.zombielab.probe.ProbeMode;
import io.zombielab.scenario.Promise;
import io.zombielab.scenario.ReaperUnderTest;
import java.time.Duration;
import java.util.Optional;

/**
 * What one promise check saw.
 *
 * @param exitCode           the container's exit code, once it ended
 * @param stopLatency        how long `docker stop` took, for the checks that stop the container
 * @param zombies            zombies left once the orphans had exited (orphan checks)
 * @param signalled          how many processes announced a SIGTERM they received
 * @param groupSize          how many processes were in the child's group or groups (group checks)
 * @param processTable       the process table at the moment of judgement
 * @param containerLog       everything the container printed
 * @param probe              how the container was observed; empty for the checks that only read its exit code
 */
public record PromiseObservation(
        ReaperUnderTest reaper,
        Promise promise,
        Optional<Long> exitCode,
        Optional<Duration> stopLatency,
        int zombies,
        int signalled,
        int groupSize,
        String processTable,
        String containerLog,
        Optional<ProbeMode> probe) {
}
