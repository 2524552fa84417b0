// && and || return an operand; 0 is truthy, "" and empty collections are not.
ALERT(String("Hello" && "World"))
ALERT(String(False && 0))
ALERT(String(0 && False))
ALERT(String(5 && 10 && "hello"))
ALERT(String("" || "n/a"))
ALERT(String([] || "empty"))
ALERT(String((1>2) | (3>2))+" "+String((1>2) & (3>2)))
ALERT(String(Not(True)))
ALERT(String(True) ? "yes" : "no")
ALERT(($o.missing=Null) ? "missing is null" : "?")
ALERT(String(Undefined($o.missing))+" "+String(Value type($o.missing)))
// Dates: the null date is falsy, any other date truthy; so are objects by
// their emptiness, and the time 0 is truthy.
ALERT(String(5 && !00-00-00!)+" "+String(!2024-01-31! || "no date")+" "+String(!00-00-00! || "no date"))
ALERT(String({} || "empty object")+" "+JSON Stringify({a: 1} || "?")+" "+String(?00:00:00? && "time 0 is truthy"))
// Shared objects and collections, by their emptiness too.
ALERT(String(New shared collection || "empty shared collection")+" "+JSON Stringify(New shared collection(1) || "?")+" "+String(New shared object || "empty shared object")+" "+JSON Stringify(New shared object("a"; 1) || "?"))
