throw({message: "first"; deferred: True})
throw({message: "second"; deferred: True})
ALERT("ThrowLater finishes its work")
