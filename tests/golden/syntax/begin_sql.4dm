var $name : Text
var $n : Integer
Begin SQL
	SELECT Name, COUNT(*)
	FROM People
	WHERE Age > <<$minAge>>
	INTO :$name, :$n;
End SQL
$name:=Uppercase:C13($name)
Begin SQL
	/* an SQL comment */ SELECT COUNT(*) FROM People -- trailing
	WHERE City = :$city // not a 4D comment \
	INTO :vCount
End SQL
