package io.zombielab.deploy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as Compose writes one (Go's form): {@code 10s}, {@code 1m30s}, {@code 500ms}, {@code 1.5s}, {@code 2h}. */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    static Duration parse(String text) {
        Matcher m = PART.matcher(text.trim());
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (m.find() && m.start() == at) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long unit =
                    switch (m.group(2)) {
                        case "ns" -> 1L;
                        case "us", "µs" -> 1_000L;
                        case "ms" -> 1_000_000L;
                        case "s" -> 1_000_000_000L;
                        case "m" -> 60_000_000_000L;
                        default -> 3_600_000_000_000L;
                    };
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unit)));
            at = m.end();
        }
        if (at == 0 || at != text.trim().length()) {
            throw new IllegalArgumentException("must be a duration such as 10s, 1m30s or 500ms, found '" + text + "'");
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
