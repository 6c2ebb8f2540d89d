package io.zombielab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line a fixture printed for the harness: {@code zombielab-event <name> key=value key="quoted value"}.
 */
public record Event(String name, Map<String, String> fields) {

    static final String PREFIX = "zombielab-event ";
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    public static Optional<Event> parse(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = line.substring(at + PREFIX.length()).trim();
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        Map<String, String> fields = new LinkedHashMap<>();
        if (space > 0) {
            Matcher m = FIELD.matcher(rest.substring(space + 1));
            while (m.find()) {
                String value = m.group(2);
                fields.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
        }
        return Optional.of(new Event(name, Map.copyOf(fields)));
    }

    public String field(String key) {
        return fields.getOrDefault(key, "");
    }

    public boolean is(String eventName, String key, String value) {
        return name.equals(eventName) && value.equals(fields.get(key));
    }
}
