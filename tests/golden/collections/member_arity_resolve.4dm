// The receiver is declared a collection: the argument count of its
// function is checked from the member table before anything runs.
var $c : Collection
ALERT("nothing runs")
$c:=New collection(1; 2; 3)
ALERT(String($c.at()))
