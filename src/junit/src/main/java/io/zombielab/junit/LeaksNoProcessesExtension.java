package io.zombielab.junit;

import io.zombielab.probe.ProbeSidecar;
import io.zombielab.probe.ProcessChanges;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Settle;
import io.zombielab.probe.Snapshot;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.testcontainers.containers.ContainerState;

/**
 * The extension behind {@link LeaksNoProcesses}: a snapshot of each watched container before each test, one
 * after it has settled, and a failure naming what the test left behind, with both tables. Sidecars are
 * kept for the class (one per container) and removed with it.
 */
public final class LeaksNoProcessesExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LeaksNoProcessesExtension.class);

    /** A watched container: the field it is in, and the sidecar that looks at it. */
    private record Watched(String field, ContainerState container, ProbeSidecar sidecar) {}

    @Override
    public void beforeEach(ExtensionContext context) {
        Map<String, Snapshot> before = new LinkedHashMap<>();
        for (Watched w : watched(context)) {
            before.put(w.field(), w.sidecar().snapshot());
        }
        context.getStore(NAMESPACE).put("before", before);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        Map<String, Snapshot> before = context.getStore(NAMESPACE).remove("before", Map.class);
        if (before == null) {
            return; // beforeEach failed, and said why
        }
        Duration settle = Duration.ofMillis(annotation(context).settleMillis());
        List<String> leaks = new ArrayList<>();
        for (Watched w : watched(context)) {
            ProcessChanges changes = Settle.after(w.sidecar(), before.get(w.field()), settle);
            if (changes.leaksNothing()) {
                context.publishReportEntry(
                        "zombielab." + w.field(),
                        "left nothing behind (" + changes.after().processes().size() + " processes after the test)");
            } else {
                leaks.add(leak(w, changes, settle));
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(String.join("\n", leaks));
        }
    }

    private static String leak(Watched w, ProcessChanges changes, Duration settle) {
        String what = changes.leakWords();
        return String.format(
                "@LeaksNoProcesses: container '%s', %s, PID 1 %s: %d s after the test, it left %s%n"
                        + "process table before the test:%n%sprocess table after:%n%s",
                w.field(),
                Describe.container(w.container()),
                Describe.pidOne(changes.after()),
                settle.toSeconds(),
                what,
                ProcessTable.format(changes.before()),
                ProcessTable.format(changes.after()));
    }

    /** The watched containers, each with its sidecar (started on first use in the class). */
    private static List<Watched> watched(ExtensionContext context) {
        LeaksNoProcesses annotation = annotation(context);
        Map<String, ContainerState> fields = containerFields(context);
        List<String> names =
                annotation.value().length == 0 ? List.copyOf(fields.keySet()) : Arrays.asList(annotation.value());
        String where = "@LeaksNoProcesses on " + context.getRequiredTestClass().getSimpleName();
        if (fields.isEmpty()) {
            throw new ExtensionConfigurationException(where
                    + ": it watches the Testcontainers containers in the test class's " + "fields, and there is none");
        }
        ExtensionContext classContext = classContext(context);
        Sidecars sidecars = classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Sidecars.class, k -> new Sidecars(), Sidecars.class);
        List<Watched> watched = new ArrayList<>();
        for (String name : names) {
            if (!fields.containsKey(name)) {
                throw new ExtensionConfigurationException(
                        where + ": no container field '" + name + "' (container fields: " + fields.keySet() + ")");
            }
            ContainerState container = fields.get(name);
            if (container == null || !container.isRunning()) {
                throw new ExtensionConfigurationException(
                        where + ": the container in field '" + name + "' is not running when "
                                + "the test starts; start it first (@Testcontainers with @Container, declared before @LeaksNoProcesses, "
                                + "or start() in @BeforeAll or @BeforeEach)");
            }
            ProbeSidecar sidecar = sidecars.computeIfAbsent(container.getContainerId(), id -> {
                ProbeSidecar s = new ProbeSidecar(container);
                s.start();
                return s;
            });
            watched.add(new Watched(name, container, sidecar));
        }
        return watched;
    }

    private static LeaksNoProcesses annotation(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getTestMethod(), LeaksNoProcesses.class)
                .or(() -> findOnClass(context.getTestClass()))
                .orElseThrow(() -> new ExtensionConfigurationException(
                        "LeaksNoProcessesExtension is registered on " + context.getDisplayName()
                                + " without @LeaksNoProcesses: use the annotation, it says what to watch"));
    }

    private static Optional<LeaksNoProcesses> findOnClass(Optional<Class<?>> type) {
        for (Class<?> c = type.orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<LeaksNoProcesses> found = AnnotationSupport.findAnnotation(c, LeaksNoProcesses.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Every field of the test class (and its outer classes, for @Nested) holding a Testcontainers container. */
    private static Map<String, ContainerState> containerFields(ExtensionContext context) {
        Map<String, ContainerState> found = new LinkedHashMap<>();
        List<Object> instances = context.getTestInstances()
                .map(i -> List.copyOf(i.getAllInstances()))
                .orElse(List.of());
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Class<?> type = c;
            for (Field f : ReflectionSupport.findFields(
                    type,
                    field -> ContainerState.class.isAssignableFrom(field.getType()),
                    HierarchyTraversalMode.TOP_DOWN)) {
                Object owner = Modifier.isStatic(f.getModifiers())
                        ? null
                        : instances.stream()
                                .filter(type::isInstance)
                                .findFirst()
                                .orElse(null);
                if (owner != null || Modifier.isStatic(f.getModifiers())) {
                    found.putIfAbsent(f.getName(), (ContainerState) ReflectionSupport.tryToReadFieldValue(f, owner)
                            .toOptional()
                            .orElse(null));
                }
            }
        }
        return found;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /**
     * The class's sidecars, by container id; JUnit closes them with the class's store, however the extension
     * was registered (on the class, or on a method only).
     */
    @SuppressWarnings(
            "deprecation") // CloseableResource: deprecated in JUnit 6 for AutoCloseable, the only one JUnit 5 knows
    private static final class Sidecars extends LinkedHashMap<String, ProbeSidecar>
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            values().forEach(ProbeSidecar::close);
            clear();
        }
    }
}
