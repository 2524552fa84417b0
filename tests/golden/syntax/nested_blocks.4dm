For each ($row; $rows)
	Case of 
		: ($row.kind="list")
			For ($i; 0; $row.items.length-1)
				While ($row.items[$i].busy)
					Repeat 
						If ($row.items[$i].retry)
							Try
								Use ($row.items[$i])
									$row.items[$i].retry:=False:C215
								End use 
							Catch
								break
							End try
						Else 
							continue
						End if 
					Until (True:C214)
				End while 
			End for 
		Else 
			If ($row=Null:C1517)
				return 
			End if 
	End case 
End for each 
