// Counts its calls in the process variable vCalls (declared with var).
var vCalls : Integer
vCalls:=vCalls+1
