package io.zombielab.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each test so marked must leave the containers it uses as it found them: once it has run (and what it
 * started had {@link #settleMillis()} to end), no process it started is still alive, none it orphaned to
 * PID 1 lives on, and none is a zombie. It is the test that would have caught the story's bug: a service
 * that stops its job by pid leaks the job's children; one that stops them by process group without an init
 * at PID 1 leaves zombies.
 *
 * <pre>
 * &#64;Testcontainers
 * &#64;LeaksNoProcesses
 * class JobsTest {
 *     &#64;Container
 *     static GenericContainer&lt;?&gt; app = new GenericContainer&lt;&gt;("my/app:1").withExposedPorts(8080);
 *
 *     &#64;Test
 *     void aStoppedJobLeavesNothing() {
 *         String id = client.start("build");
 *         client.stop(id);
 *     }
 * }
 * </pre>
 *
 * It watches the Testcontainers containers in the test class's fields (static or not), or those named in
 * {@link #value()}; each must be running when the test starts, so put it after {@code @Testcontainers}.
 * Nothing runs inside them: a sidecar in each one's PID namespace looks, and is removed after the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LeaksNoProcessesExtension.class)
public @interface LeaksNoProcesses {

    /** The names of the container fields to watch; empty: every container field of the test class. */
    String[] value() default {};

    /** How long, after the test, what it started may take to end before it counts as left behind. */
    long settleMillis() default 5000;
}
