// Helper of signals: a worker's message that triggers the signal.
#DECLARE($signal : 4D.Signal)
$signal.trigger()
