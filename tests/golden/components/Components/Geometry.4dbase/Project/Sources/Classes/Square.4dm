Class extends Rectangle

Class constructor($side : Real)
	Super($side; $side)
