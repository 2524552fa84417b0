// A pattern that is not a regular expression is an error.
ALERT(String(Match regex("a)(b"; "ab")))
