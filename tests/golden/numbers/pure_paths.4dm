// Project methods whose parameters, locals and result are numbers run on a
// numeric path (fourd's specialisation); every answer here is the one the
// generic walker gives, errors included.
var $out : Text
Pure_fib
$out:="fib(25)="+String(Pure_fib(25))
LOG EVENT(Into system standard outputs; $out+"\n")
// Integer parameters, locals and results keep the whole part.
LOG EVENT(Into system standard outputs; "trunc: "+String(Pure_trunc(7.9; 10))+" "+String(Pure_trunc(-7.9; -10))+"\n")
LOG EVENT(Into system standard outputs; "type: "+String(Value type(Pure_trunc(1; 1)))+" "+String(Value type(Pure_named(1)))+"\n")
// Parameters not passed are 0.
LOG EVENT(Into system standard outputs; "defaults: "+String(Pure_trunc)+" "+String(Pure_trunc(4))+"\n")
LOG EVENT(Into system standard outputs; "named: "+String(Pure_named(4))+" "+String(Pure_named(0))+"\n")
// A method with an effect, called from a numeric method, runs once.
LOG EVENT(Into system standard outputs; "logs: "+String(Pure_logs(5))+"\n")
// No return reached.
LOG EVENT(Into system standard outputs; "maybe: "+String(Pure_maybe(2))+" "+String(Value type(Pure_maybe(0)))+"\n")
// A Text argument: the generic walker converts or refuses it.
Try
	LOG EVENT(Into system standard outputs; "text: "+String(Pure_inner("4"))+"\n")
Catch
	LOG EVENT(Into system standard outputs; "text refused: "+String(Last errors[0].errCode)+"\n")
End try
LOG EVENT(Into system standard outputs; "mod: "+String(Pure_mod(7; 4))+"\n")
Try
	LOG EVENT(Into system standard outputs; String(Pure_mod(7; 0))+"\n")
Catch
	LOG EVENT(Into system standard outputs; "mod by zero: "+String(Last errors[0].errCode)+"\n")
End try
Try
	LOG EVENT(Into system standard outputs; String(Pure_deep(1))+"\n")
Catch
	LOG EVENT(Into system standard outputs; "deep: "+String(Last errors[0].errCode)+"\n")
End try
// A parameter changed before a method is loaded on the way: 30+31.
LOG EVENT(Into system standard outputs; "reassign: "+String(Pure_reassign(3))+"\n")
// Uncaught: the error names the numeric method in its call chain.
$out:=String(Pure_mod(1; 0))
