# bench/pid1-table's pages: one row per PID 1, one column per promise validate checked for any of them (in
# validate's order), then the evidence of every promise not simply kept. Input: the rows bench/pid1-table
# collected ({name, how, wall, args, doc: validate --json}); --arg format md | html.
def ids: (map(.doc.promises | map(.promise)) | max_by(length)) as $longest
  | $longest + ((map(.doc.promises[].promise) | unique) - $longest);
def cell($p): if $p == null then "n/a"
  elif $p.grade == "KEPT" then "kept"
  elif $p.grade == "REPORTED" then "(" + $p.observed + ")"
  elif $p.grade == "SLOW" then "SLOW: " + $p.observed
  elif $p.grade == "NOT_CHECKED" then "NOT CHECKED"
  else "BROKEN: " + $p.observed end;
# A promise validate could not check is in its errors only ("NAME: 'ID' could not be checked: WHY").
def unchecked($row): [$row.doc.errors[]? | capture("^.*?: '(?<promise>[a-z0-9-]+)' could not be checked: (?<evidence>.*)"; "s")
  | . + {grade: "NOT_CHECKED", observed: "could not be checked", expected: null}];
def find($row; $id): ($row.doc.promises + unchecked($row)) | map(select(.promise == $id)) | first;
def esc: gsub("&"; "&amp;") | gsub("<"; "&lt;") | gsub(">"; "&gt;");
def notes: [.[] | . as $row | ((.doc.promises + unchecked($row))[] | select(.grade != "KEPT")
    | {name: $row.name, promise, grade, text: ((.expected // "not judged") as $e
        | if .grade == "NOT_CHECKED" then .evidence else "expected \($e), observed \(.observed): \(.evidence)" end)})];
def footer: "\(length) PID 1s, each validated on its own with `./zombielab validate ... --json` (wall time, launcher and JVM start "
  + "included), at commit \($commit) on \($date), \($cores) cores, load average \($load) when it ended. "
  + "kept: a judged promise kept; (...): reported, not judged (what it showed); n/a: not checked for it "
  + "(a service supervisor restarts its child instead of exiting with it).";

. as $rows | ids as $ids
| if $format == "md" then
    ( "| PID 1 | grade | wall | " + ($ids | join(" | ")) + " |",
      "|---|---|---|" + ($ids | map("---") | join("|")) + "|",
      ($rows[] | . as $row | "| \(.name) | \(.doc.grade) | \(.wall) s | "
        + ($ids | map(cell(find($row; .)) | if startswith("BROKEN") or startswith("NOT") then "**" + . + "**" else . end) | join(" | ")) + " |"),
      "",
      ($rows | footer),
      "",
      "How each runs the test program, and the command:",
      "",
      ($rows[] | "- **\(.name)**: \(.how). `./zombielab validate \(.args)`"),
      "",
      "Evidence of every promise not simply kept:",
      "",
      ($rows | notes[] | "- \(.name), `\(.promise)`, \(.grade): \(.text | gsub("\n"; " "))") )
  else
    ( "<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>zombielab: the PID 1s users run</title>",
      "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:90%}"
        + "td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}.KEPT{background:#dfd}.BROKEN{background:#fcc}"
        + ".SLOW{background:#ffd}.REPORTED{background:#eef}.na{color:#888}li{margin:0.3em 0}</style></head><body>",
      "<h1>The PID 1s users run, every promise of zombielab validate</h1>",
      "<p>Made by <code>bench/pid1-table --docs</code>; what it means, and what each PID 1's documentation says: "
        + "<a href=\"pid1-table.md\">pid1-table.md</a>.</p>",
      "<table><tr><th>PID 1</th><th>grade</th><th>wall</th>" + ($ids | map("<th>" + . + "</th>") | join("")) + "</tr>",
      ($rows[] | . as $row | "<tr><th>\(.name | esc)</th><td>\(.doc.grade)</td><td>\(.wall) s</td>"
        + ($ids | map(find($row; .) as $p | if $p == null then "<td class=\"na\">n/a</td>"
            else "<td class=\"\($p.grade | sub("NOT_CHECKED"; "BROKEN"))\" title=\"\($p.evidence | esc)\">\(cell($p) | esc)</td>" end) | join("")) + "</tr>"),
      "</table>",
      "<p>" + ($rows | footer | esc) + "</p>",
      "<h2>How each runs the test program</h2><ul>",
      ($rows[] | "<li><b>\(.name | esc)</b>: \(.how | esc). <code>./zombielab validate \(.args | esc)</code></li>"),
      "</ul><h2>Evidence of every promise not simply kept</h2><ul>",
      ($rows | notes[] | "<li>\(.name | esc), <code>\(.promise)</code>, \(.grade): \(.text | esc)</li>"),
      "</ul></body></html>" )
  end
