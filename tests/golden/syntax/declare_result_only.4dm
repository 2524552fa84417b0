#DECLARE -> $o : Object
$o:={}
