// Not shared with the components.
#DECLARE($from : Text) : Text
return "never"
