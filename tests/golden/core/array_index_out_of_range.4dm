// Reading past the end of an array is an error.
ARRAY LONGINT($n; 2)
ALERT(String($n{2}))
ALERT(String($n{3}))
