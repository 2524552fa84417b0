// Helper of process_variables: sets its process variables, says so, then
// waits until told to report what the other processes made of them.
#DECLARE($ready : 4D.Signal; $go : 4D.Signal; $reported : 4D.Signal)
vtStatus:="child status"
vlCount:=7
ARRAY TEXT(atNames; 3)
atNames{1}:="ann"
atNames{2}:="bob"
atNames{3}:="cy"
ARRAY LONGINT(alNums; 0)
vpAddress:=->vlCount
vrOnlyHere:=2.5
$ready.trigger()
$go.wait(60)
ALERT("child: "+vtStatus+" / "+atNames{1}+" "+atNames{2}+" / "+String(Size of array(alNums))+" numbers, last "+String(alNums{Size of array(alNums)}))
ALERT("child: vlCount "+String(vlCount)+", vNew "+String(vNew)+", vFromMain "+vFromMain)
$reported.trigger()
