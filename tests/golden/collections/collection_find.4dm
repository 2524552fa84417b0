// .find() and .findIndex(): first match, startFrom, method names, stop.
var $towns : Collection:=[]
$towns.push({name: "Arles"; zip: 13200})
$towns.push({name: "Brest"; zip: 29200})
$towns.push({name: "Colmar"; zip: 68000})
$towns.push({name: "Brest"; zip: 29000})
var $named : 4D.Function:=Formula($1.value.name=$2)
ALERT("find Brest: "+JSON Stringify($towns.find($named; "Brest")))
ALERT("findIndex Brest: "+String($towns.findIndex($named; "Brest")))
ALERT("findIndex Brest from 2: "+String($towns.findIndex(2; $named; "Brest")))
ALERT("find Brest from 2: "+JSON Stringify($towns.find(2; $named; "Brest")))
ALERT("findIndex Brest from -1: "+String($towns.findIndex(-1; $named; "Brest")))
ALERT("findIndex Arles from -1 (left to right): "+String($towns.findIndex(-1; $named; "Arles")))
ALERT("findIndex Arles from -9 (clamped to 0): "+String($towns.findIndex(-9; $named; "Arles")))
ALERT("findIndex from 4 (the length): "+String($towns.findIndex(4; $named; "Brest")))
ALERT("find from 4 is undefined: "+String(Undefined($towns.find(4; $named; "Brest"))))
ALERT("find none is undefined: "+String(Undefined($towns.find($named; "Dax")))+", findIndex: "+String($towns.findIndex($named; "Dax")))
// Text comparison with = ignores case, and @ is a wildcard.
ALERT("findIndex colmar: "+String($towns.findIndex($named; "colmar"))+", C@: "+String($towns.findIndex($named; "C@")))
// The found object is the element itself, not a copy.
var $found : Object:=$towns.find(Formula($1.value.zip>60000))
$found.zip:=68001
ALERT("changed through find: "+String($towns[2].zip))
// Method names; the texts in a mixed collection.
var $mixed : Collection:=["hello"; "world"; 4; "red horse"; "tim"; -2; 7]
ALERT("find first positive number: "+String($mixed.find("cb_positive")))
ALERT("findIndex first positive number: "+String($mixed.findIndex("cb_positive")))
ALERT("findIndex from 3: "+String($mixed.findIndex(3; Formula(cb_positive))))
ALERT("short text: "+$mixed.find(Formula((Value type($1.value)=Is text) && (Length($1.value)<$2)); 4))
// $1.stop ends the search: no match means undefined and -1.
ALERT("stopped before a match: "+String($mixed.findIndex("cb_stop_after"; "world")))
ALERT("stopped on a match: "+String([False; True; True].findIndex("cb_stop_after"; True)))
var $empty : Collection:=[]
ALERT("empty: "+String($empty.findIndex($named; "x"))+" "+String(Undefined($empty.find($named; "x"))))
