package io.zombielab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A process's state decides whether it is a zombie, alive, or gone; the letter is only how the kernel writes it. */
@Tag("unit")
class ProcessStateTest {

    @Test
    @DisplayName("a zombie is not alive; a dead process is neither; sleeping, running, stopped are alive")
    void whatEachStateIs() {
        assertThat(ProcessState.of('Z'))
                .isEqualTo(ProcessState.ZOMBIE)
                .matches(ProcessState::isZombie)
                .matches(s -> !s.isAlive());
        assertThat(ProcessState.of('X')).matches(s -> !s.isAlive() && !s.isZombie());
        assertThat(List.of('S', 'R', 'D', 'T', 'I'))
                .allMatch(c -> ProcessState.of(c).isAlive());
    }

    @Test
    @DisplayName("the process table shows the kernel's letter")
    void showsTheLetter() {
        assertThat(ProcessState.ZOMBIE).hasToString("Z");
        assertThat(ProcessState.of('t').letter()).isEqualTo('t');
    }

    @Test
    @DisplayName("a letter no kernel writes fails, naming it")
    void unknownLetter() {
        assertThatThrownBy(() -> ProcessState.of('?'))
                .isInstanceOf(ProbeFormatException.class)
                .hasMessage("not a process state of /proc/[pid]/stat: '?'");
        assertThatThrownBy(() -> ProcessState.parse("ZZ"))
                .isInstanceOf(ProbeFormatException.class)
                .hasMessageContaining("'ZZ'");
        assertThat(ProcessState.parse("")).isEmpty();
    }

    @Test
    @DisplayName("an unreaped orphan counts as a zombie only in state Z (one that was gone when looked at does not)")
    void orphanReportCountsZombiesByState() {
        OrphanReport report = OrphanReport.parse(
                List.of(
                        "orphan 10 adopted-by 1 unreaped Z",
                        "orphan 11 adopted-by 1 unreaped S",
                        "orphan 12 adopted-by 1 unreaped",
                        "orphan 13 adopted-by 1 reaped-after-us 1500"),
                Duration.ofSeconds(3));

        assertThat(report.orphans())
                .extracting(OrphanReport.Orphan::state)
                .containsExactly(
                        Optional.of(ProcessState.ZOMBIE),
                        Optional.of(ProcessState.SLEEPING),
                        Optional.empty(),
                        Optional.empty());
        assertThat(report.summary())
                .isEqualTo("1 of 4 reaped within 3000 ms, the slowest after 1.5 ms (1 left as zombies)");
    }
}
