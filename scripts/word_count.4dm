//%attributes = {}
// word_count: collections, objects and formulas in modern 4D.
var $text : Text:="the quick brown fox jumps over the lazy dog the end"
var $counts : Object:={}
var $word : Text

For each ($word; Split string($text; " "; sk ignore empty strings))
	$counts[$word]:=Num($counts[$word])+1
End for each 

var $words : Collection:=OB Keys($counts).orderBy(ck ascending)
For each ($word; $words)
	ALERT($word+": "+String($counts[$word]))
End for each 
