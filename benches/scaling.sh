#!/usr/bin/env bash
# Scaling benchmark (not a test) of the paths that were once quadratic:
# appending to a text, pushing to a shared collection, and the other writes
# and reads of shared objects, collections and Storage. Each case runs with N
# and 4*N iterations; a linear path takes about 4 times as long, a quadratic
# one 16 times. Usage: benches/scaling.sh [N] (default 80000); the binary is
# $FOURD (default target/release/fourd).
set -euo pipefail
n=${1:-80000}
fourd=${FOURD:-target/release/fourd}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

setup='var $s:=New shared object("c"; New shared collection; "d"; New shared collection; "big"; New shared object)
var $t : Text
var $x : Variant
Use ($s)
	For ($i; 1; 1000)
		$s.c.push(New shared object("v"; $i))
		$s.big["k"+String($i)]:=$i
	End for
End use'

declare -A body=(
	[text_append]='$t+="x"'
	[text_concat]='$t:=$t+"x"'
	[shared_push]='Use ($s)
	$s.d.push($i)
End use'
	[shared_element_set]='Use ($s)
	$s.c[$i%1000].v:=$i
End use'
	[shared_element_get]='$x:=$s.c[$i%1000].v'
	[shared_property_set]='Use ($s)
	$s["k"+String($i)]:=$i
End use'
	[shared_property_get]='$x:=$s.big["k"+String($i%1000)]'
	[shared_at]='$x:=$s.c.at($i%1000).v'
	[shared_push_shift]='Use ($s)
	$s.c.push($s.c.shift())
End use'
	[storage_property_set]='Use (Storage)
	Storage["k"+String($i)]:=New shared object("v"; $i)
End use'
)

printf '%-22s %10s %10s %7s\n' case "N" "4N" ratio
for name in $(printf '%s\n' "${!body[@]}" | sort); do
	times=()
	for count in "$n" $((n * 4)); do
		file="$dir/${name}_$count.4dm"
		printf '%s\nFor ($i; 1; %s)\n%s\nEnd for\n' "$setup" "$count" "${body[$name]}" >"$file"
		start=$(date +%s.%N)
		"$fourd" run "$file" >/dev/null
		end=$(date +%s.%N)
		times+=("$(echo "$end - $start" | bc)")
	done
	printf '%-22s %9.3fs %9.3fs %6.1fx\n' "$name" "${times[0]}" "${times[1]}" "$(echo "${times[1]} / ${times[0]}" | bc -l)"
done
