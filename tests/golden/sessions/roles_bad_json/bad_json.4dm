// A roles.json that is not valid JSON (a comma before `]`) stops the run
// before anything runs.
ALERT("never shown")
