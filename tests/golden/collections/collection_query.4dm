// .query() and .indices(): query strings on collections of objects.
var $towns : Collection:=[]
$towns.push({name: "Cleveland"; zc: 35049})
$towns.push({name: "Blountsville"; zc: 35031})
$towns.push({name: "Adger"; zc: 35006})
$towns.push({name: "Clanton"; zc: 35046})
$towns.push({name: "Clanton"; zc: 35045})
var $names : 4D.Function:=Formula($1.map(Formula($1.value.name)).join(","))
ALERT("name = :1 → "+JSON Stringify($towns.query("name = :1"; "Cleveland")))
ALERT("zc > 35040 → "+$names.call(Null; $towns.query("zc > 35040")))
ALERT("indices → "+JSON Stringify($towns.indices("name = :1"; "Cleveland"))+" "+JSON Stringify($towns.indices("zc > 35040")))
ALERT("no match → "+JSON Stringify($towns.query("name = 'Paris'"))+" "+JSON Stringify($towns.indices("zc < 0")))
// = ignores case and honours @; === and IS take @ literally.
ALERT("cl@ → "+$names.call(Null; $towns.query("name = 'cl@'")))
ALERT("== @an@ → "+$names.call(Null; $towns.query("name == :1"; "@an@")))
ALERT("=== cl@ → "+String($towns.query("name === 'cl@'").length)+", IS clanton → "+String($towns.query("name IS 'clanton'").length))
// # and != are not(=); !== and IS NOT are not(===).
ALERT("# C@ → "+$names.call(Null; $towns.query("name # 'C@'")))
ALERT("!= :1 → "+$names.call(Null; $towns.query("name != :1"; "Clanton")))
ALERT("IS NOT C@ → "+String($towns.query("name IS NOT 'C@'").length)+", !== adger → "+String($towns.query("name !== 'adger'").length))
// <, <=, >=, and, or, not, parentheses.
ALERT("range → "+JSON Stringify($towns.indices("zc >= :1 and zc <= :2"; 35031; 35046)))
ALERT("or → "+JSON Stringify($towns.indices("name = 'Adger' or zc = 35045")))
ALERT("& | → "+JSON Stringify($towns.indices("name = Clanton & zc < 35046 | name = Adger")))
ALERT("AND binds tighter → "+JSON Stringify($towns.indices("name = 'Adger' OR name = 'Clanton' AND zc = 35045")))
ALERT("parentheses → "+JSON Stringify($towns.indices("(name = 'Adger' || name = 'Clanton') && zc # 35045")))
ALERT("not → "+JSON Stringify($towns.indices("not(name = 'C@')"))+" "+JSON Stringify($towns.indices("NOT zc > 35040")))
ALERT("text order → "+JSON Stringify($towns.indices("name < 'c'")))
// IN: a collection through a placeholder, or a list.
ALERT("IN :1 → "+JSON Stringify($towns.indices("name IN :1"; ["adger"; "Clev@"])))
ALERT("IN list → "+JSON Stringify($towns.indices("zc in [35006, 35045]"))+" "+JSON Stringify($towns.indices("name IN ['Adger', \"Clanton\"]")))
// Placeholders for paths; querySettings for named placeholders.
ALERT(":1 = :2 → "+JSON Stringify($towns.indices(":1 = :2"; "name"; "Adger")))
var $settings : Object:={attributes: {att: "zc"}; parameters: {low: 35040; name: "Cl@"}}
ALERT("named → "+JSON Stringify($towns.indices(":att > :low and name = :name"; $settings)))
// Paths into objects and collections; null and missing properties.
var $people : Collection:=[]
$people.push({name: "Smith"; hired: !2002-05-22!; age: 45; address: {city: "Paris"}; kids: [{age: 3}; {age: 12}]})
$people.push({name: "Wesson"; hired: !2017-11-30!; address: {city: "Lyon"}; kids: []})
$people.push({name: "Winch"; hired: !2018-05-16!; age: 36; kids: [{age: 8}]})
$people.push({name: "Sterling"; hired: !1999-05-10!; age: Null})
$people.push("not an object")
$people.push({name: "Mark"; hired: !2002-01-01!; address: {city: "paris"}})
ALERT("in → "+JSON Stringify($people.indices("name = :1"; "@in@")))
ALERT("not W@ → "+JSON Stringify($people.indices("name # :1"; "W@")))
ALERT("age = null → "+JSON Stringify($people.indices("age = null"))+", age # null → "+JSON Stringify($people.indices("age # null")))
ALERT("Null placeholder matches nothing → "+JSON Stringify($people.indices("age = :1"; Null))+" "+JSON Stringify($people.indices("age # :1"; Null)))
ALERT("address.city → "+JSON Stringify($people.indices("address.city = 'PARIS'")))
ALERT("kids[].age → "+JSON Stringify($people.indices("kids[].age > 10"))+" "+JSON Stringify($people.indices("kids[].age < 10")))
ALERT("kids[].age # 8 → "+JSON Stringify($people.indices("kids[].age # 8")))
ALERT("dates → "+JSON Stringify($people.indices("hired < :1"; !2010-01-01!))+" "+JSON Stringify($people.indices("hired >= '2017-11-30'")))
ALERT("booleans, numbers as text → "+JSON Stringify([{ok: True}; {ok: False}; {ok: "true"}].indices("ok = true"))+" "+JSON Stringify([{n: 1}; {n: "1"}].indices("n = 1")))
// References: only through querySettings parameters.
var $o1 : Object:={a: 1}
var $refs : Collection:=[{o: $o1}; {o: {a: 1}}; {o: $o1}]
ALERT("reference → "+JSON Stringify($refs.indices("o = :v"; {parameters: {v: $o1}}))+" "+JSON Stringify($refs.indices("o # :v"; {parameters: {v: $o1}})))
// The result is a shallow copy.
var $found : Collection:=$towns.query("name = Adger")
$found[0].zc:=1
ALERT("shared → "+String($towns[2].zc))
var $empty : Collection:=[]
ALERT("empty → "+JSON Stringify($empty.query("a = 1"))+" "+JSON Stringify($empty.indices("a = 1")))
// Bad query strings are errors.
ALERT("errors caught: "+String(Undefined(Try($towns.query("name ~ 1"))))+" "+String(Undefined(Try($towns.query("(name = 1"))))+" "+String(Undefined(Try($towns.query("name = :3"; 1))))+" "+String(Undefined(Try($towns.query(""))))+" "+String(Undefined(Try($refs.query("o = :1"; $o1)))))
