//%attributes = {"publishedWeb":true}
#DECLARE($privilege : Text)
WEB SEND TEXT($privilege+": "+String(Session.hasPrivilege($privilege))+", guest: "+String(Session.isGuest()); "text/plain")
