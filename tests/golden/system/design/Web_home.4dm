// A helper listed by method_paths (in the Explorer folder "web").
#DECLARE() : Text
return "home"
