package io.zombielab.image;

/** An image a user named cannot be validated; said before any container runs, nothing judged. */
public final class ImageRefusedException extends RuntimeException {

    /** Whose fix it is: the command line's (exit 2) or the environment's (exit 3). */
    public enum Kind {
        INPUT,
        ENVIRONMENT
    }

    private final Kind kind;

    public ImageRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ImageRefusedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
