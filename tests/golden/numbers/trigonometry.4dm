// Sin, Cos, Tan and Arctan work in radians; Degree, Radian, Pi and e number.
ALERT(String(Sin(0))+" "+String(Sin(Pi/2))+" "+String(Sin(30*Degree))+" "+String(Cos(0))+" "+String(Cos(Pi))+" "+String(Cos(60*Degree)))
ALERT(String(Tan(0))+" "+String(Tan(45*Degree))+" "+String(Arctan(1)*4)+" "+String(Arctan(1)*Radian)+" "+String(Arctan(-1/0)))
ALERT(String(Degree)+" "+String(Radian)+" "+String(e number)+" "+String(Log(e number))+" "+String(Pi))
ALERT("["+String(Sin(1/0))+"] "+String(Arctan(1e300)*2=Pi))
