package io.zombielab;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A container test class's cells come from {@link TestCells}: the reapers ZOMBIELAB_REAPERS names, this job's
 * shard of them. Where that leaves a parameterized test no cell, it is skipped, saying why, so a CI job's report
 * shows it: never a test that passes having run nothing. (Its {@code @MethodSource} is asked once more, here.)
 */
final class SkipWithoutCells implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        boolean invocation =
                context.getParent().flatMap(ExtensionContext::getTestMethod).isPresent();
        MethodSource source =
                method.map(m -> m.getAnnotation(MethodSource.class)).orElse(null);
        if (source == null || invocation) {
            return ConditionEvaluationResult.enabled("not a parameterized test's cells");
        }
        long cells = 0;
        for (String factory : source.value()) {
            cells += count(context.getRequiredTestClass(), factory);
        }
        return cells > 0
                ? ConditionEvaluationResult.enabled(cells + " cell(s) for this job")
                : ConditionEvaluationResult.disabled(
                        "no cell of " + context.getRequiredTestClass().getSimpleName()
                                + " for this job: " + Settings.REAPERS + "=" + setting(Settings.REAPERS) + ", "
                                + Settings.SHARD + "=" + setting(Settings.SHARD));
    }

    private static long count(Class<?> testClass, String factory) {
        Method m = ReflectionSupport.findMethod(testClass, factory)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        testClass.getSimpleName() + ": no static method " + factory + "() for @MethodSource"));
        try (Stream<?> items = (Stream<?>) ReflectionSupport.invokeMethod(m, null)) {
            return items.count();
        }
    }

    private static String setting(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? "(all)" : value;
    }
}
