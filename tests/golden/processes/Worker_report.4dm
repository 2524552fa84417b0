// Shows the worker's vCalls.
ALERT("worker: "+String(vCalls))
