// Helper of abort: the error handler that aborts.
ALERT("handler of error "+String(Last errors[0].errCode)+" aborts")
ABORT
