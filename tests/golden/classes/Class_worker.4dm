// Helper for class_shared: uses the run's singleton and a shared instance
// from another process, and its own per-process singleton.
#DECLARE($tally : cs.Tally)
$tally.increment(10)
cs.Registry.me.add("worker")
ALERT("worker: Settings made by process "+String(cs.Settings.me.made)+", theme "+cs.Settings.me.theme)
Use (Storage.sync)
	Storage.sync.done:=True
End use
