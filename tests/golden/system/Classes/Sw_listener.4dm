// The options of a 4D.SystemWorker as a class: its functions are the callbacks.
property data : Text
property errorData : Text
property kinds : Collection

Class constructor($timeout : Real)
	This.data:=""
	This.errorData:=""
	This.kinds:=[]
	If (Count parameters>0)
		This.timeout:=$timeout
	End if 

Function note($kind : Text)
	If (This.kinds.length=0)
		This.kinds.push($kind)
	Else 
		If (This.kinds[This.kinds.length-1]#$kind)
			This.kinds.push($kind)
		End if 
	End if 

Function onData($worker : 4D.SystemWorker; $event : Object)
	This.note($event.type)
	This.data+=$event.data

Function onDataError($worker : 4D.SystemWorker; $event : Object)
	This.note("stderr "+$event.type)
	This.errorData+=$event.data

Function onResponse($worker : 4D.SystemWorker; $event : Object)
	This.note($event.type+" (exit "+String($worker.exitCode)+")")

Function onError($worker : 4D.SystemWorker; $event : Object)
	This.note($event.type+" "+String($worker.errors[0].errorCode))

Function onTerminate($worker : 4D.SystemWorker; $event : Object)
	This.note($event.type+" (terminated "+String($worker.terminated)+")")
