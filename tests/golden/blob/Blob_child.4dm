#DECLARE($blob : Blob)
ALERT("child: "+String(BLOB size($blob))+" "+String($blob{0})+" "+String(<>shared{0}))
<>shared{0}:=10
