// A worker keeps its process variables from one message to the next:
// each call of Worker_bump adds one to the worker's own vCalls, and the
// main process's vCalls is another variable.
C_LONGINT(vCalls)
vCalls:=100
ALERT("main: "+String(vCalls))
CALL WORKER("keeper"; "Worker_bump")
CALL WORKER("keeper"; "Worker_bump")
CALL WORKER("keeper"; "Worker_bump")
CALL WORKER("keeper"; "Worker_report")
