#DECLARE($blob : Blob)
$blob{0}:=99
ALERT("in method: "+String($blob{0}))
