// .every() and .some(): formulas, method names, extra parameters, startFrom.
var $c : Collection:=[-5; 3; 1; 4; 6; 2]
var $positive : 4D.Function:=Formula($1.value>0)
var $negative : 4D.Function:=Formula($1.value<0)
ALERT("every positive: "+String($c.every($positive)))
ALERT("every, method name: "+String($c.every("cb_positive")))
ALERT("every from 1: "+String($c.every(1; $positive))+", method: "+String($c.every(1; "cb_positive")))
ALERT("every from -2 (index 4): "+String($c.every(-2; $positive)))
ALERT("every from -20 (clamped to 0): "+String($c.every(-20; $positive)))
ALERT("every from 6 (the length): "+String($c.every(6; $positive)))
ALERT("some negative: "+String($c.some($negative)))
ALERT("some negative from 1: "+String($c.some(1; $negative)))
ALERT("some negative from -6 (index 0): "+String($c.some(-6; $negative)))
ALERT("some from 6 (the length): "+String($c.some(6; $positive)))
ALERT("some above 5: "+String($c.some(Formula($1.value>$2); 5))+", above 6: "+String($c.some(Formula($1.value>$2); 6)))
// Both stop calling the callback once the answer is known.
var $seen : Collection:=[]
ALERT("every: "+String([4; -2; 7; 1].every("cb_logged"; $seen))+", saw "+JSON Stringify($seen))
$seen:=[]
ALERT("some: "+String([-4; -2; 7; 1].some(Formula(cb_logged); $seen))+", saw "+JSON Stringify($seen))
$seen:=[]
ALERT("some from -3: "+String([-4; -2; -7; -1].some(-3; "cb_logged"; $seen))+", saw "+JSON Stringify($seen))
// $1.stop ends the walk; the answer is the last one computed.
ALERT("every stopped on the first True: "+String([True; True; False].every("cb_stop_after"; True)))
ALERT("some stopped on the first False: "+String([False; False; True].some("cb_stop_after"; False)))
// Empty collections: some is False; every is False too (startFrom 0 is not before the end).
var $empty : Collection:=[]
ALERT("empty every: "+String($empty.every($positive))+", some: "+String($empty.some($positive)))
// Value type through an extra parameter.
ALERT("all reals: "+String([1; 2.5; -3].every(Formula(Value type($1.value)=$2); Is real)))
ALERT("all reals, with a text: "+String([1; "2"; -3].every(Formula(Value type($1.value)=$2); Is real)))
ALERT("some text: "+String([1; "2"; -3].some(Formula(Value type($1.value)=$2); Is text)))
// Only the Boolean True passes.
ALERT("every answering 1: "+String([1; 2].every(Formula(1)))+", some answering \"yes\": "+String([1; 2].some(Formula("yes"))))
