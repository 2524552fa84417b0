C_BLOB($1)
$1{1}:=77
ALERT("in the method: "+String($1{1}))
