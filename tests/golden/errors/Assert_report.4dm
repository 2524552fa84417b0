#DECLARE($name : Text)
ALERT($name+" process: "+String(Get assert enabled))
