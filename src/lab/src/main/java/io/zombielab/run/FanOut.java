package io.zombielab.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Runs one task per item, at most {@code parallel} at a time, and gives back their results in the items'
 * order, whatever order they finished in: the cells of a matrix, the promises of an init. Each task runs in a
 * container of its own, so they do not wait on one another; the threads are daemons, so a run that is killed
 * does not wait for them either.
 */
public final class FanOut {

    /** One item's work; {@code index} is its place in the list, from 0. */
    @FunctionalInterface
    public interface Task<T, R> {
        R run(T item, int index);
    }

    private FanOut() {}

    /**
     * {@code task} for every item; what a task throws (or an interruption while waiting for it) is handed with its
     * item to {@code failed}, which makes that item's result or throws.
     */
    public static <T, R> List<R> inOrder(
            List<T> items, int parallel, String threadName, Task<T, R> task, BiFunction<T, Throwable, R> failed) {
        return inOrder(items, (a, b) -> 0, parallel, threadName, task, failed);
    }

    /**
     * As {@link #inOrder(List, int, String, Task, BiFunction)}, the tasks started in {@code startFirst}'s order (a
     * stable sort: equal items keep theirs), the results still in the items' order: the longest first, so that the
     * last to start is not the one everything waits for.
     */
    public static <T, R> List<R> inOrder(
            List<T> items,
            Comparator<? super T> startFirst,
            int parallel,
            String threadName,
            Task<T, R> task,
            BiFunction<T, Throwable, R> failed) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, items.size())), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Integer> starts = IntStream.range(0, items.size())
                    .boxed()
                    .sorted(Comparator.comparing(items::get, startFirst))
                    .toList();
            List<Future<R>> running = new ArrayList<>(Collections.nCopies(items.size(), null));
            for (int index : starts) {
                T item = items.get(index);
                running.set(index, pool.submit(() -> task.run(item, index)));
            }
            List<R> results = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                results.add(result(items.get(i), running.get(i), failed));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T, R> R result(T item, Future<R> running, BiFunction<T, Throwable, R> failed) {
        try {
            return running.get();
        } catch (ExecutionException e) {
            return failed.apply(item, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply(item, e);
        }
    }
}
