// Helper of bank.4dm: adds the interest of a savings account in its own
// process (its copy of the account), then says it is done.
#DECLARE($owner : Text; $balance : Real; $rate : Real; $done : Object)
var $account : cs.Savings:=cs.Savings.new($owner; $balance; $rate)
$account.addInterest()
Use ($done)
	$done.count+=1
	$done[$owner]:=$account.balance
End use
