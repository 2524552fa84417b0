// An `:xliff:` reference is read by 4D's interface (titles, menus), which
// fourd does not have: in code it is a text like any other, shown as written;
// the code that wants the string asks `Localized string` for it, as
// components do when they find the prefix themselves.
var $ref; $name : Text
SET DATABASE LOCALIZATION("fr")
$ref:=":xliff:greeting"
ALERT($ref)
If (Position(":xliff:"; $ref)=1)
	$name:=Substring($ref; Length(":xliff:")+1)
	ALERT(Localized string($name))
End if 
