package io.zombielab.report;

import io.zombielab.verdict.Verdict;

/** The run as Markdown, for a CI job summary: the matrix, the story's reading, and what did not hold. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(RunReport run) {
        StringBuilder md = new StringBuilder("## zombielab: ")
                .append(run.holding())
                .append(" of ")
                .append(run.cells())
                .append(" cells hold\n\n")
                .append(run.title())
                .append(" (run ")
                .append(run.runId())
                .append(", ")
                .append(run.took().toSeconds())
                .append(" s; observed by the ")
                .append(run.observedBy())
                .append(")\n\n")
                .append(
                        "| cell | reaper | kill | cycles | zombies | orphans | mem/cycle | leak/cycle | pids | verdict |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (MatrixRow r : run.rows()) {
            md.append(String.format(
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    cell(r.cell().named()),
                    r.cell().reaper(),
                    r.cell().kill(),
                    r.cycles().text(" (ended)"),
                    r.left().zombies().spelled(),
                    r.left().liveOrphans().spelled(),
                    r.left().growth(),
                    r.left().leak(),
                    r.left().pidsText(),
                    r.holds() ? "holds" : "**FAILS**"));
        }
        if (!run.reading().isEmpty()) {
            md.append("\n");
            run.reading().forEach(line -> md.append("- ").append(line).append("\n"));
        }
        run.errors().forEach(e -> md.append("\n**could not run**: ")
                .append(e.line().lines().findFirst().orElse(""))
                .append("\n"));
        for (Verdict v : run.verdicts()) {
            if (!v.holds()) {
                md.append("\n<details><summary>")
                        .append(cell(v.observation().scenario().toString()))
                        .append(" does not hold</summary>\n\n```text\n")
                        .append(v.explain())
                        .append("\n```\n</details>\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
