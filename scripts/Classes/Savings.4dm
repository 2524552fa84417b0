// A savings account: interest at a rate, and no withdrawal over half the balance.
Class extends Account

property rate : Real

Class constructor($owner : Text; $opening : Real; $rate : Real)
	Super($owner; $opening)
	This.rate:=$rate
	
Function get kind() : Text
	return "savings at "+String(This.rate*100)+"%"
	
Function addInterest()
	This.deposit(Round(This.balance*This.rate; 2))
	
Function withdraw($amount : Real)
	If ($amount>(This.balance/2))
		throw({errCode: 3; message: "a savings withdrawal is limited to half the balance"})
	End if 
	Super.withdraw($amount)
