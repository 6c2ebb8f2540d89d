package io.zombielab.deploy;

import java.util.ArrayList;
import java.util.List;

/** One change to a file's lines as a unified diff ({@code diff -u}, three lines of context): what to apply, never applied. */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /**
     * The diff of replacing {@code remove} lines from line {@code at} (from 1) with {@code insert}; {@code remove} 0
     * inserts before line {@code at}.
     */
    static List<String> of(String file, List<String> lines, int at, int remove, List<String> insert) {
        int first = Math.max(1, at - CONTEXT);
        int last = Math.min(lines.size(), at + remove - 1 + CONTEXT);
        List<String> out = new ArrayList<>(List.of("--- " + file, "+++ " + file + " (fixed)"));
        int oldCount = last - first + 1;
        out.add("@@ -" + first + "," + oldCount + " +" + first + "," + (oldCount - remove + insert.size()) + " @@");
        for (int n = first; n < at; n++) {
            out.add(" " + lines.get(n - 1));
        }
        for (int n = at; n < at + remove; n++) {
            out.add("-" + lines.get(n - 1));
        }
        insert.forEach(l -> out.add("+" + l));
        for (int n = at + remove; n <= last; n++) {
            out.add(" " + lines.get(n - 1));
        }
        return out;
    }
}
