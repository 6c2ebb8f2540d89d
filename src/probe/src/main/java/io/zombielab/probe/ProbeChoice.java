package io.zombielab.probe;

import java.util.Arrays;
import java.util.Locale;

/** Which probe to use: the fastest that can see the container ({@code auto}), or one forced. */
public enum ProbeChoice {
    /** The host probe where the host shows the container, else the universal one. */
    AUTO("auto"),
    /** The host probe, or an error saying why the host cannot see the container. */
    HOST("host"),
    /** The universal probe (a sidecar), wherever the engine is. */
    UNIVERSAL("universal");

    private final String id;

    ProbeChoice(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code auto}, {@code host} or {@code universal}; {@code source} names where the value came from, for the error. */
    public static ProbeChoice parse(String value, String source) {
        String wanted = value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("exec")) {
            throw new IllegalArgumentException(
                    source + "=exec: the docker exec probe is gone (it needed a shell, awk and "
                            + "a free PID inside the container); use 'universal', which needs nothing inside it");
        }
        return Arrays.stream(values())
                .filter(c -> c.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + "=" + value + ": unknown probe (known: "
                        + Arrays.stream(values()).map(ProbeChoice::id).toList() + ")"));
    }

    @Override
    public String toString() {
        return id;
    }
}
