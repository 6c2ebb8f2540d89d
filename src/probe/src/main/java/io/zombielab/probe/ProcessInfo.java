package io.zombielab.probe;

/**
 * One row of a container's process table, as the kernel reports it in /proc/[pid]/stat.
 *
 * @param pid       process id in the container's PID namespace
 * @param comm      the kernel's name for it (a zombie keeps only this)
 * @param state     the one-letter state: R, S, D, Z, T, ...
 * @param ppid      parent pid (1 once re-parented to the container's PID 1)
 * @param pgid      process group id
 * @param startTime clock ticks after boot: with pid, identifies a process even after pid reuse
 * @param rssKiB    resident set size
 * @param chain     the chain marker (ZOMBIELAB_CHAIN) from its environment, or "" if none or unreadable
 * @param cmdline   command line, "" for zombies and kernel threads
 * @param rssAnonKiB anonymous resident memory (RssAnon of /proc/[pid]/status): what the process alone
 *                   holds, unlike rssKiB, which counts shared file pages too; -1 where the probe did not read it
 */
public record ProcessInfo(int pid, String comm, char state, int ppid, int pgid, long startTime, long rssKiB,
                          String chain, String cmdline, long rssAnonKiB) {

    /** The environment variable that marks which chain a process belongs to (the lab's workloads set it). */
    public static final String CHAIN_VARIABLE = "ZOMBIELAB_CHAIN";

    /** A row whose anonymous memory was not read. */
    public ProcessInfo(int pid, String comm, char state, int ppid, int pgid, long startTime, long rssKiB,
                       String chain, String cmdline) {
        this(pid, comm, state, ppid, pgid, startTime, rssKiB, chain, cmdline, -1);
    }

    public ProcessInfo withRssAnonKiB(long kib) {
        return new ProcessInfo(pid, comm, state, ppid, pgid, startTime, rssKiB, chain, cmdline, kib);
    }

    public boolean isZombie() {
        return state == 'Z';
    }

    public boolean isAlive() {
        return !isZombie() && state != 'X';
    }

    /** Identity that survives pid reuse. */
    public ProcessKey key() {
        return new ProcessKey(pid, startTime);
    }

    /** What a person reads in the process table: the command line, its credentials hidden, or the name in brackets. */
    public String displayCommand() {
        return cmdline.isBlank() ? "[" + comm + "]" + (isZombie() ? " <defunct>" : "") : SecretMask.line(cmdline);
    }

    public record ProcessKey(int pid, long startTime) {
    }
}
