// A method file saved in Latin-1, not UTF-8: fourd run says so and where.
ALERT("café")
