// Helper for interprocess: reads what the main process put in the
// interprocess variables, changes them, and says so through Storage.
ALERT("child sees "+<>name+", "+String(<>count)+", "+String(Size of array(<>list))+" element(s), "+JSON Stringify(<>o))
<>name:="child"
<>count:=<>count+1
APPEND TO ARRAY(<>list; "from child")
<>list{1}:="changed by child"
<>o.child:=True
<>col.push("child")
Use (Storage.sync)
	Storage.sync.done:=True
End use
