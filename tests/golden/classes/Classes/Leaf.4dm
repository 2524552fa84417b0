// Extends a class without a constructor: This needs no Super() first.
// Super() in a function (not a constructor): -10746.
Class extends Empty

Class constructor()
	This.made:=Current method name
	
Function again()
	Super("again")
