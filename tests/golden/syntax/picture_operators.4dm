// `*+` and `*|` are the picture scaling operators, one token each (`*` then `-` is a negation).
$p:=$q*+3
$p:=$q*|0.5
$p:=$q *+ 2 *| $n
$p:=($q*+2)/($q*|2)
$x:=$a*-1
$x:=$a | $b
