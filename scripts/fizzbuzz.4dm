//%attributes = {}
// fizzbuzz: classic control flow, written as a 4D developer would.
// `fourd run fizzbuzz.4dm 20` passes "20": a Text here, since $limit is declared Text.
#DECLARE($limit : Text)

var $i; $count : Integer
var $line : Text
$count:=Num($limit)
If ($count=0)
	$count:=15
End if 
For ($i; 1; $count)
	Case of 
		: (($i%15)=0)
			$line:="FizzBuzz"
		: (($i%3)=0)
			$line:="Fizz"
		: (($i%5)=0)
			$line:="Buzz"
		Else 
			$line:=String($i)
	End case 
	ALERT($line)
End for 
