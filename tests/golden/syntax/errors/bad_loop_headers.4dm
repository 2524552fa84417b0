For ($i; 1)
End for 
For each ($x)
End for each 
