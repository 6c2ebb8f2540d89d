package io.zombielab.probe;

/** What a probe read is not what the kernel or the sidecar writes; the message quotes it. */
public final class ProbeFormatException extends RuntimeException {
    ProbeFormatException(String message) {
        super(message);
    }

    ProbeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
