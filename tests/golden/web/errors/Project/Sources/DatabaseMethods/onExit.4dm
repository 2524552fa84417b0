// Runs once the server has stopped: its output shows on standard output.
LOG EVENT(Into system standard outputs; "onExit ran\n")
