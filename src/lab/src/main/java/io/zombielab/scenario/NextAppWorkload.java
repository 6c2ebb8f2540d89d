package io.zombielab.scenario;

import java.util.List;
import java.util.Map;

/**
 * The story's real workload, fixtures/next-app: {@code npm run start} runs {@code sh -c "next start"},
 * which runs next-server, a minimal Next.js app. Cycle n listens on port {@code portBase + n}, a new port
 * per cycle as in the story (an orphan of an earlier cycle may still hold the old one).
 *
 * @param portBase cycle n's server listens on portBase + n
 */
public record NextAppWorkload(int portBase) implements Workload {

    public static final NextAppWorkload DEFAULT = new NextAppWorkload(3000);

    public NextAppWorkload {
        if (portBase < 1024 || portBase > 60_000) {
            throw new IllegalArgumentException("port base must be within 1024..60000, got " + portBase);
        }
    }

    @Override
    public String id() {
        return "next-app";
    }

    @Override
    public String directory() {
        return "/opt/zombielab/workloads/next-app";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("ZOMBIELAB_PORT_BASE", Integer.toString(portBase));
    }

    /** npm, the shell npm runs scripts with, and the server (its title is "next-server (vX.Y.Z)"). */
    @Override
    public List<String> expectedTree() {
        return List.of("npm run start", "sh", "next-server*");
    }

    public int port(int cycle) {
        return portBase + cycle;
    }

    @Override
    public Expectation expect(Reaper reaper, KillStrategy kill) {
        return NextAppTruthTable.expect(reaper, kill);
    }
}
