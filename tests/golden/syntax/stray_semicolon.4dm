$a:=1;
ALERT:C41("x");
$o.f(1);
$b:=2
