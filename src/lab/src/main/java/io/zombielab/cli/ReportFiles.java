package io.zombielab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads a run's report.json back (for flakes and speed); a file that is not one is named, with why. */
final class ReportFiles {

    private ReportFiles() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        Object parsed;
        try {
            // JSON is YAML: the scenario files' parser reads the reports too.
            parsed = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new Main.UsageException("cannot read " + file + ": " + e.getMessage(), false);
        } catch (RuntimeException e) {
            throw new Main.UsageException(file + ": not a zombielab report.json (" + e.getMessage() + ")", false);
        }
        if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("verdicts")) {
            throw new Main.UsageException(file + ": not a zombielab report.json (no \"verdicts\")", false);
        }
        return (Map<String, Object>) map;
    }
}
