// An account: an owner, a balance, and the history of its movements.
property owner : Text
property balance : Real:=0
property history : Collection:=[]

Class constructor($owner : Text; $opening : Real)
	This.owner:=$owner
	If ($opening>0)
		This.deposit($opening)
	End if 
	
Function deposit($amount : Real)
	If ($amount<=0)
		throw({errCode: 1; message: "a deposit must be positive"})
	End if 
	This._move($amount; "deposit")
	
Function withdraw($amount : Real)
	If ($amount>This.balance)
		throw({errCode: 2; message: "not enough money on the account of "+This.owner})
	End if 
	This._move(-$amount; "withdrawal")
	
Function _move($amount : Real; $what : Text)
	This.balance+=$amount
	This.history.push({what: $what; amount: $amount})
	cs.Ledger.me.record(This.owner; $amount)
	
Function get kind() : Text
	return "account"
	
Function get summary() : Text
	return This.owner+" ("+This.kind+"): "+String(This.balance; "###,##0.00")
