// Copy parameters and Get database parameter(User param value).
ALERT(JSON Stringify(Collect(1; "two"; 3)))
ALERT(JSON Stringify(CollectFrom(1; 2; 3; 4)))
var $text : Text
var $n:=Get database parameter(User param value; $text)
ALERT("user param: ["+$text+"] "+String($n))
var $bad:=Try(Get database parameter(9999))
ALERT(String(Last errors[0].errCode))
