gSharedTotal:=42
