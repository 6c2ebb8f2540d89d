package io.zombielab.promise;

import java.util.List;

/**
 * Who in the child's process group gets the forwarded SIGTERM: the child only (tini, catatonit, docker-init),
 * or the whole group (tini -g, dumb-init). Reported for an init of yours, judged for the reference inits.
 */
final class SignalReach extends StatedPromise {

    SignalReach() {
        super(
                "signal-reach",
                "who in the child's process group gets the forwarded SIGTERM: the child only, or the whole group (tini -g, dumb-init)",
                grading -> new PromiseSetup.ChildOfInit(
                        List.of("group", "--children", Integer.toString(Groups.CHILDREN)), false));
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        Groups.Reach reach = Groups.stop(c, true, grading);
        return judge(init, reach, c.seen(reach.table()));
    }

    /** The whole group when every member got SIGTERM, the child only when some did, not forwarded when none. */
    PromiseVerdict judge(ReaperUnderTest init, Groups.Reach reach, PromiseVerdict.Seen seen) {
        int group = Groups.CHILDREN + 1;
        PromiseOutcome outcome = reach.signalled() >= group
                ? PromiseOutcome.WHOLE_GROUP
                : reach.signalled() > 0 ? PromiseOutcome.CHILD_ONLY : PromiseOutcome.NOT_FORWARDED;
        return PromiseVerdict.of(
                init,
                this,
                outcome,
                reach.signalled() + " of the " + group
                        + " processes of the child's group got SIGTERM"
                        + (reach.signalled() > 0
                                ? " (the last after " + reach.took().toMillis() + " ms)"
                                : " within " + reach.took().toMillis() + " ms"),
                seen);
    }
}
