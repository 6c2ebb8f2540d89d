package io.zombielab.promise;

import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.ProcessTable;

/**
 * The image as it ships: whatever its PID 1 is, it reaps the orphans it adopts. The orphans are made from the
 * probe's sidecar, in the container's PID namespace, so nothing is added to the image; the sidecar times each reap.
 */
final class ReapsOrphansAsShipped extends StatedPromise {

    ReapsOrphansAsShipped() {
        super(
                "reaps-orphans",
                "its PID 1, whatever it is, reaps the orphans it adopts, promptly",
                grading -> new PromiseSetup.AsShipped());
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        c.awaitSettled();
        OrphanReport report = c.makeOrphans(grading.orphans());
        String table = ProcessTable.format(c.snapshot());
        // No docker stop: how it stops is stops-gracefully's to judge; the runner kills and removes it.
        return Orphans.judge(this, init, report, grading, c.seen(table));
    }
}
