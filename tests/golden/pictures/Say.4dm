#DECLARE($text : Text)
// ALERT, with the case's own folder name (made unique per run, so that two
// runs of the case at once do not meet) shown as "tmp".
ALERT(Replace string($text; gTmp; "tmp"))
