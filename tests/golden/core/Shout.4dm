#DECLARE($p : Pointer) : Text
return Uppercase($p->)
