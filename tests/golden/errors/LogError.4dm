ALERT("handler: error "+String(Error)+": "+Last errors[0].message)
