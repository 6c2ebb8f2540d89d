package io.zombielab.promise;

/** What checking one promise gave: a verdict, or why the promise could not be checked (never a pass). */
public sealed interface PromiseResult {

    Promise promise();

    record Judged(PromiseVerdict verdict) implements PromiseResult {
        @Override
        public Promise promise() {
            return verdict.promise();
        }
    }

    record NotChecked(ReaperUnderTest init, Promise promise, String reason) implements PromiseResult {
        /** The line a report prints. */
        public String explain() {
            return init.name() + ": '" + promise.id() + "' could not be checked: " + reason;
        }
    }
}
