package io.zombielab.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zombielab.fixture.Event;
import io.zombielab.fixture.EventLog;
import io.zombielab.scenario.Reaper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** exit-code-in-race's judgement of zl-helper's count, and which promises a service supervisor is checked on. */
@Tag("unit")
class ExitRaceJudgementTest {

    private static final ReaperUnderTest TINI = ReaperUnderTest.reference(Reaper.TINI, "img");
    private static final PassesExitCodeInRace RACE = (PassesExitCodeInRace) Promises.EXIT_CODE_IN_RACE;
    private static final PromiseVerdict.Seen SEEN =
            new PromiseVerdict.Seen(Optional.of(0L), "", "log", Optional.empty());

    private static Event.ExitRace race(String line) {
        return EventLog.of(line + "\n").first(Event.ExitRace.class, e -> true).orElseThrow();
    }

    @Test
    @DisplayName("zl-helper's exit-race-done line is read whole: trials, of, lost, hung, time and the first loss")
    void theEventIsRead() {
        Event.ExitRace r = race("zombielab-event exit-race-done trials=50 of=50 lost=18 hung=0 took_ms=1337 "
                + "first_lost=\"trial 2: the child exited 2, the init 0\"");
        assertThat(r).isEqualTo(new Event.ExitRace(50, 50, 18, 0, 1337, "trial 2: the child exited 2, the init 0"));
    }

    @Test
    @DisplayName("one trial lost of 50 breaks the promise, and the evidence says which; none lost keeps it")
    void oneLossBreaks() {
        PromiseVerdict lost = RACE.judge(
                TINI,
                race("zombielab-event exit-race-done trials=50 of=50 lost=1 hung=0 took_ms=1200 "
                        + "first_lost=\"trial 9: the child exited 9, the init 0\""),
                SEEN);
        assertThat(lost.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(lost.evidence())
                .isEqualTo("lost 1 of 50 trials (first, trial 9: the child exited 9, the init 0); 50 trials in 1.20 s");

        PromiseVerdict kept = RACE.judge(
                TINI,
                race("zombielab-event exit-race-done trials=50 of=50 lost=0 hung=0 took_ms=900 first_lost=\"\""),
                SEEN);
        assertThat(kept.grade()).isEqualTo(PromiseGrade.KEPT);
        assertThat(kept.evidence()).isEqualTo("lost 0 of 50 trials; 50 trials in 900.0 ms");
    }

    @Test
    @DisplayName(
            "an init too slow for 50 trials in the budget is judged on fewer, and the evidence says how many; hung trials are not judged")
    void fewerTrialsAreSaid() {
        PromiseVerdict slow = RACE.judge(
                TINI,
                race("zombielab-event exit-race-done trials=7 of=50 lost=0 hung=0 took_ms=6100 first_lost=\"\""),
                SEEN);
        assertThat(slow.grade()).isEqualTo(PromiseGrade.KEPT);
        assertThat(slow.evidence()).contains("lost 0 of 7 trials", "only 7 of 50 fit in the 6 s budget");

        PromiseVerdict someHung = RACE.judge(
                TINI,
                race("zombielab-event exit-race-done trials=3 of=50 lost=0 hung=1 took_ms=16000 " + "first_lost=\"\""),
                SEEN);
        assertThat(someHung.grade()).isEqualTo(PromiseGrade.KEPT);
        assertThat(someHung.evidence())
                .contains("lost 0 of 2 trials", "1 more hung (the init had not exited 15 s after its start");

        assertThatThrownBy(() -> RACE.judge(
                        TINI,
                        race("zombielab-event exit-race-done trials=1 of=50 lost=0 hung=1 took_ms=15000 "
                                + "first_lost=\"\""),
                        SEEN))
                .hasMessageContaining("in none of its 1 trials did the init exit within 15 s");
    }

    @Test
    @DisplayName("a service supervisor is checked on every promise but those on its exit, which it does not make")
    void supervisorSkipsTheExitPromises() {
        ReaperUnderTest s6 = ReaperUnderTest.supervisor("s6-svscan", "img", List.of("/pid1/s6/start"));
        List<Promise> exitPromises =
                Promises.ALL.stream().filter(Promise::waitsForTheInitsExit).toList();

        assertThat(exitPromises)
                .contains(Promises.PASSES_EXIT_CODE, Promises.PASSES_SIGNAL_DEATH, Promises.EXIT_CODE_IN_RACE);
        assertThat(s6.promises())
                .doesNotContainAnyElementsOf(exitPromises)
                .contains(Promises.REAPS_ORPHANS, Promises.FORWARDS_SIGTERM)
                .hasSize(Promises.ALL.size() - exitPromises.size());
        assertThat(s6.launch().describe()).contains("a service supervisor");
        assertThat(ReaperUnderTest.init("mine", "img", Optional.of(List.of("mine")), false)
                        .promises())
                .containsAll(exitPromises);
    }
}
