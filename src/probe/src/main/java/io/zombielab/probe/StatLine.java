package io.zombielab.probe;

/**
 * The fields zombielab reads of one /proc/[pid]/stat line (man 5 proc). The name sits in parentheses and
 * may itself hold spaces, parentheses or a newline, so the fields are counted from the last ')'.
 *
 * @param pid       process id, in the namespace of whoever read the line
 * @param comm      the kernel's name of the process (all a zombie keeps)
 * @param state     its state (the letter R, S, D, Z, T, ... in the line)
 * @param ppid      parent pid
 * @param pgid      process group id
 * @param startTime clock ticks after boot when it started
 * @param rssPages  resident set size, in pages
 */
record StatLine(int pid, String comm, ProcessState state, int ppid, int pgid, long startTime, long rssPages) {

    // Fields after "pid (comm)", counted from 0 at the state field.
    private static final int STATE = 0, PPID = 1, PGRP = 2, START_TIME = 19, RSS_PAGES = 21;

    static StatLine parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 1 || close < open || close + 2 > stat.length()) {
            throw new ProbeFormatException("not a /proc/[pid]/stat line: " + stat);
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        if (f.length <= RSS_PAGES) {
            throw new ProbeFormatException("a /proc/[pid]/stat line with " + f.length + " fields after the name, want "
                    + (RSS_PAGES + 1) + ": " + stat);
        }
        try {
            return new StatLine(
                    Integer.parseInt(stat.substring(0, open).trim()),
                    stat.substring(open + 1, close),
                    ProcessState.of(f[STATE].charAt(0)),
                    Integer.parseInt(f[PPID]),
                    Integer.parseInt(f[PGRP]),
                    Long.parseLong(f[START_TIME]),
                    Long.parseLong(f[RSS_PAGES]));
        } catch (NumberFormatException e) {
            throw new ProbeFormatException("a malformed number in a /proc/[pid]/stat line: " + stat, e);
        }
    }
}
