package io.zombielab.observe;

import io.zombielab.fixture.Chain;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The processes one start of a workload made, as observed once it was up: the chain's processes from the
 * topmost (npm) down, each with its depth below it. Recorded as data so that reports show the real tree
 * and verdicts check it instead of assuming it.
 *
 * @param chain the chain marker, e.g. "c1"
 * @param nodes depth-first, parents before children
 */
public record ProcessTree(String chain, List<Node> nodes) {

    public static final ProcessTree NONE = new ProcessTree("", List.of());

    public ProcessTree {
        nodes = List.copyOf(nodes);
    }

    /** @param depth 0 for the topmost process of the chain */
    public record Node(int depth, int pid, String comm, String command) {}

    /** The tree of {@code chain}'s live processes in a snapshot. */
    public static ProcessTree of(Snapshot snapshot, Chain chain) {
        List<ProcessInfo> members = snapshot.processes().stream()
                .filter(p -> p.isAlive() && p.chain().equals(chain.marker()))
                .toList();
        Set<Integer> pids = members.stream().map(ProcessInfo::pid).collect(Collectors.toSet());
        List<Node> nodes = new ArrayList<>();
        members.stream()
                .filter(p -> !pids.contains(p.ppid()))
                .sorted(Comparator.comparingInt(ProcessInfo::pid))
                .forEach(root -> walk(root, 0, members, nodes));
        return new ProcessTree(chain.marker(), nodes);
    }

    private static void walk(ProcessInfo p, int depth, List<ProcessInfo> members, List<Node> out) {
        out.add(new Node(depth, p.pid(), p.comm(), p.displayCommand()));
        members.stream()
                .filter(c -> c.ppid() == p.pid())
                .sorted(Comparator.comparingInt(ProcessInfo::pid))
                .forEach(c -> walk(c, depth + 1, members, out));
    }

    /**
     * Whether the tree is one line of descent whose kernel names match {@code patterns} in order
     * ({@code *} matches any text).
     */
    public boolean matches(List<String> patterns) {
        if (nodes.size() != patterns.size()) {
            return false;
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.depth() != i || !glob(patterns.get(i)).matcher(n.comm()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** "npm run start -> sh -> next-server (v1": kernel names, depth-first (a branch shows as "|"). */
    public String names() {
        if (nodes.isEmpty()) {
            return "(nothing observed)";
        }
        StringBuilder out = new StringBuilder(nodes.get(0).comm());
        for (int i = 1; i < nodes.size(); i++) {
            out.append(nodes.get(i).depth() == nodes.get(i - 1).depth() + 1 ? " -> " : " | ")
                    .append(nodes.get(i).comm());
        }
        return out.toString();
    }

    /** One line per process, indented by depth, with its pid and full command line. */
    public String render() {
        return nodes.stream()
                .map(n -> "  ".repeat(n.depth()) + n.pid() + " " + n.command())
                .collect(Collectors.joining("\n"));
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }
}
