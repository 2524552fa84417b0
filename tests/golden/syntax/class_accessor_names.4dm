// functions whose names are the accessor words
Function get
	return 1

Function query($q : Text) : Text
	return $q

Function orderBy ($x)
	return $x

Function set ($k; $v)
	This[$k]:=$v
