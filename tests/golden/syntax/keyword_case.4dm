if ($a=1)
	$b:=1
else
	$b:=2
end if
IF ($a=1)
END IF
case of
	: ($a=1)
END CASE
for ($i; 1; 2)
end for
FOR EACH ($x; $c)
END FOR EACH
while (False)
end while
repeat
until (True)
use ($s)
end use
try
catch
end try
VAR $x : text
Return $x
