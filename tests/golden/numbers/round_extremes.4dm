// Round and Trunc with places beyond what a Real holds: the number is
// left as it is (or 0 when every digit is rounded away), never NaN.
ALERT(String(Round(1.5; 400)))
ALERT(String(Round(1.5; -400)))
ALERT(String(Round(1e+300; 20)))
ALERT(String(Trunc(-1.5; 400)))
ALERT(String(Trunc(-1.5; -400)))
ALERT(String(Round(1234.5678; 2)))
ALERT(String(Trunc(987.65; -1)))
ALERT(String(Round(2.5; 0)))
