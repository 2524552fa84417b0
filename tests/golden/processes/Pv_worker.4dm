// Helper of process_variables: a worker's message that sets a process
// variable of the worker, which keeps it while its box is empty.
#DECLARE($done : 4D.Signal)
vtWorkerNote:="kept by the worker"
$done.trigger()
