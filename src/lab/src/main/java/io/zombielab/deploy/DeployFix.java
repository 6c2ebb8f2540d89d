package io.zombielab.deploy;

import io.zombielab.promise.PromiseVerdict;
import java.util.List;

/**
 * The fix of a member in its own deployment file, for the promises it did not keep: a unified diff of the file, or
 * a file:line instruction where a diff cannot say it. The user's file is never rewritten.
 */
public interface DeployFix {

    /** The lines to print; none when every promise it can fix was kept. */
    List<String> lines(List<PromiseVerdict> verdicts);
}
