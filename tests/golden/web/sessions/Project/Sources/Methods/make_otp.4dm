//%attributes = {"publishedWeb":true}
// A one-time token of this session, for another client.
WEB SEND TEXT(Session.createOTP(); "text/plain")
