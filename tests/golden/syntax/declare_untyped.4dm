#DECLARE($a; $b : Text; $c)
