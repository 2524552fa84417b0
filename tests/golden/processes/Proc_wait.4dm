// Helper for new_process_unique: waits (a long delay) until resumed.
DELAY PROCESS(Current process; 60*60*10)
