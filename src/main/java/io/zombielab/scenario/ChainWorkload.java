package io.zombielab.scenario;

import java.time.Duration;

/**
 * The synthetic workload of fixtures/chain: {@code npm run start} runs {@code sh -c "node level.js"},
 * which starts {@code nodeLevels} node processes, each the parent of the next and each holding
 * {@code ballastMiB} of resident memory.
 *
 * @param nodeLevels  how many node processes hang below npm's shell (at least 1)
 * @param ballastMiB  resident memory each node level holds
 * @param termLinger  how long a level that got SIGTERM waits for its parent to die before exiting anyway
 */
public record ChainWorkload(int nodeLevels, int ballastMiB, Duration termLinger) {

    public static final ChainWorkload DEFAULT = new ChainWorkload(2, 32, Duration.ofSeconds(3));

    public ChainWorkload {
        if (nodeLevels < 1) {
            throw new IllegalArgumentException("a chain needs at least 1 node level, got " + nodeLevels);
        }
        if (ballastMiB < 0) {
            throw new IllegalArgumentException("ballast must not be negative, got " + ballastMiB + " MiB");
        }
    }

    /** npm, its shell, and the node levels: the processes of one chain (the design notes' L). */
    public int processesPerChain() {
        return 2 + nodeLevels;
    }

    /** Everything below npm: what a SIGKILL to npm alone leaves alive (re-parented to PID 1). */
    public int processesBelowNpm() {
        return processesPerChain() - 1;
    }
}
