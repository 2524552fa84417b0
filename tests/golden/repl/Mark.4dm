Use (Storage)
	Storage.done:=New shared object("by"; Current process name)
End use
