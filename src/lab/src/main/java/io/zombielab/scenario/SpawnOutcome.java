package io.zombielab.scenario;

/** Whether the supervisor must manage to start every cycle's workload. */
public enum SpawnOutcome {
    /** Every cycle starts. */
    COMPLETES,
    /** Some cycle cannot start (PIDs exhausted, say): the run must report which and why. */
    FAILS
}
