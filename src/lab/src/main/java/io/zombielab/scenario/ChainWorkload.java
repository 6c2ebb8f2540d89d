package io.zombielab.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The synthetic workload of fixtures/chain: {@code npm run start} runs {@code sh -c "node level.js"},
 * which starts {@code nodeLevels} node processes, each the parent of the next and each holding
 * {@code ballastMiB} of resident memory.
 *
 * @param nodeLevels  how many node processes hang below npm's shell (at least 1)
 * @param ballastMiB  resident memory each node level holds
 * @param termLinger  how long a level that got SIGTERM waits for its parent to die before exiting anyway
 */
public record ChainWorkload(int nodeLevels, int ballastMiB, Duration termLinger) implements Workload {

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

    @Override
    public String id() {
        return "chain";
    }

    @Override
    public String directory() {
        return "/opt/zombielab/workloads/chain";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "ZOMBIELAB_DEPTH", Integer.toString(nodeLevels),
                "ZOMBIELAB_BALLAST_MIB", Integer.toString(ballastMiB),
                "ZOMBIELAB_TERM_LINGER_MS", Long.toString(termLinger.toMillis()));
    }

    /** npm, its shell, then each node level, titled zl-c[cycle]-L[level] by fixtures/chain/level.js. */
    @Override
    public List<String> expectedTree() {
        List<String> tree = new ArrayList<>(List.of("npm run start", "sh"));
        for (int level = 1; level <= nodeLevels; level++) {
            tree.add("zl-c*-L" + level);
        }
        return List.copyOf(tree);
    }

    @Override
    public Expectation expect(Reaper reaper, KillStrategy kill) {
        return ChainTruthTable.expect(reaper, kill, this);
    }
}
