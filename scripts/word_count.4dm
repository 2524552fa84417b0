//%attributes = {}
// word_count: objects used as dictionaries, For each over texts and keys.
var $text : Text:="the quick brown fox jumps over the lazy dog the end"
var $counts : Object:={}
var $word : Text

For each ($word; Split string($text; " "; sk ignore empty strings))
	$counts[$word]:=Num($counts[$word])+1
End for each 

For each ($word; $counts)
	ALERT($word+": "+String($counts[$word]))
End for each 
