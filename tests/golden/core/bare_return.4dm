// `return` with no value, or no `return` at all, in a method whose result
// is declared: the result is the empty value of the declared type
// (undefined for a Variant).
LOG EVENT(Into system standard outputs; "numeric: "+String(Bare_numeric(3))+" "+String(Bare_numeric(7))+"\n")
LOG EVENT(Into system standard outputs; "integer: "+String(Bare_kinds("bare"))+" "+String(Bare_kinds("fall"))+" "+String(Bare_kinds("x"))+"\n")
LOG EVENT(Into system standard outputs; "types: "+String(Value type(Bare_kinds("bare")))+" "+String(Value type(Bare_text(True)))+" "+String(Value type(Bare_text(False)))+" "+String(Value type(Bare_object))+" "+String(Value type(Bare_variant))+"\n")
LOG EVENT(Into system standard outputs; "text: ["+Bare_text(True)+"] null object: "+String(Bare_object=Null)+"\n")
