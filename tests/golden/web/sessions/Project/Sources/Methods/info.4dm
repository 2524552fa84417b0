//%attributes = {"publishedWeb":true}
// What the session says of itself.
var $text : Text:="type: "+Session.info.type+Char(10)
$text+="guest: "+String(Session.isGuest())+Char(10)
$text+="user: ["+Session.userName+"]"+Char(10)
$text+="idle timeout: "+String(Session.idleTimeout)+Char(10)
Session.idleTimeout:=30
$text+="raised to: "+String(Session.idleTimeout)+Char(10)
$text+="expiration is a date: "+String(Match regex("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z$"; Session.expirationDate; 1))+Char(10)
$text+="Session storage finds it: "+String(Session storage(Session.id)=Session.storage)+Char(10)
$text+="Session info finds it: "+String(Session info(Session.id).ID=Session.id)+Char(10)
var $mine : Collection:=Process activity(Processes only).processes.query("sessionID = :1"; Session.id)
$text+="this process is in it: "+String($mine.length>0)+Char(10)
WEB SEND TEXT($text; "text/plain")
