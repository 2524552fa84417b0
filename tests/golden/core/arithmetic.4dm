// Operators evaluate strictly left to right: no precedence.
ALERT(String(3+4*5))
ALERT(String(3+(4*5)))
ALERT(String(10-2-3))
ALERT(String(2^3^2))
ALERT(String(5/2)+" "+String(5\2)+" "+String(5%2)+" "+String(10.5%2))
ALERT(String(1/3))
ALERT(String(0.1+0.2))
ALERT(String(1/0)+" "+String(-1/0))
// Reals compare equal within 1e-6.
ALERT(String((0.1+0.2)=0.3))
ALERT(String(1.0000001=1))
ALERT(String(1.00001=1))
// Bitwise operators on 32-bit Longints.
ALERT(String(0x0000FFFF & 0xFF00FF00))
ALERT(String(0x0000FFFF >> 8)+" "+String(1 << 4)+" "+String(0 ?+ 16)+" "+String(0x00010000 ?? 16))
ALERT(String(-7)+" "+String(-(2+3)))
