$o:=JSON Parse("{not json")
