// Calls project methods of the same folder: add.4dm (named parameters),
// legacy_sum.4dm ($0, $1..., ${n}), factorial.4dm (recursion).
ALERT(String(add(2; 3)))
ALERT(String(legacy_sum(1; 2; 3; 4)))
ALERT(String(factorial(10)))
ALERT(Current method name)
