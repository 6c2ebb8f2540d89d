package io.zombielab.probe;

/**
 * A probe could not look at a container. The message names the container, the probe's mode and what the
 * probe itself said: a check that could not look must never pass.
 */
public final class ProbeException extends RuntimeException {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
