//%attributes = {"publishedWeb":true}
// WebAdmin is declared by every roles.json.
WEB SEND TEXT("admin: "+String(Session.setPrivileges("WebAdmin")); "text/plain")
