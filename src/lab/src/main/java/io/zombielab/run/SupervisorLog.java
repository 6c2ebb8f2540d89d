package io.zombielab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error lines of the story's supervisor's log (the redis-neighbour door), in the log's order: what its Redis
 * connections met (a lost connection, a refusal), and what it said of its own children (a spawn or stop that failed,
 * npm ending before the harness asked for its stop, a chain's shell reporting its node killed). The log is one
 * stream (the supervisor's stdout, inherited by its children), so its order is the order they were written in.
 */
final class SupervisorLog {

    private static final Pattern REDIS_ERROR =
            Pattern.compile("zombielab-event (redis-lost|redis-refused) side=(\\S+) (.*)");
    private static final Pattern EXITED =
            Pattern.compile("zombielab-event exited cycle=(\\d+) pid=\\d+ status=\"([^\"]*)\"");
    private static final Pattern CHILD_FAILED =
            Pattern.compile("zombielab-event (spawn-failed|stop-failed) cycle=(\\d+).*");
    private static final Pattern AT_MS = Pattern.compile("at_ms=(\\d+)");
    private static final Pattern ERROR_TEXT = Pattern.compile("(error|reply)=\"([^\"]*)\"");

    /** An error line: where it stands in the log, whether it is Redis's, and what it says. */
    record ErrorLine(int index, boolean redis, String text) {}

    private SupervisorLog() {}

    /** The cycles whose npm exit the log reports, in its order. */
    static List<Integer> exitedCycles(String log) {
        List<Integer> out = new ArrayList<>();
        Matcher exited = EXITED.matcher(log);
        while (exited.find()) {
            out.add(Integer.parseInt(exited.group(1)));
        }
        return out;
    }

    /**
     * The error lines of {@code log}, in order. {@code exitExpected}: per cycle whose exit was read, whether the harness
     * had asked for its stop by then (an exit it had not asked for is an error about a child). {@code originMs}: the
     * Unix time the Redis lines' at_ms are told relative to.
     */
    static List<ErrorLine> errors(String log, Map<Integer, Boolean> exitExpected, long originMs) {
        List<ErrorLine> out = new ArrayList<>();
        List<String> lines = log.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher redis = REDIS_ERROR.matcher(line);
            Matcher exited = EXITED.matcher(line);
            Matcher failed = CHILD_FAILED.matcher(line);
            if (redis.matches()) {
                Matcher text = ERROR_TEXT.matcher(redis.group(3));
                out.add(new ErrorLine(
                        i,
                        true,
                        String.format(
                                Locale.ROOT,
                                "%s the %s's connection to Redis%s%s",
                                redis.group(1).equals("redis-lost") ? "lost:" : "refused:",
                                redis.group(2),
                                text.find() ? " (" + text.group(2) + ")" : "",
                                at(redis.group(3), originMs))));
            } else if (exited.matches() && Boolean.FALSE.equals(exitExpected.get(Integer.parseInt(exited.group(1))))) {
                out.add(new ErrorLine(
                        i,
                        false,
                        "cycle " + exited.group(1) + "'s npm ended before its stop (" + exited.group(2) + ")"));
            } else if (failed.matches()) {
                out.add(new ErrorLine(i, false, line.substring("zombielab-event ".length())));
            } else if (line.equals("Killed")) {
                out.add(new ErrorLine(i, false, "a chain's shell reported its node 'Killed'"));
            }
        }
        return out;
    }

    /** " at 14.2 s" from the line's at_ms, relative to {@code originMs}. */
    private static String at(String fields, long originMs) {
        Matcher at = AT_MS.matcher(fields);
        return at.find()
                ? String.format(Locale.ROOT, " at %.1f s", (Long.parseLong(at.group(1)) - originMs) / 1000.0)
                : "";
    }
}
