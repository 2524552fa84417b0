#DECLARE() : Object
return 
