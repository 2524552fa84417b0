// Convert path system to POSIX(path; *) percent-encodes the special
// characters; Convert path POSIX to system(path; *) decodes them.
ALERT(Convert path system to POSIX("/tmp/My folder/é.txt"; *))
ALERT(Convert path system to POSIX("/tmp/My folder/é.txt"))
ALERT(Convert path POSIX to system("/tmp/My%20folder/%C3%A9.txt"; *))
ALERT(Convert path POSIX to system("/tmp/My%20folder/%C3%A9.txt"))
ALERT(Convert path POSIX to system("/tmp/100%/%zz"; *))
