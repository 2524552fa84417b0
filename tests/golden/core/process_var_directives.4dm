// C_LONGINT, C_TEXT and their kin declare process variables: each holds
// the empty value of its type until assigned, and a second declaration
// keeps the value it holds.
C_LONGINT(vCount)
C_TEXT(vLabel)
C_REAL(vRatio)
C_BOOLEAN(vDone)
C_OBJECT(vSettings)
C_COLLECTION(vItems)
ALERT(String(Type(vCount))+" "+String(vCount+1))
ALERT("["+vLabel+"]")
ALERT(String(Type(vRatio))+" "+String(vDone))
ALERT(String(vSettings=Null)+" "+String(vItems=Null))
vCount:=41
C_LONGINT(vCount)
ALERT(String(vCount+1))
C_TEXT(<>vShared)
ALERT("["+<>vShared+"]")
