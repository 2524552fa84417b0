#!/usr/bin/env bash
# JSON scaling benchmark (not a test): `JSON Parse` and `JSON Stringify` of
# one-line JSON texts of about 100 KB, 1 MB and 10 MB (an object holding an
# array of small nested objects), beside Python's `json.loads`/`json.dumps`
# on the same texts in the same run. Each size is repeated so that every
# cell does about 40 MB of work; the cells are milliseconds per round.
# A linear implementation takes about 10 times as long for each size step.
#
# Usage: benches/json_scaling.sh   (the binary is $FOURD, default
# target/release/fourd; Python is $PYTHON, default python3).
set -euo pipefail
FOURD=${FOURD:-target/release/fourd}
PYTHON=${PYTHON:-python3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$PYTHON" - "$dir" <<'PY'
import json, sys
dir = sys.argv[1]
def item(i):
    return {"id": i, "name": "item %d" % i, "price": i * 1.25, "tags": ["a", "b", "c%d" % (i % 7)],
            "ok": i % 2 == 0, "nested": {"x": i, "y": None, "label": "n\u00e9 %d" % i}}
for label, n in (("100KB", 600), ("1MB", 6000), ("10MB", 60000)):
    with open(f"{dir}/{label}.json", "w", encoding="utf-8") as f:
        f.write(json.dumps({"items": [item(i) for i in range(n)]}, separators=(",", ":"), ensure_ascii=False))
PY

cat > "$dir/round.4dm" <<'EOF4D'
#DECLARE($path : Text; $rounds : Text)
var $text : Text:=File($path; fk posix path).getText()
var $n : Integer:=Num($rounds)
var $o : Object
var $s : Text
var $i; $t0; $t1; $t2 : Integer
$t0:=Milliseconds
For ($i; 1; $n)
	$o:=JSON Parse($text)
End for
$t1:=Milliseconds
For ($i; 1; $n)
	$s:=JSON Stringify($o)
End for
$t2:=Milliseconds
ALERT(String(($t1-$t0)/$n; "###0.0")+" "+String(($t2-$t1)/$n; "###0.0"))
EOF4D

cat > "$dir/round.py" <<'PY'
import json, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
n = int(sys.argv[2])
t0 = time.perf_counter()
for _ in range(n):
    o = json.loads(text)
t1 = time.perf_counter()
for _ in range(n):
    s = json.dumps(o, ensure_ascii=False)
t2 = time.perf_counter()
print("%.1f %.1f" % ((t1 - t0) * 1000 / n, (t2 - t1) * 1000 / n))
PY

printf '%-6s %10s %10s %10s %10s %8s %8s\n' size "4D parse" "py parse" "4D strfy" "py strfy" "parse÷" "strfy÷"
for label in 100KB 1MB 10MB; do
    case $label in 100KB) rounds=400 ;; 1MB) rounds=40 ;; *) rounds=4 ;; esac
    read -r fp fs < <("$FOURD" run "$dir/round.4dm" "$dir/$label.json" "$rounds")
    read -r pp ps < <("$PYTHON" "$dir/round.py" "$dir/$label.json" "$rounds")
    awk -v l="$label" -v fp="$fp" -v pp="$pp" -v fs="$fs" -v ps="$ps" 'BEGIN {
        printf "%-6s %8.1f ms %7.1f ms %7.1f ms %7.1f ms %7.2fx %7.2fx\n", l, fp, pp, fs, ps, fp / pp, fs / ps }'
done
