package io.zombielab.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a measured number counts. */
public enum Unit {
    /** Growth of memory from one stop/start cycle to the next. */
    @JsonProperty("MiB/cycle")
    MIB_PER_CYCLE("MiB/cycle");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** "16.0 MiB/cycle". */
    public String format(double value) {
        return String.format("%.1f %s", value, symbol);
    }
}
