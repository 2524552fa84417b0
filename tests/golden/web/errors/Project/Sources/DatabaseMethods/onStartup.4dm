// Runs before the server listens.
Use (Storage)
	Storage.started:=New shared object("at"; "startup")
End use
