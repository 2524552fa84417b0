// DOM Find XML element: absolute and relative paths, indexes, predicates, the array form.
var $root; $found; $value : Text
$root:=DOM Parse XML variable("<store><book lang=\"en\" id=\"x1\"><title>Dune</title><price>9</price></book><book lang=\"fr\" id=\"x2\"><title>Candide</title><price>5</price></book><book id=\"x3\"><title>Emma</title></book></store>")
$found:=DOM Find XML element($root; "/store/book[2]/title")
DOM GET XML ELEMENT VALUE($found; $value)
ALERT("/store/book[2]/title: "+$value)
$found:=DOM Find XML element($root; "book[last()]/title")
DOM GET XML ELEMENT VALUE($found; $value)
ALERT("book[last()]/title: "+$value)
$found:=DOM Find XML element($root; "book[@lang=\"fr\"]")
DOM GET XML ATTRIBUTE BY NAME($found; "id"; $value)
ALERT("book[@lang=\"fr\"]: "+$value)
$found:=DOM Find XML element($root; "book[title='Emma']")
DOM GET XML ATTRIBUTE BY NAME($found; "id"; $value)
ALERT("book[title='Emma']: "+$value)
$found:=DOM Find XML element($root; "//book[contains(@id,'2')]/price")
DOM GET XML ELEMENT VALUE($found; $value)
ALERT("contains: "+$value)
ARRAY TEXT($refs; 0)
$found:=DOM Find XML element($root; "//title"; $refs)
var $i : Integer
var $all : Text
For ($i; 1; Size of array($refs))
	DOM GET XML ELEMENT VALUE($refs{$i}; $value)
	$all:=$all+$value+" "
End for 
ALERT("all titles: "+$all+"first returned: "+String($found=$refs{1}))
$found:=DOM Find XML element($root; "//book[@lang]"; $refs)
ALERT("books with a lang: "+String(Size of array($refs)))
$found:=DOM Find XML element($root; "//title | //price"; $refs)
ALERT("titles and prices: "+String(Size of array($refs)))
$found:=DOM Find XML element by ID($root; "x3")
DOM GET XML ELEMENT NAME($found; $value)
ALERT("by ID x3: "+$value)
// Nothing found: OK 0 and an error.
Try
	$found:=DOM Find XML element($root; "/store/magazine")
Catch
	ALERT("not found: "+String(Last errors[0].errCode)+", OK="+String(OK))
End try
Try
	$found:=DOM Find XML element($root; "book[")
Catch
	ALERT("bad path: "+String(Last errors[0].errCode)+", OK="+String(OK))
End try
DOM CLOSE XML($root)
