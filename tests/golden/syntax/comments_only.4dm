// only comments here

/* and a block
   comment */
	// indented

