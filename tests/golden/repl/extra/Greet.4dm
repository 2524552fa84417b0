#DECLARE($who : Text) : Text
return "Hello, "+$who+"!"
