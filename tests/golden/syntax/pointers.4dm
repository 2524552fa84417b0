$p:=->$x
$p:=->vVar
$p:=-><>x
$p:=->[People:1]
$p:=->[People:1]Name:2
$p:=->arr{2}
$p:=->$o
$v:=$p->
$v:=($pp->)->
$v:=$p->{$i}
$v:=$p->[[1]]
$v:=$p->prop
$v:=$p->["prop"]
$p->:=1
$p->prop:=2
$b:=$p->>$x
$b:=$p->=1
$b:=$p->#$q->
$b:=$p->>=0
$v:=${$i}->
$v:=Form:C1466.ptr->
OBJECT Get pointer:C1124(Object named:K67:5; "x")->:=3
$v:=OBJECT Get pointer:C1124(Object named:K67:5; "x")->
Up(->$t)
$1->:=Uppercase:C13($1->)
