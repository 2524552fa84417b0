// A class whose function and constructor report the call chain (call_chain).
property seen : Collection

Class constructor()
	This.seen:=Call chain

Function probe() : Collection
	return Chain_inner(2)
