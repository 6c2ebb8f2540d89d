package io.zombielab.report;

import io.zombielab.promise.PromiseVerdict;
import java.util.List;

/** The promises of one or more inits as a terminal table: one row per init and promise, with its latency. */
public final class PromiseTable {

    private PromiseTable() {}

    public static String render(List<PromiseVerdict> verdicts) {
        int init = Math.max(
                12,
                verdicts.stream().mapToInt(v -> v.init().name().length()).max().orElse(0));
        String row = "%-" + init + "s %-21s %-7s %-34s %-9s %s%n";
        StringBuilder out =
                new StringBuilder(String.format(row, "INIT", "PROMISE", "RESULT", "OBSERVED", "LATENCY", "EVIDENCE"));
        for (PromiseVerdict v : verdicts) {
            out.append(String.format(
                    row,
                    v.init().name(),
                    v.promise().id(),
                    v.grade().word(),
                    v.observed().text(),
                    v.latencyText(),
                    v.evidence()));
        }
        return out.toString();
    }
}
