// OPEN URL: fourd hands the URL or the document to the program FOURD_OPEN_URL
// names (here printf, so that nothing opens), else to the system's opener.
SET ENVIRONMENT VARIABLE("FOURD_OPEN_URL"; "printf \"opened %s\\n\"")
// A URL's characters that may not appear in one are encoded, unless * is passed.
OPEN URL("http://127.0.0.1/a page?q=café")
OPEN URL("http://127.0.0.1/a page?q=café"; *)
OPEN URL("mailto:someone@example.com")
// A document's path is passed as it is; the application's name goes to the
// system's opener only.
OPEN URL("/tmp"; "firefox")
// Without an opener that can be started, the URL is written out.
SET ENVIRONMENT VARIABLE("FOURD_OPEN_URL"; "/no/such/opener")
OPEN URL("https://127.0.0.1/help")
