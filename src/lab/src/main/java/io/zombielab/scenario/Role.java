package io.zombielab.scenario;

/** What a family cell stands for: the bug as users meet it, or its fix. */
public enum Role {
    BUG,
    FIX;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
