// COMPRESS BLOB, EXPAND BLOB and BLOB PROPERTIES.
var $b : Blob
var $mode; $expanded; $current : Integer
TEXT TO BLOB("fourd compresses repeated text. "*40; $b; UTF8 text without length)
BLOB PROPERTIES($b; $mode; $expanded; $current)
LOG EVENT(Into system standard outputs; "plain: "+String($mode)+" "+String($expanded)+" "+String($current)+"\n")

// The default mode is the compact one.
COMPRESS BLOB($b)
BLOB PROPERTIES($b; $mode; $expanded; $current)
LOG EVENT(Into system standard outputs; "compact: OK="+String(OK)+" mode "+String($mode)+" "+String($expanded)+" smaller "+String($current<$expanded)+"\n")
// A compressed BLOB is not compressed again.
COMPRESS BLOB($b; Fast compression mode)
LOG EVENT(Into system standard outputs; "again: OK="+String(OK)+"\n")
EXPAND BLOB($b)
BLOB PROPERTIES($b; $mode; $expanded; $current)
LOG EVENT(Into system standard outputs; "expanded: OK="+String(OK)+" "+String($mode)+" "+String($current)+" "+Substring(BLOB to text($b; UTF8 text without length); 1; 31)+"\n")

// The GZIP modes write standard gzip: 1F 8B at the start.
COMPRESS BLOB($b; GZIP best compression mode)
BLOB PROPERTIES($b; $mode; $expanded)
LOG EVENT(Into system standard outputs; "gzip best: "+String($mode)+" "+String($expanded)+" "+String($b{0})+" "+String($b{1})+"\n")
EXPAND BLOB($b)
COMPRESS BLOB($b; GZIP fast compression mode)
BLOB PROPERTIES($b; $mode)
LOG EVENT(Into system standard outputs; "gzip fast: "+String($mode)+"\n")
EXPAND BLOB($b)
LOG EVENT(Into system standard outputs; "back: "+String(BLOB size($b))+"\n")

// Under 255 bytes a BLOB is left as it is, and OK is 0.
var $small : Blob
TEXT TO BLOB("short"; $small; UTF8 text without length)
COMPRESS BLOB($small)
BLOB PROPERTIES($small; $mode)
LOG EVENT(Into system standard outputs; "small: OK="+String(OK)+" mode "+String($mode)+"\n")

// Expanding a BLOB that is not compressed is error -10600.
var $error : Integer
Try
	EXPAND BLOB($small)
Catch
	$error:=Last errors[0].errCode
End try
LOG EVENT(Into system standard outputs; "not compressed: "+String($error)+" OK="+String(OK)+"\n")
