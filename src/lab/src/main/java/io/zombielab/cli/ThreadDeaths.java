package io.zombielab.cli;

import java.io.PrintWriter;
import java.net.SocketException;

/**
 * What a thread that is not the command's says when an exception ends it (a library's: Testcontainers' clean-up
 * at exit, a log follower): one line, never a stack trace. When the engine's connection is what failed, nothing:
 * every cell has said the engine stopped answering, and the summary counts them.
 */
final class ThreadDeaths implements Thread.UncaughtExceptionHandler {

    private final PrintWriter err;

    ThreadDeaths(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable thrown) {
        if (engineConnectionLost(thrown)) {
            return;
        }
        String first = String.valueOf(thrown.getMessage()).lines().findFirst().orElse("");
        err.println("[zombielab] ERROR: " + thread.getName() + " ended: "
                + thrown.getClass().getSimpleName() + ": " + first);
        err.flush();
    }

    static boolean engineConnectionLost(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SocketException) {
                return true;
            }
        }
        return false;
    }
}
