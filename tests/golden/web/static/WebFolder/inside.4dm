//%attributes = {}
ALERT("source")
