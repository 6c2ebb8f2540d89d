package io.zombielab.report;

import io.zombielab.scenario.PromiseOutcome;
import io.zombielab.verdict.PromiseVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `validate --json`: every promise of the init with what was expected, what was seen, and the evidence. */
public final class PromiseJson {

    private PromiseJson() {
    }

    public static String render(String init, String image, List<PromiseVerdict> verdicts, List<String> errors) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("init", init);
        top.put("image", image);
        top.put("allKept", errors.isEmpty() && verdicts.stream().allMatch(PromiseVerdict::holds));
        top.put("observedBy", ProbeModes.describe(verdicts.stream().flatMap(v -> v.observation().probe().stream()).toList()));
        top.put("errors", errors);
        top.put("promises", verdicts.stream().map(v -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("promise", v.observation().promise().id());
            p.put("judged", v.expected().isPresent());
            p.put("holds", v.holds());
            p.put("expected", v.expected().map(PromiseOutcome::text).orElse(null));
            p.put("observed", v.observed().text());
            p.put("evidence", v.evidence());
            return p;
        }).toList());
        return Json.write(top);
    }
}
