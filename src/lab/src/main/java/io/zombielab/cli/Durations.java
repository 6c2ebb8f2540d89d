package io.zombielab.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as people write it: {@code 500ms}, {@code 1s}, {@code 1.5s}; a bare number is seconds. */
final class Durations implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?");

    @Override
    public Duration convert(String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            BigDecimal millis = "ms".equals(m.group(2)) ? amount : amount.movePointRight(3);
            if (millis.signum() > 0 && millis.compareTo(BigDecimal.valueOf(3_600_000)) <= 0) {
                return Duration.ofNanos(millis.movePointRight(6).longValue());
            }
        }
        throw new TypeConversionException(
                "needs a duration above 0 and at most an hour, such as 500ms, 1s or 1.5s, not '" + value + "'");
    }
}
