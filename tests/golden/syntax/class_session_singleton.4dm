session singleton Class constructor($user : Text)
	This.user:=$user

onHTTPGet Function status() : Object
	return {ok: True:C214}
