// METHOD GET PATHS and METHOD Get path in a folder of loose methods (no database methods,
// no forms, no tables), with the Explorer folders of folders.json.
ARRAY TEXT($paths; 0)
METHOD GET PATHS(Path project method; $paths)
ALERT("methods: "+String(Size of array($paths))+" "+$paths{1}+" "+$paths{Size of array($paths)})
METHOD GET PATHS(Path class; $paths)
ALERT("classes: "+String(Size of array($paths))+" "+$paths{1})
METHOD GET PATHS(Path database method+Path trigger+Path project form+Path table form; $paths)
ALERT("database methods, triggers, forms: "+String(Size of array($paths)))
METHOD GET PATHS(Path all objects; $paths)
ALERT("all: "+String(Size of array($paths)))
// A folder holds its methods and those of its subfolders.
METHOD GET PATHS("web"; Path all objects; $paths)
var $list : Collection:=[]
ARRAY TO COLLECTION($list; $paths)
ALERT("web: "+$list.join(", "))
METHOD GET PATHS("web_auth"; Path project method; $paths)
ALERT("web_auth methods: "+String(Size of array($paths))+" "+$paths{1})
METHOD GET PATHS("empty"; Path all objects; $paths)
ALERT("empty: "+String(Size of array($paths)))
// The stamp: methods saved at or after it, and back the highest stamp.
var $stamp : Real:=0
METHOD GET PATHS(Path project method; $paths; $stamp)
ALERT("since 0: "+String(Size of array($paths))+", stamp set: "+String($stamp>0))
$stamp:=$stamp+1
METHOD GET PATHS(Path project method; $paths; $stamp)
ALERT("since later: "+String(Size of array($paths)))
// METHOD Get path does not look for the method.
ALERT(METHOD Get path(Path project method; "Nowhere"))
ALERT(METHOD Get path(Path database method; "onstartup"))
ALERT(METHOD Get path(Path class; "Invoice"))
ALERT(METHOD Get path(Path project form; "Entry"))
ALERT(METHOD Get path(Path project form; "Entry"; "okButton"))
Try
	ALERT(METHOD Get path(Path database method; "onLunch"))
Catch
	ALERT("onLunch: "+String(Last errors[0].errCode))
End try
Try
	METHOD GET PATHS("any@"; Path project method; $paths)
Catch
	ALERT("@ in a folder name: "+String(Last errors[0].errCode))
End try
METHOD Get path(Path trigger; "Invoices")
