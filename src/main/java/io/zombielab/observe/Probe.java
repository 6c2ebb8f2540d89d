package io.zombielab.observe;

/** Takes snapshots of one container. */
public interface Probe {
    Snapshot snapshot();
}
