// A shared singleton class of the component (one instance per run).
shared singleton Class constructor()
	This.n:=0

shared Function add() : Integer
	This.n+=1
	return This.n
