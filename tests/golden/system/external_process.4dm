// LAUNCH EXTERNAL PROCESS and SET ENVIRONMENT VARIABLE, with programs every Debian machine has.
var $in; $out; $err : Text
var $pid : Integer
// Standard input, output and error; double quotes group an argument.
$in:="one\ntwo\n"
LAUNCH EXTERNAL PROCESS("/bin/cat"; $in; $out)
ALERT("cat: "+Replace string($out; "\n"; "|")+" OK="+String(OK))
LAUNCH EXTERNAL PROCESS("/bin/sh -c \"printf 'to out'; printf 'to err' >&2; exit 3\""; $in; $out; $err)
ALERT("out: "+$out+", err: "+$err+", OK="+String(OK))
// The program is found through PATH; the pid comes last, with or without the streams.
LAUNCH EXTERNAL PROCESS("printf %s|%s \"a b\" c"; $in; $out; $err; $pid)
ALERT("printf: "+$out+", pid given: "+String($pid>0))
$pid:=0
LAUNCH EXTERNAL PROCESS("true"; $pid)
ALERT("pid only: "+String($pid>0)+" OK="+String(OK))
// Output into a BLOB, input from a BLOB.
var $bytes; $back : Blob
TEXT TO BLOB("é"; $bytes; UTF8 text without length)
LAUNCH EXTERNAL PROCESS("cat"; $bytes; $back)
ALERT("blob: "+String(BLOB size($back))+" bytes, "+BLOB to text($back; UTF8 text without length))
// Environment variables reach the programs launched; "" removes one.
SET ENVIRONMENT VARIABLE("FOURD_GREETING"; "hello from 4D")
LAUNCH EXTERNAL PROCESS("printenv FOURD_GREETING"; $in; $out)
ALERT("variable: "+$out)
SET ENVIRONMENT VARIABLE("FOURD_GREETING"; "")
LAUNCH EXTERNAL PROCESS("printenv FOURD_GREETING"; $in; $out)
ALERT("removed: ["+$out+"]")
// The current directory option is for the next launch only.
SET ENVIRONMENT VARIABLE("_4D_OPTION_CURRENT_DIRECTORY"; "/")
LAUNCH EXTERNAL PROCESS("pwd"; $in; $out)
ALERT("in /: "+$out)
LAUNCH EXTERNAL PROCESS("pwd"; $in; $out)
ALERT("next launch elsewhere: "+String($out#"/\n"))
// Not blocking: the streams are not returned, the pid is.
SET ENVIRONMENT VARIABLE("_4D_OPTION_BLOCKING_EXTERNAL_PROCESS"; "false")
$out:="unchanged"
$pid:=0
LAUNCH EXTERNAL PROCESS("printf ignored"; $in; $out; $err; $pid)
ALERT("async: "+$out+", pid given: "+String($pid>0)+" OK="+String(OK))
// A program that does not exist sets OK to 0 and gives no pid.
$pid:=-1
LAUNCH EXTERNAL PROCESS("/no/such/program --help"; $in; $out; $err; $pid)
ALERT("missing: OK="+String(OK)+" pid="+String($pid))
LAUNCH EXTERNAL PROCESS(""; $in; $out)
ALERT("empty: OK="+String(OK))
SET ENVIRONMENT VARIABLE("A=B"; "c")
