package io.zombielab.run;

import java.util.Optional;

/**
 * One look at a cell while waiting for it: what was seen, and what is still pending (empty when what was awaited
 * has happened). A wait returns the last look's value.
 */
record Look<T>(T seen, Optional<String> pending) {

    static <T> Look<T> done(T seen) {
        return new Look<>(seen, Optional.empty());
    }

    static <T> Look<T> pending(T seen, String why) {
        return new Look<>(seen, Optional.of(why));
    }

    static <T> Look<T> of(T seen, Optional<String> pending) {
        return new Look<>(seen, pending);
    }
}
