package io.zombielab.cli;

import io.zombielab.Settings;
import io.zombielab.probe.HostView;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code doctor}: what a run needs on this machine, what is missing and how to get it ({@link Checkup}). Installs
 * and starts nothing; the engine gets a few seconds to answer, so it answers in seconds with none at all. Exit 0
 * when nothing is missing, 3 when something a run needs is.
 */
@Command(name = "doctor", description = "what a run needs, what is missing and how to get it; installs nothing")
final class DoctorCommand implements Callable<Integer> {

    /**
     * The most the engine's whole answer may take: Testcontainers finding it (most of the time: 6.9 s measured here
     * under a load of 20, for about 0.5 s of queries), then version, info, images, containers. No engine at all answers
     * at once (a refused connection, no socket); only one that accepts and then hangs is waited for this long.
     */
    static final Duration ENGINE_WAIT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = Main.settings(spec);
        Checkup checkup = Checkup.of(
                settings,
                HostView.here(settings.engine().dockerHost()),
                base -> EngineLook.ask(settings.engine(), base, ENGINE_WAIT));
        spec.commandLine().getOut().print(checkup.render());
        spec.commandLine().getOut().flush();
        return checkup.exitCode();
    }
}
