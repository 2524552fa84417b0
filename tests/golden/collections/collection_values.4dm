// countValues, distinct, equal, extract, flat.
var $c : Collection:=[4; "four"; 4; "FOUR"; Null; 4.0000001; {n: 4}]
ALERT(String($c.countValues(4))+" "+String($c.countValues("four"))+" "+String($c.countValues("fo@"))+" "+String($c.countValues(Null)))
var $rows : Collection:=[{q: 2}; {q: 3}; {q: 2}; {p: 2}; 2]
ALERT(String($rows.countValues(2; "q"))+" "+String($rows.countValues(2)))
var $letters : Collection:=["b"; "é"; "B"; "a"; "E"; "e"; Null; "b"]
ALERT(JSON Stringify($letters.distinct()))
ALERT(JSON Stringify($letters.distinct(ck diacritical)))
ALERT(JSON Stringify($letters.distinct(ck count values)))
var $box : Object:={w: 1}
ALERT(JSON Stringify([3; True; "x"; 1; $box; 3; $box; {w: 1}; [1]].distinct()))
ALERT(JSON Stringify([{t: "a"}; {t: "b"}; {t: "A"}; {u: 1}; {t: Null}].distinct("t"; ck count values)))
ALERT(JSON Stringify([{in: {v: 2}}; {in: {v: 1}}; {in: {v: 2}}].distinct("in.v")))
ALERT(String([1; "Abc"; {k: [1; 2]}].equal([1; "abc"; {k: [1; 2]}]))+" "+String([1; "Abc"].equal([1; "abc"]; ck diacritical)))
ALERT(String([1; 2].equal([1; 2; 3]))+" "+String([{a: 1}].equal([{A: 1}]))+" "+String([{a: 1; b: 2}].equal([{b: 2; a: 1}]))+" "+String([Null; 1].equal([0; 1]))+" "+String([Null; 1].equal([Null; 1])))
var $people : Collection:=[{first: "Lea"; id: 1}; {id: 2}; {first: Null; id: 3}; "loose"; {first: "Max"; id: 4; pet: {name: "Rex"}}]
ALERT(JSON Stringify($people.extract("first")))
ALERT(JSON Stringify($people.extract("first"; ck keep null)))
ALERT(JSON Stringify($people.extract("pet.name")))
ALERT(JSON Stringify($people.extract("first"; "who"; "id"; "key.n")))
// Two targets under one head fill the same object.
ALERT(JSON Stringify($people.extract("first"; "key.who"; "id"; "key.n")))
var $nested : Collection:=[1; [2; [3; [4]]]; "x"]
ALERT(JSON Stringify($nested.flat())+" "+JSON Stringify($nested.flat(2))+" "+JSON Stringify($nested.flat(MAXLONG))+" "+JSON Stringify($nested.flat(0)))
ALERT(JSON Stringify($nested))
// A collection that contains itself cannot be copied, flattened without end, or compared with another such one.
var $loop : Collection:=[1]
$loop.push($loop)
var $twin : Collection:=[1]
$twin.push($twin)
ALERT(String(Undefined(Try($loop.copy())))+" "+String(Undefined(Try($loop.flat(MAXLONG))))+" "+String($loop.equal($loop))+" "+String(Undefined(Try($loop.equal($twin)))))
