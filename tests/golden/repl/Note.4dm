#DECLARE($t : Text)
ALERT($t)
