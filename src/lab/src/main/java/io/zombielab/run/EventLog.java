package io.zombielab.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.testcontainers.containers.output.OutputFrame;

/** Collects a container's output: every line for the report, and the fixtures' events to wait on. */
public final class EventLog implements Consumer<OutputFrame> {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            return;
        }
        for (String line : frame.getUtf8StringWithoutLineEnding().split("\n")) {
            lines.add(line);
            Event.parse(line).ifPresent(events::add);
        }
    }

    public boolean any(Predicate<Event> test) {
        return events.stream().anyMatch(test);
    }

    public List<Event> all(Predicate<Event> test) {
        return events.stream().filter(test).toList();
    }

    public String text() {
        return String.join("\n", lines);
    }
}
