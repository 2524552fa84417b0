#!/usr/bin/env bash
# Scaling benchmark of `fourd check` on one very large method file (not a test).
#
# Generates, in a temporary folder, a 10 MB file of one-line statements and a
# 50 MB file of a small block of control structures, each alone in its own
# folder (`fourd check FILE` also reads the other method files of the file's
# folder), and prints the time and peak memory of `fourd check` and of
# `fourd check --syntax-only` for each.
#
# Usage: benches/check_scaling.sh   (the binary is $FOURD, default target/release/fourd;
# build it first with `cargo build --release`). Needs GNU time (/usr/bin/time).
set -euo pipefail

# shellcheck source=benches/timed_check.sh
. "$(dirname "$0")/timed_check.sh"

# Writes `$3` repeated until the file `$1` holds about `$2` bytes.
repeat_to() {
    UNIT=$3 awk -v size="$2" 'BEGIN {
        unit = ENVIRON["UNIT"]
        for (n = int(size / length(unit)); n > 0; n--) printf "%s", unit
    }' > "$1"
}

mkdir -p "$work/lines" "$work/blocks"
repeat_to "$work/lines/lines.4dm" 10000000 'ALERT("hello world "+String(12345))
'
repeat_to "$work/blocks/blocks.4dm" 50000000 'var $i; $total : Integer
For ($i; 1; 10)
	If ($i%2=0)  // even
		$total+=$i
	Else 
		$o:={a: $i; b: [1; 2; "x"]}
	End if 
End for 
'

echo "fourd: $FOURD"
for file in "$work/lines/lines.4dm" "$work/blocks/blocks.4dm"; do
    size=$(wc -c < "$file")
    for mode in "" "--syntax-only"; do
        /usr/bin/time -o "$work/time" -f "%e s, peak RSS %M KB" "$FOURD" check $mode "$file" > /dev/null 2>&1 || true
        printf '%-11s %9d bytes  check %-14s %s\n' "$(basename "$file")" "$size" "$mode" "$(tail -1 "$work/time")"
    done
done
