// PROCESS 4D TAGS: the value tags and their $ forms, blocks, loops,
// 4DCODE, 4DSCRIPT, 4DINCLUDE and 4DBASE, parameters, errors inserted.
var $in; $out : Text
var tagRow : Text
// 4DTEXT escapes HTML; 4DHTML and 4DEVAL do not; $1... are the parameters.
$in:="<p><!--#4DTEXT $1--> | <!--#4DHTML $1--> | <!--#4DEVAL $2*2--></p>"
PROCESS 4D TAGS($in; $out; "<b>Tom & Jerry's</b>"; 2.5)
ALERT($out)
// The $ forms, with quotes and parentheses inside.
$in:="x=\"$4DTEXT(Uppercase(\"a(b)\")+$1)\" y=$4DEVAL(Length(\"))\")) z=$4DHTML($1)"
PROCESS 4D TAGS($in; $out; "<i>")
ALERT($out)
// A text without tags comes back as it is.
PROCESS 4D TAGS("no tags here"; $out)
ALERT($out)
// 4DEVAL runs assignments (inserting nothing); the template's locals are one set.
$in:="<!--#4DEVAL $a:=42--><!--#4DEVAL $a+1-->"
PROCESS 4D TAGS($in; $out)
ALERT($out)
// 4DIF, 4DELSEIF, 4DELSE, nested.
$in:="<!--#4DIF ($1>10)-->big<!--#4DELSEIF ($1>5)-->medium<!--#4DIF ($1=7)--> seven<!--#4DENDIF--><!--#4DELSE-->small<!--#4DENDIF-->"
var $n : Integer
For each ($n; [12; 7; 6; 1])
	PROCESS 4D TAGS($in; $out; $n)
	ALERT(String($n)+": "+$out)
End for each 
// 4DLOOP on an expression, on a method; 4DEACH on a collection and an object.
$in:="<!--#4DEVAL $i:=0--><!--#4DLOOP ($i<3)-->[<!--#4DTEXT $i-->]<!--#4DEVAL $i:=$i+1--><!--#4DENDLOOP-->"
PROCESS 4D TAGS($in; $out)
ALERT($out)
$in:="<!--#4DLOOP Tag_rows--><!--#4DTEXT tagRow-->;<!--#4DENDLOOP-->"
PROCESS 4D TAGS($in; $out)
ALERT($out)
$in:="<!--#4DEACH $item in $1--><li><!--#4DTEXT $item.name--></li><!--#4DENDEACH-->"
PROCESS 4D TAGS($in; $out; [{name: "one"}; {name: "<two>"}])
ALERT($out)
$in:="<!--#4DEACH $key in $1--><!--#4DTEXT $key-->=<!--#4DTEXT $1[$key]--> <!--#4DENDEACH-->"
PROCESS 4D TAGS($in; $out; {x: 1; y: "b"})
ALERT($out)
// 4DCODE: lines of code, any line ends.
$in:="<!--#4DCODE"+Char(13)+"$sum:=0"+Char(13)+Char(10)+"For ($k; 1; $1)"+Char(10)+"$sum:=$sum+$k"+Char(10)+"End for"+Char(10)+"-->sum=<!--#4DTEXT $sum-->"
PROCESS 4D TAGS($in; $out; 4)
ALERT($out)
// 4DSCRIPT: the method gets "/" and the parameter; Char(1) marks HTML.
$in:="<!--#4DSCRIPT/Tag_script/abc--> <!--#4DSCRIPT/Tag_script/html--> <!--#4DSCRIPT/No_such_method/x-->"
PROCESS 4D TAGS($in; $out)
ALERT($out)
// A 4DHTML or 4DEVAL result is processed again, a $ form's is not.
$in:="<!--#4DHTML $1--> / $4DHTML($1)"
PROCESS 4D TAGS($in; $out; "<!--#4DEVAL 6*7-->")
ALERT($out)
// 4DINCLUDE: relative to the project, then to the including file; the
// body of an HTML page; 4DBASE; a missing file, a file including itself.
$in:="<!--#4DINCLUDE tags/banner.html--> <!--#4DBASE tags/inner/--><!--#4DINCLUDE part.txt--> <!--#4DINCLUDE nothere.txt--> <!--#4DBASE WEBFOLDER--><!--#4DINCLUDE tags/self.txt-->"
PROCESS 4D TAGS($in; $out; "Ann")
ALERT($out)
// Errors are inserted where the tag was.
$in:="a<!--#4DTEXT Num(\"x\")+$nothing.x.y--> b<!--#4DTEXT no_such_name--> c<!--#4DIF (\"text\")-->yes<!--#4DENDIF-->"
PROCESS 4D TAGS($in; $out)
ALERT($out)
$in:="<!--#4DLOOP $1-->x<!--#4DENDLOOP--> <!--#4DLOOP [Table_1]-->x<!--#4DENDLOOP--> <!--#4DIF (True)-->never closed"
ARRAY TEXT($names; 2)
PROCESS 4D TAGS($in; $out; ->$names)
ALERT($out)
// Other comments stay.
PROCESS 4D TAGS("<!-- a comment --><!--#notatag--><!--#4DENDIF-->"; $out)
ALERT($out)
