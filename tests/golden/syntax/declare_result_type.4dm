#DECLARE() : Boolean
return True:C214
