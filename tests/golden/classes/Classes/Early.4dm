// Uses This before Super(): -10743.
Class extends Shape

Class constructor()
	This.name:="early"
	Super("early")
