// A small bank built from classes: accounts, a savings account that
// extends them, a ledger shared by every process (a shared singleton),
// errors thrown and caught, and processes that work in parallel.
var $alice : cs.Account:=cs.Account.new("Alice"; 100)
var $bob : cs.Savings:=cs.Savings.new("Bob"; 1000; 0.05)
$alice.deposit(50)
$alice.withdraw(30)
$bob.addInterest()
var $error : Object
For each ($error; [{account: $alice; amount: 500}; {account: $bob; amount: 900}; {account: $alice; amount: -1}])
	Try
		If ($error.amount<0)
			$error.account.deposit($error.amount)
		Else 
			$error.account.withdraw($error.amount)
		End if 
	Catch
		ALERT("refused: "+Last errors[0].message)
	End try
End for each 
ALERT($alice.summary)
ALERT($bob.summary)
ALERT(JSON Stringify($alice.history))
// Interest for three savings accounts at once, each in its own process.
var $done : Object:=New shared object("count"; 0)
var $name : Text
For each ($name; ["Carol"; "Dan"; "Erin"])
	New process("Bank_interest"; 0; "interest "+$name; $name; 200; 0.1; $done)
End for each 
While ($done.count<3)
	DELAY PROCESS(Current process; 1)
End while
ALERT("Carol "+String($done.Carol)+", Dan "+String($done.Dan)+", Erin "+String($done.Erin))
ALERT("ledger: "+String(cs.Ledger.me.movements)+" movements, total "+String(cs.Ledger.me.total))
