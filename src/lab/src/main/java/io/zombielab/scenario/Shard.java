package io.zombielab.scenario;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One of N parallel CI jobs: job K of N takes the cells at positions K-1, K-1+N, K-1+2N, ... of a list, so
 * the N jobs together run every cell exactly once, each about as many, the same ones every time.
 * {@code --shard K/N} or ZOMBIELAB_SHARD=K/N (GitLab's parallel jobs: $CI_NODE_INDEX/$CI_NODE_TOTAL).
 *
 * @param index which job, from 1
 * @param count how many jobs
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /** "K/N"; blank means all; {@code source} names where it came from, for the error. */
    public static Shard parse(String value, String source) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(source + " needs K/N (job K of N, e.g. 2/4), not '" + value + "'");
        }
        try {
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** This job's part of {@code items}. */
    public <T> List<T> select(List<T> items) {
        return IntStream.range(0, items.size())
                .filter(i -> i % count == index - 1)
                .mapToObj(items::get)
                .toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
