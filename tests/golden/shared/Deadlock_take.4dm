// Helper for deadlock: takes $first, then (once both processes hold their
// first group) $second; records whether that Use failed or finished.
#DECLARE($first : Object; $second : Object; $flags : Object; $name : Text)
Use ($first)
	Use ($flags)
		$flags[$name]:=True
	End use
	// wait until the other process holds its first group too
	While (($flags.a=Null) || ($flags.b=Null))
		DELAY PROCESS(Current process; 1)
	End while
	Try
		Use ($second)
			Use ($flags)
				$flags.finished:=$name
			End use
		End use
	Catch
		Use ($flags)
			$flags.failed:=$name
		End use
	End try
End use
Use ($flags)
	$flags.ended:=$flags.ended+1
End use
