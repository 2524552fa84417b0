// The options of a 4D.HTTPRequest as a class: its functions are the callbacks.
property method : Text
property kinds : Collection
property received : Integer

Class constructor($method : Text)
	This.method:=$method
	This.kinds:=[]
	This.received:=0

Function note($kind : Text)
	If (This.kinds.length=0)
		This.kinds.push($kind)
	Else 
		If (This.kinds[This.kinds.length-1]#$kind)
			This.kinds.push($kind)
		End if 
	End if 

Function onHeaders($request : 4D.HTTPRequest; $event : Object)
	This.note($event.type+" "+String($request.response.status))

Function onData($request : 4D.HTTPRequest; $event : Object)
	This.note($event.type)
	This.received+=$event.data.size

Function onResponse($request : 4D.HTTPRequest; $event : Object)
	This.note($event.type)

Function onError($request : 4D.HTTPRequest; $event : Object)
	This.note($event.type+" "+String($request.errors[0].errCode))

Function onTerminate($request : 4D.HTTPRequest; $event : Object)
	This.note($event.type+" (terminated "+String($request.terminated)+")")
