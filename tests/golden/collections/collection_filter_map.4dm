// .filter(), .map() and .flatMap(): new collections from a callback.
var $words : Collection:=["hello"; "world"; "red horse"; 66; "tim"; "san jose"; "miami"]
var $short : 4D.Function:=Formula((Value type($1.value)=Is text) && (Length($1.value)<$2))
ALERT("filter short: "+JSON Stringify($words.filter($short; 6)))
ALERT("filter, method: "+JSON Stringify([3; -1; "x"; 8; 0].filter("cb_positive")))
ALERT("filter by type: "+JSON Stringify([1; {a: 1}; "t"; {b: 2}].filter(Formula(Value type($1.value)=$2); Is object)))
ALERT("original unchanged: "+String($words.length))
// filter is a shallow copy: the objects are shared.
var $people : Collection:=[{name: "Ann"; age: 41}; {name: "Bob"; age: 17}]
var $adults : Collection:=$people.filter(Formula($1.value.age>=18))
$adults[0].age:=42
ALERT("shared object: "+String($people[0].age))
// map keeps the length; extra parameters reach $2...
var $n : Collection:=[1; 4; 9; 10; 20]
ALERT("map percent: "+JSON Stringify($n.map(Formula(Round(($1.value/$2)*100; 2)); $n.sum())))
ALERT("map, method setting $1.result: "+JSON Stringify($n.map("cb_stop_after"; 0)))
ALERT("map to collections: "+JSON Stringify($n.map(Formula([$1.value; $1.value*$2]); 2)))
ALERT("map, method setting no result: "+JSON Stringify([[1]; [2]].map("cb_flatten")))
// $1.stop: the result of the call that stops is kept, the rest is dropped.
ALERT("map stopped at 9: "+JSON Stringify($n.map("cb_stop_after"; 9)))
ALERT("filter stopped at False: "+JSON Stringify([True; False; True; True].filter(Formula(cb_stop_after($1; False)))))
// flatMap: map, then one level of flattening.
ALERT("flatMap: "+JSON Stringify([1; 2; 3; 4].flatMap(Formula([$1.value*2]))))
ALERT("flatMap split: "+JSON Stringify(["one two"; "three"; "four five six"].flatMap(Formula(Split string($1.value; " ")))))
ALERT("map split: "+JSON Stringify(["one two"; "three"; "four five six"].map(Formula(Split string($1.value; " ")))))
ALERT("flatMap one level only: "+JSON Stringify([1; 2].flatMap(Formula([$1.value; [$1.value]]))))
ALERT("flatMap scalars: "+JSON Stringify([1; 2].flatMap(Formula($1.value+$2); 10)))
var $middle : Collection:=[3]
ALERT("flatMap stopped: "+JSON Stringify([[1; 2]; $middle; [4]].flatMap("cb_stop_after"; $middle)))
// Empty collections give empty collections.
var $empty : Collection:=[]
ALERT("empty: "+JSON Stringify($empty.filter($short; 3))+" "+JSON Stringify($empty.map($short; 3))+" "+JSON Stringify($empty.flatMap($short; 3)))
