ALL RECORDS:C47([People])
$n:=[People]Name
$n:=[People:1]Name:2
$n:=[Activity Log:59]Local Type:18
$p:=->[Activity Log:59]
[People:1]Name:2:="Smith"
$t:=Table name:C256(->[People:1])
QUERY:C277([Activity Log:59]; [Activity Log:59]Local Type:18="x")
$n:=[People]Name+[People]First
