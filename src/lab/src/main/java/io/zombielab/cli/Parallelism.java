package io.zombielab.cli;

/**
 * How many cells run at once: {@code --parallel N} or ZOMBIELAB_PARALLEL, 1 when neither is given. Each
 * cell is a container of its own, so cells do not share processes; on 2 cores, 2 is the useful most.
 */
final class Parallelism {

    static final int MOST = 8;

    private Parallelism() {
    }

    static int fromEnvironment() {
        String value = System.getenv("ZOMBIELAB_PARALLEL");
        return value == null || value.isBlank() ? 1 : parse(value, "ZOMBIELAB_PARALLEL");
    }

    static int parse(String value, String source) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n >= 1 && n <= MOST) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new Main.UsageException(source + " needs a count of cells to run at once, 1 to " + MOST
                + (value == null ? "" : ", not '" + value + "'"), source.startsWith("--"));
    }
}
