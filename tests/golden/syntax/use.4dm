Use (Storage:C1525)
	Storage:C1525.counters:=New shared object:C1526("n"; 0)
End use 
Use (Storage:C1525.counters)
	Storage:C1525.counters.n+=1
	Use ($shared.list)
		$shared.list.push(1)
	End use 
End use 
USE SET:C118("mySet")
Use Storage:C1525
	Storage:C1525.n:=1
End use 
USE SET:C118("selected")
