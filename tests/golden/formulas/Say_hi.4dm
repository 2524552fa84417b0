// A method with no parameter and no result, for EXECUTE METHOD.
ALERT("hi from Say_hi")
