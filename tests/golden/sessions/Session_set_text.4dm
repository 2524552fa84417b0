// Helper for session_storage (the documented example): sets settings.text
// in the storage of the session with that id, creating settings the first time.
#DECLARE($id : Text; $text : Text)
var $storage : Object:=Session storage($id)
Use ($storage)
	If ($storage.settings=Null)
		$storage.settings:=New shared object("text"; $text)
	Else 
		Use ($storage.settings)
			$storage.settings.text:=$text
		End use 
	End if 
End use 
