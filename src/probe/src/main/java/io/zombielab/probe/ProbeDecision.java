package io.zombielab.probe;

import java.util.Optional;

/** What {@link Probes#decide} says a container gets: a probe, or the refusal of a host probe that cannot see it. */
public enum ProbeDecision {
    /** The host probe: the host shows the container, and the choice allows it. */
    HOST,
    /** The universal probe: asked for, or the host does not show the container and the choice allows it. */
    UNIVERSAL,
    /** ZOMBIELAB_PROBE=host, but the host does not show the container: an error, never another probe. */
    HOST_REFUSED;

    /** The probe used; empty for a refusal. */
    public Optional<ProbeMode> mode() {
        return switch (this) {
            case HOST -> Optional.of(ProbeMode.HOST);
            case UNIVERSAL -> Optional.of(ProbeMode.UNIVERSAL);
            case HOST_REFUSED -> Optional.empty();
        };
    }
}
