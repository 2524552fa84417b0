For each ($item; $items)
	$total+=$item.price
End for each 
For each ($item; $items; 2)
End for each 
For each ($item; $items; 1; 5)
End for each 
For each ($item; $items; -3; -1)
End for each 
For each ($n; [5; 10; 20]) Until ($total>20)
	$total+=$n
End for each 
For each ($n; $numbers) While ($total<30)
	$total+=$n
End for each 
For each ($key; {a: 1; b: 2})
	$keys.push($key)
End for each 
For each ($e; ds:C1482.People.all())
End for each 
