// .multiSort(): a sort that moves other collections in step.
var $c : Collection:=[3; "b"; 1; Null; True; "a"]
ALERT("no parameter, like sort(): "+JSON Stringify($c.multiSort()))
var $letters : Collection:=["C"; "A"; "B"]
var $numbers : Collection:=[1; 2; 3]
var $lists : Collection:=[["x"; "y"]; ["z"]; []]
ALERT("returns the collection: "+JSON Stringify($letters.multiSort([$numbers; $lists])))
ALERT("in step: "+JSON Stringify($numbers)+" "+JSON Stringify($lists))
// A formula orders the main collection (here descending); the others follow.
$letters.multiSort(Formula($1.value>$1.value2); [$numbers; $lists])
ALERT("descending: "+JSON Stringify($letters)+" "+JSON Stringify($numbers)+" "+JSON Stringify($lists))
// {collection; order} objects are further sort levels for equal elements;
// plain collections only follow.
var $continent : Collection:=["Europe"; "Africa"; "Europe"; "Europe"; "Asia"]
var $country : Collection:=["France"; "Kenya"; "Italy"; "France"; "Japan"]
var $city : Collection:=["Paris"; "Nairobi"; "Rome"; "Lyon"; "Kyoto"]
var $rank : Collection:=[1; 2; 3; 4; 5]
$continent.multiSort([$rank; {collection: $city; order: ck ascending}; $country])
ALERT(JSON Stringify($continent)+" "+JSON Stringify($country)+" "+JSON Stringify($city)+" "+JSON Stringify($rank))
$continent.multiSort([{collection: $country; order: ck descending}; {collection: $city}; $rank])
ALERT(JSON Stringify($continent)+" "+JSON Stringify($country)+" "+JSON Stringify($city)+" "+JSON Stringify($rank))
// The sort is stable: equal elements keep their order.
var $names : Collection:=[{first: "John"; last: "Smith"}; {first: "Alain"; last: "Martin"}; {first: "Jane"; last: "Doe"}; {first: "John"; last: "Doe"}]
var $towns : Collection:=["Paris"; "Lyon"; "Eching"; "Berlin"]
$names.multiSort(Formula($1.value.first<$1.value2.first); [$towns])
ALERT($names.map(Formula($1.value.first+" "+$1.value.last)).join(", ")+" / "+$towns.join(", "))
// A method name works as the callback too.
var $words : Collection:=["ccc"; "a"; "bb"]
var $ids : Collection:=[3; 1; 2]
$words.multiSort("cb_longer"; [$ids])
ALERT(JSON Stringify($words)+" "+JSON Stringify($ids))
// Extra parameters after the collections go to $2...
$words.multiSort("cb_longer"; [$ids]; True)
ALERT("longest first: "+JSON Stringify($words)+" "+JSON Stringify($ids))
// A callback alone sorts like sort(callback).
ALERT("callback alone: "+JSON Stringify([2; 3; 1].multiSort(Formula($1.value>$1.value2))))
// The same collection given twice moves once.
var $twice : Collection:=["b"; "c"; "a"]
var $main : Collection:=[2; 3; 1]
$main.multiSort([$twice; $twice; $main])
ALERT(JSON Stringify($main)+" "+JSON Stringify($twice))
var $empty : Collection:=[]
ALERT("empty: "+JSON Stringify($empty.multiSort([[]])))
