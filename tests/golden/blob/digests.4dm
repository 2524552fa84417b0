// Generate digest: MD5, SHA1, SHA-256 and SHA-512 of texts (their UTF-8)
// and BLOBs, in hexadecimal or Base64URL (*).
var $b : Blob
ALERT(Generate digest(""; MD5 digest))
ALERT(Generate digest($b; MD5 digest))
ALERT(Generate digest($b; SHA1 digest))
ALERT(Generate digest($b; SHA256 digest))
ALERT(Generate digest($b; SHA512 digest))
ALERT(Generate digest("The quick brown fox jumps over the lazy dog."; MD5 digest))
ALERT(Generate digest("The quick brown fox jumps over the lazy dog."; SHA1 digest))
ALERT(Generate digest("abc"; SHA256 digest))
ALERT(Generate digest("abc"; 3))
ALERT(Generate digest("abc"; SHA256 digest; *))
ALERT(Generate digest(""; MD5 digest; *))
// A text is digested as its UTF-8, the same as a BLOB that holds it.
TEXT TO BLOB("Café"; $b; UTF8 text without length)
ALERT(String(Generate digest($b; SHA1 digest)=Generate digest("Café"; SHA1 digest)))
ALERT(String(Length(Generate digest("x"; SHA512 digest))))
// A 4D.Blob too.
ALERT(String(Generate digest(4D.Blob.new($b); MD5 digest)=Generate digest("Café"; MD5 digest)))
