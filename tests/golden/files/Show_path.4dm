#DECLARE($item : Object)
// Runs in another process: the file arrives as a file.
ALERT("in another process: "+OB Class($item).name+" "+$item.path)
