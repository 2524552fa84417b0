// Constants by their plain names, with their documented values.
LOG EVENT(Into system standard outputs; Char(Double quote)+"quoted"+Char(Double quote)+" "+Char(Quote)+"single"+Char(Quote)+"\n")
LOG EVENT(Into system standard outputs; String(Sunday)+" "+String(Monday)+" "+String(Saturday)+" "+String(Day number(!2026-12-04!)=Friday)+"\n")
LOG EVENT(Into system standard outputs; String(Align default)+String(Align left)+String(Align center)+String(Align right)+"\n")
LOG EVENT(Into system standard outputs; HTTP GET method+" "+HTTP POST method+" "+HTTP OPTIONS method+"\n")
LOG EVENT(Into system standard outputs; String(Is integer 64 bits)+" "+String(Is string var)+" "+String(Array 2D)+"\n")
