package io.zombielab.probe;

import java.util.OptionalLong;

/**
 * One row of a container's process table, as the kernel reports it in /proc/[pid]/stat.
 *
 * @param pid       process id in the container's PID namespace
 * @param comm      the kernel's name for it (a zombie keeps only this)
 * @param state     its state: running, sleeping, a zombie, ...
 * @param ppid      parent pid (1 once re-parented to the container's PID 1)
 * @param pgid      process group id
 * @param startTime clock ticks after boot: with pid, identifies a process even after pid reuse
 * @param rssKiB    resident set size
 * @param chain     the chain marker (ZOMBIELAB_CHAIN) from its environment, or "" if none or unreadable
 * @param cmdline   command line, "" for zombies and kernel threads
 * @param rssAnonKiB anonymous resident memory (RssAnon of /proc/[pid]/status): what the process alone
 *                   holds, unlike rssKiB, which counts shared file pages too; empty where the probe did not read it
 *                   (0 for a zombie: it holds no memory)
 */
public record ProcessInfo(
        int pid,
        String comm,
        ProcessState state,
        int ppid,
        int pgid,
        long startTime,
        long rssKiB,
        String chain,
        String cmdline,
        OptionalLong rssAnonKiB) {

    /** The environment variable that marks which chain a process belongs to (the lab's workloads set it). */
    public static final String CHAIN_VARIABLE = "ZOMBIELAB_CHAIN";

    /** A row whose anonymous memory was not read. */
    public ProcessInfo(
            int pid,
            String comm,
            ProcessState state,
            int ppid,
            int pgid,
            long startTime,
            long rssKiB,
            String chain,
            String cmdline) {
        this(pid, comm, state, ppid, pgid, startTime, rssKiB, chain, cmdline, OptionalLong.empty());
    }

    public ProcessInfo withRssAnonKiB(long kib) {
        return new ProcessInfo(pid, comm, state, ppid, pgid, startTime, rssKiB, chain, cmdline, OptionalLong.of(kib));
    }

    /** What a process holds of anonymous memory: nothing for a zombie (it has none left), else what was read. */
    static OptionalLong rssAnonOf(ProcessState state, OptionalLong read) {
        return state.isZombie() ? OptionalLong.of(0) : read;
    }

    public boolean isZombie() {
        return state.isZombie();
    }

    public boolean isAlive() {
        return state.isAlive();
    }

    /** Identity that survives pid reuse. */
    public ProcessKey key() {
        return new ProcessKey(pid, startTime);
    }

    /** What a person reads in the process table: the command line, its credentials hidden, or the name in brackets. */
    public String displayCommand() {
        return cmdline.isBlank() ? "[" + comm + "]" + (isZombie() ? " <defunct>" : "") : SecretMask.line(cmdline);
    }

    public record ProcessKey(int pid, long startTime) {}
}
