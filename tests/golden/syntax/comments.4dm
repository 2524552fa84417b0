// A whole-line comment
  // an indented old-style comment
$a:=1  // after code
$b:=2// glued after code
/* a block comment on one line */
/* nested /* inner */ still comment */
/*
multi-line
block comment
*/
/** doc-style
 * comment
 */
// MARK:- Section
For /* inline */ ($i; 1; 2)
End for 
$c:=New collection:C1472(1; \
/* 2 */ 2; \
	/* 3 */ 3)
$t:="not // a comment"
$u:="not /* a comment */ either"
$d:=$a /* between */ +$b
