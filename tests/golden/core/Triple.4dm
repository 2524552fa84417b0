#DECLARE($target : Pointer)
$target->:=$target->*3
