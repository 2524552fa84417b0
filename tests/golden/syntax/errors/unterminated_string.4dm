$t:="no closing quote
ALERT("next line still parses")
