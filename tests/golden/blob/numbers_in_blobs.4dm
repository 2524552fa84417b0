// INTEGER, LONGINT and REAL TO BLOB, and back, in each byte order.
var $b : Blob
var $offset : Integer
INTEGER TO BLOB(0x0206; $b; PC byte ordering)
ALERT(String(BLOB size($b))+": "+Bytes($b))
INTEGER TO BLOB(0x0206; $b; Macintosh byte ordering)
ALERT(String(BLOB size($b))+": "+Bytes($b))
INTEGER TO BLOB(0x0206; $b; Native byte ordering)
ALERT("native: "+Bytes($b))
// At an offset: the BLOB keeps its size, the offset moves on.
SET BLOB SIZE($b; 6; 0xFF)
$offset:=2
INTEGER TO BLOB(518; $b; Macintosh byte ordering; $offset)
ALERT(String(BLOB size($b))+": "+Bytes($b)+" offset "+String($offset))
// Past the end: the BLOB grows, new bytes are 0.
$offset:=8
INTEGER TO BLOB(-2; $b; PC byte ordering; $offset)
ALERT(String(BLOB size($b))+": "+Bytes($b)+" offset "+String($offset))
// Appended with *.
LONGINT TO BLOB(0x01020304; $b; Macintosh byte ordering; *)
ALERT(String(BLOB size($b))+": "+Bytes($b))
LONGINT TO BLOB(-1; $b; PC byte ordering)
ALERT(String(BLOB size($b))+": "+Bytes($b))
// Reading back, the offset variable moving on.
SET BLOB SIZE($b; 0)
INTEGER TO BLOB(-12345; $b; PC byte ordering; *)
INTEGER TO BLOB(32767; $b; Macintosh byte ordering; *)
LONGINT TO BLOB(-2147483648; $b; Macintosh byte ordering; *)
LONGINT TO BLOB(123456789; $b; PC byte ordering; *)
$offset:=0
ALERT(String(BLOB to integer($b; PC byte ordering; $offset))+" "+String($offset))
ALERT(String(BLOB to integer($b; Macintosh byte ordering; $offset))+" "+String($offset))
ALERT(String(BLOB to longint($b; Macintosh byte ordering; $offset))+" "+String($offset))
ALERT(String(BLOB to longint($b; PC byte ordering; $offset))+" "+String($offset))
ALERT(String(BLOB to integer($b; PC byte ordering)))
// A number too wide keeps its low bits.
INTEGER TO BLOB(65537; $b; Macintosh byte ordering)
ALERT(Bytes($b)+" "+String(BLOB to integer($b; Macintosh byte ordering)))
// Reals: 8 bytes, or 10 in the extended format.
REAL TO BLOB(1; $b; Macintosh double real format)
ALERT(String(BLOB size($b))+": "+Bytes($b))
REAL TO BLOB(1; $b; PC double real format)
ALERT(String(BLOB size($b))+": "+Bytes($b))
REAL TO BLOB(-2.5; $b; Native real format)
ALERT(String(BLOB size($b))+": "+Bytes($b))
REAL TO BLOB(1; $b; Extended real format)
ALERT(String(BLOB size($b))+": "+Bytes($b))
SET BLOB SIZE($b; 0)
REAL TO BLOB(Pi; $b; Macintosh double real format; *)
REAL TO BLOB(-1e300; $b; PC double real format; *)
REAL TO BLOB(1/3; $b; Extended real format; *)
REAL TO BLOB(0.1; $b; Native real format; *)
ALERT(String(BLOB size($b)))
$offset:=0
ALERT(String(BLOB to real($b; Macintosh double real format; $offset)=Pi)+" "+String($offset))
ALERT(String(BLOB to real($b; PC double real format; $offset))+" "+String($offset))
ALERT(String(BLOB to real($b; Extended real format; $offset)=(1/3))+" "+String($offset))
ALERT(String(BLOB to real($b; Native real format; $offset))+" "+String($offset))
