import java.util.Arrays;

/** A JVM as PID 1, running the app with ProcessBuilder and exiting as it did, as users write it. */
public class Run {
    public static void main(String[] args) throws Exception {
        Process app = new ProcessBuilder(Arrays.asList(args)).inheritIO().start();
        System.exit(app.waitFor());
    }
}
