// A shared singleton: one registry for every process of the run.
property names : Collection

shared singleton Class constructor()
	This.names:=New shared collection
	
shared Function add($name : Text)
	This.names.push($name)
