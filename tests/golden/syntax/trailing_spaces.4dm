If ($a=1) 	
	$b:=1
Else 	 
	$b:=2
End if 	
Case of  
	: ($a=2)  
Else	
End case 
For ($i; 1; 2)  
End for 	
For each ($x; $c) 
End for each   
While ($a<0) 
End while 
Repeat 	
Until (True:C214) 
Use ($s) 
End use 
Try 
Catch 	
End try  
return 
$x:=1   
var $z : Integer  
