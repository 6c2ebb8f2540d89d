package io.zombielab.promise;

import java.util.function.Function;

/** A promise's statement, given once in its constructor: its id, its sentence and how its container runs. */
abstract class StatedPromise implements Promise {

    private final String id;
    private final String meaning;
    private final Function<Grading, PromiseSetup> setup;

    StatedPromise(String id, String meaning, Function<Grading, PromiseSetup> setup) {
        this.id = id;
        this.meaning = meaning;
        this.setup = setup;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String meaning() {
        return meaning;
    }

    @Override
    public final PromiseSetup setup(Grading grading) {
        return setup.apply(grading);
    }

    @Override
    public String toString() {
        return id;
    }
}
