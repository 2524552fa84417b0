// GET SYSTEM FORMAT: fourd's system is en-US with a 24-hour clock
var $v : Text
var $formats : Collection
var $f : Integer
$formats:=New collection(Decimal separator; Thousand separator; Currency symbol; System time short pattern; \
System time medium pattern; System time long pattern; System date short pattern; System date medium pattern; \
System date long pattern; Date separator; Time separator; Short date day position; Short date month position; \
Short date year position; System time AM label; System time PM label)
For each ($f; $formats)
	GET SYSTEM FORMAT($f; $v)
	ALERT(String($f)+": "+$v)
End for each
// the short date pattern matches what String shows of a date
GET SYSTEM FORMAT(Date separator; $v)
ALERT(String(Position($v; String(!2024-03-09!))>0))
// a number that is no format
Try
	GET SYSTEM FORMAT(9; $v)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
