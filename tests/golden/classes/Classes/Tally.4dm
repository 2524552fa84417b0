// A shared class: its instances are shared objects; increment takes Use by itself.
property count : Integer:=0
property seen : Collection:=[]

shared Class constructor($start : Integer)
	This.count:=$start
	
shared Function increment($by : Integer)
	This.count+=$by
	This.seen.push($by)
	
Function peek() : Integer
	return This.count
	
Function tryWrite()
	This.count:=-1
