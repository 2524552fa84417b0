// An error inside a called method is reported with the chain of calls.
ALERT("before")
ALERT(String(divide_by_text(4)))
ALERT("never printed")
