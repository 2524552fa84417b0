// A roles.json whose includes names a privilege it does not declare stops
// the run before anything runs, with a diagnostic that points into it.
ALERT("never shown")
