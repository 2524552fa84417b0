// Helper of signals: computes, stores the result in the signal, triggers it.
#DECLARE($signal : 4D.Signal; $n : Integer)
Use ($signal)
	$signal.result:=$n*2
End use
$signal.trigger()
