package io.zombielab.run;

/** A scenario did not reach a state it waits for in time; the message says which cell and what was missing. */
public final class ScenarioTimeoutException extends RuntimeException {
    public ScenarioTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
