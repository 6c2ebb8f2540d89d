package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {

    @Test
    void parsesNameAndFieldsWithQuotedValues() {
        assertThat(Event.parse("zombielab-event exited cycle=2 pid=37 status=\"signal terminated\""))
                .contains(new Event("exited", Map.of("cycle", "2", "pid", "37", "status", "signal terminated")));
    }

    @Test
    void ignoresOtherLines() {
        assertThat(Event.parse("> zombielab-chain@1.0.0 start")).isEmpty();
    }

    @Test
    void eventWithoutFields() {
        assertThat(Event.parse("zombielab-event ping")).contains(new Event("ping", Map.of()));
    }
}
