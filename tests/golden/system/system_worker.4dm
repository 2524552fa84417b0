// 4D.SystemWorker with programs every Debian machine has: wait(), the
// properties, postMessage() and closeInput(), the callbacks (formulas and a
// class), data types and encodings, timeouts, terminate() and the errors.
var $worker : 4D.SystemWorker
$worker:=4D.SystemWorker.new("/bin/sh -c \"printf 'to out'; printf 'to err' >&2; exit 3\"")
ALERT("class: "+OB Class($worker).name+", instance of 4D.SystemWorker: "+String(OB Instance of($worker; 4D.SystemWorker)))
ALERT("pid given: "+String($worker.pid>0)+", terminated before wait: "+String($worker.terminated))
ALERT("wait gives the worker: "+String($worker.wait()=$worker))
ALERT("response: "+$worker.response+", responseError: "+$worker.responseError+", exitCode: "+String($worker.exitCode))
ALERT("terminated: "+String($worker.terminated)+", errors: "+String($worker.errors.length))
ALERT("commandLine: "+$worker.commandLine)
ALERT("dataType: "+$worker.dataType+", encoding: "+$worker.encoding+", hideWindow: "+String($worker.hideWindow)+", timeout: "+String(Value type($worker.timeout)=Is undefined))
$worker.hideWindow:=False
ALERT("hideWindow can be set: "+String($worker.hideWindow))
// Standard input: texts and BLOBs, then closeInput() lets cat end.
var $bytes : Blob
TEXT TO BLOB("two"; $bytes; UTF8 text without length)
$worker:=4D.SystemWorker.new("cat")
$worker.postMessage("one\n")
$worker.postMessage($bytes)
$worker.closeInput()
ALERT("cat: "+Replace string($worker.wait().response; "\n"; "|"))
// Callbacks as formulas: This is the options object.
var $log : Collection:=[]
var $options : Object:={}
$options.onResponse:=Formula($log.push($2.type+" exit "+String($1.exitCode)))
$options.onTerminate:=Formula($log.push($2.type+" "+String(This.label)))
$options.label:="with formulas"
$worker:=4D.SystemWorker.new("true"; $options).wait()
ALERT("formulas: "+$log.join(", "))
// Callbacks as the functions of a class; onData gets the output as it comes.
var $listener : cs.Sw_listener:=cs.Sw_listener.new()
$worker:=4D.SystemWorker.new("printf \"one\\ntwo\\n\""; $listener).wait(30)
ALERT("class callbacks: "+$listener.kinds.join(", "))
ALERT("data seen: "+Replace string($listener.data; "\n"; "|")+", response: "+Replace string($worker.response; "\n"; "|"))
$listener:=cs.Sw_listener.new()
$worker:=4D.SystemWorker.new("/bin/sh -c \"printf 'bad news' >&2\""; $listener).wait(30)
ALERT("error stream: "+$listener.kinds.join(", ")+", "+$listener.errorData)
// Data types and encodings.
$worker:=4D.SystemWorker.new("printf \"caf\\351\""; {encoding: "windows-1252"}).wait()
ALERT("windows-1252: "+$worker.response+", encoding: "+$worker.encoding)
$worker:=4D.SystemWorker.new("printf abc"; {dataType: "blob"}).wait()
ALERT("blob: "+String(OB Instance of($worker.response; 4D.Blob))+", "+String($worker.response.size)+" bytes, dataType: "+$worker.dataType)
// Environment variables and the current directory.
SET ENVIRONMENT VARIABLE("FOURD_FROM_PROCESS"; "set by the process")
$worker:=4D.SystemWorker.new("printenv FOURD_FROM_PROCESS FOURD_OPTION"; {variables: {FOURD_OPTION: 42}}).wait()
ALERT("variables: "+Replace string($worker.response; "\n"; "|"))
$worker:=4D.SystemWorker.new("/bin/sh -c \"test -f system_worker.4dm && printf found\""; {currentDirectory: Folder("/PACKAGE")}).wait()
ALERT("current directory: "+$worker.response+", "+String(OB Instance of($worker.currentDirectory; 4D.Folder)))
// A timeout kills the program: onError, no onResponse, no exit code.
$listener:=cs.Sw_listener.new(0.2)
$worker:=4D.SystemWorker.new("sleep 5"; $listener).wait()
ALERT("timeout: "+$listener.kinds.join(", ")+"; exitCode defined: "+String(Value type($worker.exitCode)#Is undefined)+", timeout: "+String($worker.timeout))
ALERT("timeout error: "+String($worker.errors[0].errorCode))
// terminate() from a callback ends the wait: the program is killed.
$log:=[]
$options:={onData: Formula($1.terminate()); onTerminate: Formula($log.push("killed, exit code defined: "+String(Value type($1.exitCode)#Is undefined)))}
$worker:=4D.SystemWorker.new("cat"; $options)
$worker.postMessage("wake up\n")
$worker.wait()
ALERT("terminate: "+$log.join(", ")+", terminated: "+String($worker.terminated))
// A wait with a timeout returns before the end; the worker goes on.
$worker:=4D.SystemWorker.new("cat")
ALERT("short wait: "+String($worker.wait(0.1).terminated))
$worker.closeInput()
ALERT("then: "+String($worker.wait().terminated))
// Errors: a program that cannot be started, bad options, read-only properties.
var $attempts : Collection:=[]
$attempts.push(Formula(4D.SystemWorker.new("/no/such/program")))
$attempts.push(Formula(4D.SystemWorker.new("  ")))
$attempts.push(Formula(4D.SystemWorker.new("true"; {dataType: "json"})))
$attempts.push(Formula(4D.SystemWorker.new("true"; {encoding: "no-such-set"})))
$attempts.push(Formula(4D.SystemWorker.new("true"; {variables: {A: "b=c"}})))
$attempts.push(Formula(4D.SystemWorker.new("true"; {currentDirectory: "/tmp"})))
var $attempt : 4D.Function
For each ($attempt; $attempts)
	Try
		$attempt.call()
		ALERT("accepted")
	Catch
		ALERT("error "+String(Last errors[0].errCode))
	End try
End for each 
Try
	$worker.pid:=1
Catch
	ALERT("pid: error "+String(Last errors[0].errCode))
End try
// The main process is a worker: callbacks of a worker not waited for run
// once its method has returned, before the run ends.
$worker:=4D.SystemWorker.new("printf late"; {onResponse: Formula(ALERT("after the method: "+$1.response))})
ALERT("method ends")
