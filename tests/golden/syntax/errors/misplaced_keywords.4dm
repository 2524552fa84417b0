ALERT("a")
Else 
: ($x=1)
Until ($x>3)
Catch
End try
