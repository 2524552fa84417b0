// Random stays in 0..32767; the range idiom of the documentation.
var $i; $n : Integer
var $inRange : Boolean:=True
var $inSmallRange : Boolean:=True
var $seen : Object:={}
For ($i; 1; 2000)
	$n:=Random
	$inRange:=$inRange & ($n>=0) & ($n<=32767) & ($n=Int($n))
	$n:=(Random%21)+10
	$inSmallRange:=$inSmallRange & ($n>=10) & ($n<=30)
	$seen[String($n)]:=True
End for
ALERT(String($inRange)+" "+String($inSmallRange)+" "+String(OB Keys($seen).length=21))
// Milliseconds and Tickcount only go forward (differences are what count).
var $ms : Real:=Milliseconds
var $ticks : Real:=Tickcount
var $later : Real
For ($i; 1; 1000)
	$later:=Milliseconds
End for
ALERT(String(($later-$ms)>=0)+" "+String((Tickcount-$ticks)>=0)+" "+String(Value type(Milliseconds)=Is real)+" "+String(Milliseconds=Int(Milliseconds)))
// Time string: HH:MM:SS, hours going on past 24.
ALERT("46800 seconds is "+Time string(46800)+"; "+Time string(86401)+" "+Time string(?01:02:03?)+" "+Time string(0)+" "+Time string(-61))
