// A chain of member calls continued over lines, each starting with a dot.
$menu:=cs.menu.new("x")\
	.append("a"; "b")\
	.line()\
	.append("c"; "d")
$o.setWidth(10)\
		.setHeight(20)
