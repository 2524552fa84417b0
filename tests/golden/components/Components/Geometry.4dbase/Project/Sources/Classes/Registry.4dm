// A singleton class of the component (one instance per process).
singleton Class constructor()
	This.count:=0

Function bump() : Integer
	This.count+=1
	return This.count
