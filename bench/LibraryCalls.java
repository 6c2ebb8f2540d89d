import static io.zombielab.junit.PidOneAssertions.assertThatContainer;

import java.time.Duration;
import java.util.function.Supplier;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * What zombielab-junit's checks cost a user's test, in a fresh JVM as a user's suite has it: the container's
 * own start, then the first check (which makes the helper image if the engine has none), then later ones.
 * Run by bench/library with the example project's test classpath (zombielab-junit by its coordinates).
 *   java -cp CLASSPATH bench/LibraryCalls.java IMAGE
 */
public class LibraryCalls {

    public static void main(String[] args) {
        DockerImageName image = DockerImageName.parse(args[0]);
        try (GenericContainer<?> app = new GenericContainer<>(image).withImagePullPolicy(name -> false)
                .withLabel("io.zombielab", "true").withCommand("/usr/bin/tini", "--", "sleep", "infinity")) {
            time("container start (Testcontainers, for comparison)", () -> { app.start(); return ""; });
            for (int call = 1; call <= 3; call++) {
                time("afterOrphaning(10).hasNoZombies(), call " + call, () -> assertThatContainer(app).afterOrphaning(10)
                        .hasNoZombies().report().summary());
            }
            time("afterRunning(action).leaksNothing()", () -> assertThatContainer(app).afterRunning(() -> { })
                    .leaksNothing().changes().after().processes().size() + " processes");
            time("afterGracefulStop(10 s).stoppedGracefully()", () -> "exit "
                    + assertThatContainer(app).afterGracefulStop(Duration.ofSeconds(10)).stoppedGracefully().exitCode());
        }
    }

    private static void time(String what, Supplier<Object> call) {
        long start = System.nanoTime();
        Object result = call.get();
        System.out.printf("%-52s %6.2f s   %s%n", what, (System.nanoTime() - start) / 1e9, result);
    }
}
