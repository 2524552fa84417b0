$a+1:=2
ALERT("x"):=3
