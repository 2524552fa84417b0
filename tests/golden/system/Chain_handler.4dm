// An ON ERR CALL handler that prints the chain (helper of call_chain).
Chain_show(Call chain)
