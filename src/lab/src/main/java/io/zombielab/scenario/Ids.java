package io.zombielab.scenario;

import java.util.Collection;
import java.util.function.Function;

/** Looking a named thing up by its id, and saying which ids there are when there is none by that name. */
public final class Ids {

    private Ids() {}

    /** The one of {@code all} whose id is {@code id}; else an error naming {@code what} and the known ids. */
    public static <T> T byId(Collection<T> all, Function<T, String> idOf, String id, String what) {
        return all.stream()
                .filter(t -> idOf.apply(t).equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + id + "' (known: "
                        + all.stream().map(idOf).toList() + ")"));
    }
}
