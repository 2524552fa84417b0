//%attributes = {"preemptive":"capable"}
$a:="bom"
