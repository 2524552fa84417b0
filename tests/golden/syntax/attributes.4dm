//%attributes = {"invisible":true,"shared":true}
#DECLARE($x : Integer) : Integer
return $x+1
