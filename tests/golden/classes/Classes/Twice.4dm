// Calls Super() twice: -10746.
Class extends Shape

Class constructor()
	Super("once")
	Super("twice")
