// Formula objects: captured locals, parameters, This, call, apply, source.
var $v:=10
var $f:=Formula($v*2)
$v:=20
ALERT("captured when created: "+String($f.call()))
ALERT("source: "+$f.source)
ALERT("type: "+String(Value type($f)))
var $sum:=Formula($1+$2)
ALERT("call: "+String($sum.call(Null; 20; 22)))
ALERT("apply: "+String($sum.apply(Null; [1; 2])))
ALERT("apply without parameters: "+String(Formula(6*7).apply()))
var $item:={price: 2.5; qty: 4; total: Formula(This.price*This.qty)}
ALERT("as a method of its object: "+String($item.total()))
ALERT("call with another This: "+String($item.total.call({price: 1; qty: 3})))
ALERT("without parentheses it is the formula: "+String(Value type($item.total)))
$item.describe:=Formula("item at "+String(This.price)+" x"+String($1))
ALERT($item.describe(3))
// A formula that names a project method passes its arguments on.
var $twice:=Formula(Twice)
ALERT("method formula: "+String($twice.call(Null; 21)))
// Formulas in collections and called through a variable.
var $ops:=[Formula($1+1); Formula($1*10)]
ALERT("from a collection: "+String($ops[0].call(Null; 1))+" "+String($ops[1].call(Null; 2)))
ALERT("stored as JSON: "+JSON Stringify({f: $f}))
// Formula from string: no locals; process variables are fine.
rate:=3
var $fs:=Formula from string("rate*$1")
ALERT("from string: "+String($fs.call(Null; 5))+" source "+$fs.source)
var $bad:=Try(Formula from string("$local+1"))
ALERT("local in text: "+String(Last errors[0].errCode))
