// METHOD GET NAMES: the project's methods (here, the files of this folder), sorted
ARRAY TEXT($names; 0)
var $i : Integer
METHOD GET NAMES($names; "Listed_@")
For ($i; 1; Size of array($names))
	ALERT($names{$i})
End for
// the filter compares as = does: case does not matter, @ is a wildcard anywhere
METHOD GET NAMES($names; "listed_@a")
ALERT(String(Size of array($names))+" "+$names{1})
METHOD GET NAMES($names; "@_b@")
ALERT(String(Size of array($names))+" "+$names{1})
// this case is a method of the folder too
METHOD GET NAMES($names; "method_names")
ALERT(String(Size of array($names))+" "+$names{1})
METHOD GET NAMES($names; "no such method")
ALERT(String(Size of array($names)))
// without a filter, every method; * changes nothing outside a component
METHOD GET NAMES($names)
ALERT(String(Find in array($names; "Listed_beta")>0)+" "+String(Find in array($names; "method_names")>0))
METHOD GET NAMES($names; "Listed_@"; *)
ALERT(String(Size of array($names)))
// a variable that holds no array yet gets a Text array
METHOD GET NAMES(all_names; "Listed_alpha")
ALERT(String(Type(all_names)=Text array)+" "+all_names{1})
