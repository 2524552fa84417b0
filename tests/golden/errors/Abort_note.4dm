// Helper of abort: a handler that notes the error and lets the method go on.
ALERT("noted error "+String(Last errors[0].errCode))
