// Never calls Super(), though Shape has a constructor: -10748.
Class extends Shape

Class constructor()
	var $x : Integer:=1
