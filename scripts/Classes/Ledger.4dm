// The bank's ledger: one for the whole run, shared by every process.
property movements : Integer:=0
property total : Real:=0

shared singleton Class constructor()
	
shared Function record($owner : Text; $amount : Real)
	This.movements+=1
	This.total+=$amount
