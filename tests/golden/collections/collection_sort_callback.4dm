// .sort() and .orderByMethod() with a callback comparing $1.value and $1.value2.
var $c : Collection:=[33; 4; 66; 1111; 222]
ALERT("numbers: "+JSON Stringify($c.sort()))
ALERT("as texts: "+JSON Stringify($c.sort(Formula(String($1.value)<String($1.value2)))))
ALERT("sorted in place: "+JSON Stringify($c))
ALERT("descending: "+JSON Stringify($c.sort(Formula($1.value>$1.value2))))
ALERT("ck ascending still works: "+JSON Stringify($c.sort(ck ascending))+", ck descending: "+JSON Stringify($c.sort(ck descending)))
// A method name; extra parameters go to $2...
var $fruits : Collection:=["Orange"; "Apple"; "Grape"; "pear"; "Banana"; "fig"; "Blackberry"; "kiwi"]
ALERT("longest first: "+JSON Stringify($fruits.orderByMethod("cb_longer"; True)))
ALERT("shortest first: "+JSON Stringify($fruits.orderByMethod(Formula(cb_longer); False)))
ALERT("original kept: "+JSON Stringify($fruits))
ALERT("sort by method: "+JSON Stringify($fruits.sort("cb_longer"; False)))
// orderByMethod returns a new, shallow collection.
var $strings : Collection:=["33"; "4"; "1111"; "222"]
var $byNumber : Collection:=$strings.orderByMethod(Formula(Num($1.value)<Num($1.value2)))
ALERT("by number: "+JSON Stringify($byNumber)+", alphabetical: "+JSON Stringify($strings.copy().sort())+", original: "+JSON Stringify($strings))
var $people : Collection:=[{name: "Zoe"; age: 30}; {name: "Al"; age: 25}; {name: "Bea"; age: 30}; {name: "Cy"; age: 25}]
var $byAge : Collection:=$people.orderByMethod(Formula($1.value.age<$1.value2.age))
ALERT("by age, stable: "+$byAge.map(Formula($1.value.name)).join(","))
$byAge[0].age:=26
ALERT("shared objects: "+String($people[1].age))
ALERT("sort objects by name: "+$people.sort(Formula($1.value.name<$1.value2.name)).map(Formula($1.value.name)).join(","))
// A callback that answers nonsense cannot break the sort.
ALERT("always True: "+String([3; 1; 2; 5; 4].sort(Formula(True)).length)+", always 1: "+JSON Stringify([3; 1; 2].sort(Formula(1))))
var $empty : Collection:=[]
ALERT("empty: "+JSON Stringify($empty.sort(Formula($1.value<$1.value2)))+" "+JSON Stringify($empty.orderByMethod("cb_longer")))
ALERT("one element: "+JSON Stringify([7].orderByMethod(Formula($1.value<$1.value2))))
