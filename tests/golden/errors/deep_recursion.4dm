// Unbounded recursion ends in a "stack full" error, not a crash.
ALERT("start")
recurse_forever(1)
