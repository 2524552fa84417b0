// Convert path system to POSIX always returns an absolute path: a relative
// one is taken from the folder of the structure file (here, the test's folder,
// which is also the database folder).
var $database:=Get 4D folder(Database folder)
ALERT(String(Convert path system to POSIX("sub/file.txt")=(Convert path system to POSIX($database)+"sub/file.txt")))
ALERT(String(Convert path system to POSIX("sub/my file.txt"; *)=(Convert path system to POSIX($database; *)+"sub/my%20file.txt")))
ALERT(Substring(Convert path system to POSIX("x"); 1; 1))
