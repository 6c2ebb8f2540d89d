package io.zombielab.promise;

import java.util.Locale;

/** What an image's config predicts about one thing its PID 1 does. */
public enum Predicted {
    YES,
    NO,
    UNKNOWN;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
