#DECLARE() : Variant
return 
