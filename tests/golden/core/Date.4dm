// Helper for commands_win_over_methods: a project method named like the
// command Date, which a call by its name never reaches.
#DECLARE($x : Text) : Text
return "the method Date"
