package io.zombielab.promise;

import java.util.List;

/**
 * Children the child put in process groups of their own (the story's Setpgid) get no SIGTERM from the init:
 * the supervisor must stop them itself.
 */
final class OwnGroupsUnreached extends StatedPromise {

    OwnGroupsUnreached() {
        super(
                "own-groups-unreached",
                "children the child put in process groups of their own (the story's Setpgid) get no SIGTERM from the init",
                grading -> new PromiseSetup.ChildOfInit(
                        List.of("group", "--children", Integer.toString(Groups.CHILDREN), "--own-group"), false));
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        Groups.Reach reach = Groups.stop(c, false, grading);
        return PromiseVerdict.of(
                init,
                this,
                reach.signalled() == 0 ? PromiseOutcome.UNREACHED : PromiseOutcome.REACHED,
                reach.signalled() + " of " + Groups.CHILDREN + " children in their own groups got SIGTERM",
                c.seen(reach.table()));
    }
}
