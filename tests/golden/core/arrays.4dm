// Arrays: declaration, elements, element 0, resizing and the array commands.
ARRAY TEXT($fruits; 3)
$fruits{1}:="pear"
$fruits{2}:="Apple"
$fruits{3}:="fig"
$fruits{0}:="element zero"
ALERT("size "+String(Size of array($fruits))+", zero: "+$fruits{0})
APPEND TO ARRAY($fruits; "banana")
SORT ARRAY($fruits)
ALERT("sorted: "+$fruits{1}+","+$fruits{2}+","+$fruits{3}+","+$fruits{4})
SORT ARRAY($fruits; <)
ALERT("descending: "+$fruits{1}+","+$fruits{4})
ALERT("find: "+String(Find in array($fruits; "FIG"))+" "+String(Find in array($fruits; "b@"))+" "+String(Find in array($fruits; "kiwi"))+" "+String(Find in array($fruits; "@"; 3)))
ALERT("count: "+String(Count in array($fruits; "@a@")))
INSERT IN ARRAY($fruits; 2; 2)
ALERT("inserted: size "+String(Size of array($fruits))+" ["+$fruits{2}+"]["+$fruits{4}+"]")
INSERT IN ARRAY($fruits; 100)
ALERT("inserted past the end: size "+String(Size of array($fruits)))
DELETE FROM ARRAY($fruits; 2; 2)
DELETE FROM ARRAY($fruits; Size of array($fruits))
ALERT("deleted: size "+String(Size of array($fruits))+" first "+$fruits{1})
// Resizing keeps the elements; a smaller size drops the last ones.
ARRAY TEXT($fruits; 6)
ALERT("grown: "+$fruits{1}+" ["+$fruits{6}+"]")
ARRAY TEXT($fruits; 1)
ALERT("shrunk: "+String(Size of array($fruits))+" "+$fruits{1})
// Typed elements: a Longint array truncates reals.
ARRAY LONGINT($n; 0)
APPEND TO ARRAY($n; 3.7)
APPEND TO ARRAY($n; -2.9)
ALERT("longint: "+String($n{1})+" "+String($n{2}))
ARRAY REAL($r; 2)
ARRAY BOOLEAN($b; 1)
ARRAY DATE($d; 1)
ARRAY TIME($t; 1)
ARRAY OBJECT($objects; 1)
ARRAY POINTER($pointers; 1)
ARRAY INTEGER($small; 1)
ALERT("defaults: "+String($r{2})+" "+String($b{1})+" "+String($d{1})+" "+String($t{1})+" "+String($objects{1}=Null)+" "+String(Is nil pointer($pointers{1}))+" "+String($small{1}))
// Synchronised sort: the second array follows the first.
ARRAY REAL($score; 3)
ARRAY TEXT($who; 3)
$score{1}:=20
$who{1}:="b"
$score{2}:=5
$who{2}:="c"
$score{3}:=12
$who{3}:="a"
SORT ARRAY($score; $who; >)
ALERT("by score: "+$who{1}+$who{2}+$who{3})
// Copies are independent.
COPY ARRAY($who; $copy)
$copy{1}:="changed"
ALERT("copy: "+$copy{1}+" original: "+$who{1})
var $same : Boolean
ARRAY TEXT($other; 0)
$other:=$who
$other{1}:="assigned"
ALERT("assignment copies: "+$who{1})
// Arrays and collections.
var $c:=[]
ARRAY TO COLLECTION($c; $who)
ALERT(JSON Stringify($c))
ARRAY TO COLLECTION($c; $who; "name"; $score; "score")
ALERT(JSON Stringify($c))
COLLECTION TO ARRAY([{a: 1; b: "x"}; {a: 2; b: "y"}; {b: "z"}]; $score; "a"; $who; "b")
ALERT(String(Size of array($score))+" "+String($score{2})+" "+String($score{3})+" "+$who{3})
COLLECTION TO ARRAY([3; 1; 2]; $n)
ALERT(String(Size of array($n))+" "+String($n{1}))
CLEAR VARIABLE($n)
ALERT("cleared: "+String(Size of array($n)))
// Through a pointer.
var $p:=->$score
$p->{1}:=99
ALERT("via pointer: "+String($score{1})+" size "+String(Size of array($p->)))
ARRAY TEXT(processList; 2)
processList{2}:="process"
ALERT(processList{2}+" "+String(Size of array(processList)))
ARRAY STRING(10; $codes; 2)
ARRAY PICTURE($pictures; 2)
ARRAY BLOB($blobs; 2)
$codes{1}:="abc"
ALERT("string array: "+$codes{1}+" "+String(Type($codes))+" "+String(Size of array($pictures))+" "+String(Size of array($blobs)))
