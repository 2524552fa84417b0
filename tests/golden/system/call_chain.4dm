// Call chain (formerly Get call chain): the running calls, innermost first, with the line
// running at each level, from methods, class functions, formulas and an error handler.
Chain_show(Call chain)
Chain_show(Chain_outer)
var $chainer : cs.Chainer:=cs.Chainer.new()
Chain_show($chainer.seen)
Chain_show($chainer.probe())
var $f : 4D.Function:=Formula(Chain_inner(3))
Chain_show($f.call())
Chain_show([1].map(Formula(Call chain))[0])
ON ERR CALL("Chain_handler")
var $x : Real:=1/0
$x:=Num("1")\0
ON ERR CALL("")
// The former name is the same command.
ALERT(String(Get call chain.length)+" "+Get call chain[0].name)
// In another process, the chain starts at that process's method.
var $p : Integer:=New process("Chain_show"; 0; "chains"; [{type: "given"; name: "none"; line: 0; database: "-"}])
