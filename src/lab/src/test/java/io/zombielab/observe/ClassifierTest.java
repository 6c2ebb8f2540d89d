package io.zombielab.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.fixture.Chain;
import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessState;
import io.zombielab.probe.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ClassifierTest {

    private static ProcessInfo proc(int pid, char state, String chain, long startTime) {
        return new ProcessInfo(
                pid, "p" + pid, ProcessState.of(state), 1, pid, startTime, state == 'Z' ? 0 : 1000, chain, "");
    }

    private static Snapshot snapshot(ProcessInfo... processes) {
        return new Snapshot(Instant.EPOCH, List.of(processes), CgroupFigures.UNKNOWN);
    }

    @Test
    @DisplayName("live processes of a stopped chain are orphans; those of the running chain are not")
    void orphansOnlyFromStoppedChains() {
        ChainLedger ledger = new ChainLedger();
        Census census = Classifier.classify(
                snapshot(
                        proc(1, 'S', "", 1), proc(10, 'S', "c1", 10), proc(11, 'S', "c1", 11), proc(20, 'S', "c2", 20)),
                Set.of(new Chain(1)),
                ledger);
        assertThat(census.liveOrphans()).extracting(ProcessInfo::pid).containsExactly(10, 11);
        assertThat(census.zombies()).isEmpty();
        assertThat(census.orphanRssKiB()).isEqualTo(2000);
    }

    @Test
    @DisplayName("a zombie is counted whatever its chain, and keeps the chain it had when it was seen alive")
    void zombiesKeepTheirChainThroughTheLedger() {
        ChainLedger ledger = new ChainLedger();
        ledger.record(snapshot(proc(10, 'S', "c1", 10)));
        ProcessInfo zombie = proc(10, 'Z', "", 10);
        Census census = Classifier.classify(snapshot(zombie, proc(30, 'Z', "", 30)), Set.of(new Chain(1)), ledger);

        assertThat(census.zombies()).extracting(ProcessInfo::pid).containsExactly(10, 30);
        assertThat(census.liveOrphans()).isEmpty();
        assertThat(ledger.chainOf(zombie)).contains("c1");
    }

    @Test
    @DisplayName(
            "in a pod's shared PID namespace PID 1 is pause: the orphans are its children of stopped chains, not pause or the supervisor")
    void podSharedNamespace() {
        ProcessInfo pause =
                new ProcessInfo(1, "zl-helper", ProcessState.SLEEPING, 0, 1, 1, 900, "", "/zl-helper pause");
        ProcessInfo supervisor = new ProcessInfo(
                7, "supervisor-go", ProcessState.SLEEPING, 0, 7, 7, 5000, "", "/opt/zombielab/bin/supervisor-go");
        ProcessInfo shell =
                new ProcessInfo(12, "sh", ProcessState.SLEEPING, 1, 11, 12, 1000, "c1", "sh -c node level.js");
        ProcessInfo level1 =
                new ProcessInfo(13, "zl-c1-L1", ProcessState.SLEEPING, 12, 11, 13, 40000, "c1", "zl-c1-L1");
        ProcessInfo running =
                new ProcessInfo(20, "npm run start", ProcessState.SLEEPING, 7, 20, 20, 70000, "c2", "npm run start");
        Census census = Classifier.classify(
                snapshot(pause, supervisor, shell, level1, running), Set.of(new Chain(1)), new ChainLedger());
        assertThat(census.liveOrphans()).extracting(ProcessInfo::pid).containsExactly(12, 13);
        assertThat(census.zombies()).isEmpty();
    }

    @Test
    @DisplayName("a reused pid is a different process: the ledger matches on start time too")
    void pidReuseIsNotConfused() {
        ChainLedger ledger = new ChainLedger();
        ledger.record(snapshot(proc(10, 'S', "c1", 10)));
        assertThat(ledger.chainOf(proc(10, 'S', "", 99))).isEmpty();
    }
}
