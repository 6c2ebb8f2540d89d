package io.zombielab.deploy;

/** Where a member of a fleet was named: a file and line ({@code compose.yaml:7}), or the command line ({@code --image}). */
public record Source(String file, int line) {

    public static final Source COMMAND_LINE = new Source("--image", 0);

    public boolean isFile() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isFile() ? file + ":" + line : file;
    }
}
