//%attributes = {"invisible":true}
// a leading comment is allowed before #DECLARE

#DECLARE($name : Text; $count : Integer; $opts : Object) -> $result : Collection
$result:=[]
