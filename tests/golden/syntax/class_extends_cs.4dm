Class extends cs.BaseModel

Class constructor()
	Super()
	This:C1470.ready:=True:C214
