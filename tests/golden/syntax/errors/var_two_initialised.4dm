var $a; $b : Integer:=15
