// Choices fourd makes where 4D documents nothing (see README "Decisions").
$unknown_escape:="a\qb"
$minus_one:=0xFFFFFFFF
$us_date:=!12/04/98!
$us_date_2000s:=!01/02/05!
$big:=1e+21
BREAK LEVEL:C302(1)
QUERY SELECTION:C341($table->; #; $value)
if (True)
	continue
end if 
