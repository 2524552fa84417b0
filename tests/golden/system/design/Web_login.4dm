// A helper listed by method_paths (in the subfolder "web_auth" of "web").
#DECLARE() : Text
return "login"
