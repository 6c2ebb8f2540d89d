package io.zombielab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Every JSON zombielab writes or reads: one mapper, records in and out, two spaces a level, a line an item. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private ReportJson() {}

    /** {@code value} as indented JSON, ending in a newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** A report.json read back; a file that is not one fails naming it and why. */
    public static ReportDocument read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A report.json's text, read back; {@code source} names it in the error when it is not one. */
    public static ReportDocument parse(String json, String source) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.has("verdicts")) {
                throw new IllegalArgumentException(source + ": not a zombielab report.json (no \"verdicts\")");
            }
            return MAPPER.treeToValue(tree, ReportDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source + ": not a zombielab report.json (" + e.getOriginalMessage() + ")", e);
        }
    }
}
