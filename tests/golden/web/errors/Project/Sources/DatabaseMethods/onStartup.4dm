// Runs before the server listens.
Use (Storage)
	Storage.started:=New shared object("at"; "startup")
End use
// The options set here are those the server starts with.
WEB SET OPTION(Web maximum requests size; 600000)
WEB SET OPTION(Web session cookie path; "/")
