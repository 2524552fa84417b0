// A formula stored in a property runs with This bound to the object it is
// called through, with $o.f() and with $o["f"](); read without () it is
// the formula itself (.source, .call(), .apply()); outside every object
// This is Null.
var $o : Object:={name: "box"; f: Formula(This.name+"!")}
ALERT($o.f())
ALERT($o["f"]())
var $c : Collection:=[Formula($1*2); Formula($1+$2)]
ALERT(String($c[0](21))+" "+String($c[1](40; 2)))
var $g : 4D.Function:=$o.f
ALERT($g.source)
ALERT($g.call({name: "called"}))
ALERT($g.apply({name: "applied"}))
ALERT(String(This=Null))
