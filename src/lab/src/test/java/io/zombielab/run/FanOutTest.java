package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cells and promises run several at a time; their results come back in their own order, failures as results. */
@Tag("unit")
class FanOutTest {

    @Test
    @DisplayName("results in the items' order, though the last finished first")
    void inTheItemsOrder() {
        CountDownLatch lastDone = new CountDownLatch(1);
        List<String> results = FanOut.inOrder(
                List.of("a", "b"),
                2,
                "test",
                (item, index) -> {
                    if (index == 0) {
                        await(lastDone); // the first waits for the second to finish
                    } else {
                        lastDone.countDown();
                    }
                    return item + index;
                },
                (item, broke) -> "failed");

        assertThat(results).containsExactly("a0", "b1");
    }

    @Test
    @DisplayName("never more than `parallel` at a time")
    void atMostParallel() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FanOut.inOrder(
                List.of(1, 2, 3, 4, 5, 6),
                2,
                "test",
                (item, index) -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.yield();
                    running.decrementAndGet();
                    return item;
                },
                (item, broke) -> 0);

        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    @DisplayName("what a task throws becomes that item's result; the others are unaffected")
    void failuresAreResults() {
        List<String> results = FanOut.inOrder(
                List.of("ok", "bad", "ok too"),
                3,
                "test",
                (item, index) -> {
                    if (item.equals("bad")) {
                        throw new IllegalStateException("broke on " + item);
                    }
                    return item;
                },
                (item, broke) -> item + ": " + broke.getMessage());

        assertThat(results).containsExactly("ok", "bad: broke on bad", "ok too");
    }

    @Test
    @DisplayName("started in the order given (the longest first), one at a time; the results still in the items' order")
    void startedFirstByTheOrderGiven() {
        List<String> started = new CopyOnWriteArrayList<>();
        List<String> results = FanOut.inOrder(
                List.of("quick", "long", "middling"),
                Comparator.comparing(
                        (String item) -> List.of("long", "middling").indexOf(item) < 0
                                ? 2
                                : List.of("long", "middling").indexOf(item)),
                1,
                "test",
                (item, index) -> {
                    started.add(item);
                    return item + index;
                },
                (item, broke) -> "failed");

        assertThat(started).containsExactly("long", "middling", "quick");
        assertThat(results).containsExactly("quick0", "long1", "middling2");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS))
                    .as("the other task finished")
                    .isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
