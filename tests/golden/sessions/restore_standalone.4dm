// .restore(token) only works in a web session: in the standalone session
// of fourd run it is False, even with a fresh token of the session itself,
// and the process stays in its session. .isGuest() is False there.
var $s : 4D.Session:=Session
var $id : Text:=$s.id
var $token : Text:=$s.createOTP()
ALERT("token of "+String(Length($token))+" digits, not the id: "+String($token#$id))
ALERT("restore: "+String($s.restore($token))+", again: "+String($s.restore($token))+", an unknown token: "+String($s.restore("0123456789ABCDEF0123456789ABCDEF"))+", no token: "+String($s.restore("")))
ALERT("same session: "+String(Session.id=$id)+", guest: "+String(Session.isGuest()))
Try
	$s.restore(42)
Catch
	ALERT("a number: error "+String(Last errors[0].errCode))
End try
