#DECLARE()
ALERT:C41("no params")
