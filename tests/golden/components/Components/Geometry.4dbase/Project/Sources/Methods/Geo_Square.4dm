//%attributes = {"shared":true}
// In the component's code, cs is the component's class store.
#DECLARE($side : Real) : Object
return cs.Square.new($side)
