package io.zombielab.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.containers.GenericContainer;

/**
 * A test class's two containers: tini in front of `sleep infinity` (an init that reaps), and `sleep infinity`
 * as PID 1 (one that never does, the negative control); started before the class, removed after it.
 */
final class TwoPidOnes implements BeforeAllCallback, AfterAllCallback {

    private final GenericContainer<?> tini = Containers.behindTini("sleep", "infinity");
    private final GenericContainer<?> sleep = Containers.asPidOne("sleep", "infinity");

    GenericContainer<?> tini() {
        return tini;
    }

    GenericContainer<?> sleep() {
        return sleep;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        tini.start();
        sleep.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        tini.stop();
        sleep.stop();
    }
}
