// Helper for commands_win_over_methods: a project method named like the
// command Formula; only a command given its name as text reaches it.
#DECLARE($state : Object)
Use ($state)
	$state.ran:="the method Formula"
End use
