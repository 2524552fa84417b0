For ($i; 1; 3)
    If ($i=2)
        $x:=$i
End for
