// orderBy (no formula) and multiSort (no formula).
var $nums : Collection:=[5; 3; 9; 1]
ALERT(JSON Stringify($nums.orderBy())+" "+JSON Stringify($nums.orderBy(ck descending))+" "+JSON Stringify($nums))
var $staff : Collection:=[{name: "Hugo"; age: 30; city: {zip: "75002"}}; {name: "ana"; age: 25; city: {zip: "69001"}}; {name: "Bea"; age: 30; city: {zip: "13001"}}; {name: "Cid"}]
ALERT($staff.orderBy("name").extract("name").join(","))
ALERT($staff.orderBy("age desc, name").extract("name").join(","))
ALERT($staff.orderBy("age desc,name desc").extract("name").join(","))
ALERT($staff.orderBy("city.zip asc").extract("name").join(","))
ALERT($staff.orderBy([{propertyPath: "age"; descending: True}; {propertyPath: "city.zip"}]).extract("name").join(","))
ALERT(JSON Stringify([True; "b"; 2; Null; !2020-01-01!; "A"; 1].orderBy()))
// multiSort: the collection and each collection passed are sorted together; each is a further level.
var $fruit : Collection:=["pear"; "fig"; "apple"; "fig"]
var $price : Collection:=[3; 2; 5; 1]
var $stock : Collection:=[[1]; [2]; [3]; [4]]
$fruit.multiSort([$price; $stock])
ALERT(JSON Stringify($fruit)+" "+JSON Stringify($price)+" "+JSON Stringify($stock))
var $team : Collection:=["red"; "blue"; "red"; "blue"]
var $score : Collection:=[10; 7; 12; 7]
var $player : Collection:=["Zoe"; "Max"; "Al"; "Kim"]
$team.multiSort([{collection: $score; order: ck descending}; $player])
ALERT(JSON Stringify($team)+" "+JSON Stringify($score)+" "+JSON Stringify($player))
var $alone : Collection:=["b"; 3; "a"]
ALERT(JSON Stringify($alone.multiSort()))
ALERT(JSON Stringify([2; 1].orderBy("")))
