// Helper of crypto_key: the bytes of a Base64URL text, as a BLOB.
#DECLARE($text : Text) : Blob
var $bytes : Blob
BASE64 DECODE($text; $bytes; *)
return $bytes
