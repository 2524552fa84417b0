#!/usr/bin/env bash
# Benchmark of `fourd check` on a generated project of many methods (not a test).
#
# Writes, in a temporary folder, a 4D project of N methods (default 20,000)
# under Project/Sources/Methods, each a dozen lines with a #DECLARE, loops,
# process-variable-free code and a call to another method, then prints the
# time and peak memory of: `fourd check` of one method of it, of the whole
# project, and of the whole project with --syntax-only.
#
# Usage: benches/check_project.sh [N]   (the binary is $FOURD, default
# target/release/fourd; build it first with `cargo build --release`). Needs
# GNU time (/usr/bin/time).
set -euo pipefail

N=${1:-20000}
# shellcheck source=benches/timed_check.sh
. "$(dirname "$0")/timed_check.sh"
methods="$work/Project/Sources/Methods"
mkdir -p "$methods"
awk -v n="$N" -v dir="$methods" 'BEGIN {
    srand(1)
    for (i = 0; i < n; i++) {
        file = dir "/m" i ".4dm"
        printf "//%%attributes = {\"lang\":\"en\"}\n" > file
        printf "#DECLARE($a : Integer; $b : Text) -> $r : Text\n" > file
        printf "var $i; $n : Integer\nFor ($i; 1; $a)\n\tIf ($i%%2=0)\n\t\t$n+=$i\n" > file
        printf "\tElse\n\t\t$r:=$r+String($i)+$b\n\tEnd if\nEnd for\n" > file
        printf "If ($a>100000)\n\t$r:=m%d($a-1; $b)\nEnd if\n", int(rand() * n) > file
        close(file)
    }
}'

echo "fourd: $FOURD, $N methods"
cd "$work"
for args in "Project/Sources/Methods/m5.4dm" "." "--syntax-only ."; do
    # shellcheck disable=SC2086
    /usr/bin/time -o "$work/time" -f "%e s, peak RSS %M KB" "$FOURD" check $args > /dev/null 2>&1 || true
    printf 'check %-32s %s\n' "$args" "$(tail -1 "$work/time")"
done
