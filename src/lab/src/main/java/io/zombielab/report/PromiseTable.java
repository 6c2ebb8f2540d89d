package io.zombielab.report;

import io.zombielab.promise.PromiseVerdict;
import java.util.List;

/** The promises of one or more inits as a terminal table: one row per init and promise. */
public final class PromiseTable {

    private static final String ROW = "%-12s %-21s %-7s %-34s %s%n";

    private PromiseTable() {
    }

    public static String render(List<PromiseVerdict> verdicts) {
        StringBuilder out = new StringBuilder(String.format(ROW, "INIT", "PROMISE", "RESULT", "OBSERVED", "EVIDENCE"));
        for (PromiseVerdict v : verdicts) {
            out.append(String.format(ROW, v.init().name(), v.promise().id(),
                    v.expected().isEmpty() ? "report" : v.holds() ? "pass" : "FAIL", v.observed().text(), v.evidence()));
        }
        return out.toString();
    }
}
