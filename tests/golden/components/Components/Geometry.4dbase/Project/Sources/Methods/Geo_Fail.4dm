//%attributes = {"shared":true}
// Raises error 9100 in the component's code, then goes on.
#DECLARE() : Text
throw(9100; "no such shape")
return "Geo_Fail went on"
