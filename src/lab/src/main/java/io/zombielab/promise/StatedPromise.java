package io.zombielab.promise;

import java.util.List;

/** A promise's statement, given once in its constructor: its id, its sentence and its child's command line. */
abstract class StatedPromise implements Promise {

    private final String id;
    private final String meaning;
    private final List<String> childCommand;

    StatedPromise(String id, String meaning, List<String> childCommand) {
        this.id = id;
        this.meaning = meaning;
        this.childCommand = List.copyOf(childCommand);
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
    public final List<String> childCommand() {
        return childCommand;
    }

    @Override
    public String toString() {
        return id;
    }
}
