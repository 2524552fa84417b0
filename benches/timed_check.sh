# Shared setup of the `fourd check` benchmarks (sourced, not run): sets
# FOURD to the absolute path of the binary ($FOURD, default
# target/release/fourd), checks that it and GNU time exist, and makes a
# temporary folder $work, removed on exit.
FOURD=${FOURD:-target/release/fourd}
FOURD=$(cd "$(dirname "$FOURD")" && pwd)/$(basename "$FOURD")
if [ ! -x "$FOURD" ]; then
    echo "no fourd binary at $FOURD (cargo build --release, or set FOURD)" >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "GNU time (/usr/bin/time) is needed" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
