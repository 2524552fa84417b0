// 4D.CryptoKey: RSA and ECDSA key pairs made or read from PEM text (the
// keys below were made once with openssl), signatures, verification, RSA
// encryption, and the keys written back as PEM.
var $rsaPem; $rsaPublicPem; $ecPem; $ecPublicPem; $ec384Pem : Text
$rsaPem:="-----BEGIN PRIVATE KEY-----\nMIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAMkZ45ZJuMFJURwF\nOueXHLxo4/D6CcZrHP1/T+GgSC+xcjYk1iDfsrP9fkfLfW12gRdkb+YR9bB3+zqp\nhEtVf1d4dxUL676mO1OX6att8VszU5DNS3rzVo4A4kPvZImIzqu2WppCyUpDt4CC\ng+Bzi8TK7ykVellkV1lKL/mXBbN/AgMBAAECgYAdLnqOBmie86qnbELd9FmhJX9e\nKopclpKAXocS8JVJBnDSVooT/yIJaFF4zZiH19hnspViR1zlnKOCIbMm02NE5fMk\nRjoKSP9Q7HGwheI+ItKYLuGxTMAyOtmxjjSZcVvtJszu3WADUQA8AdLCNnxP1mhp\nYWr6gJJix/YW6dvPsQJBAPqcxtP20VgacAhj5GUIFueF1KRpwg4aztr77lWzxm4v\nwGNq+Eny70R/pKfbnN09x7/C5xU7VC/3I5alj36w94UCQQDNbKGheIwZfE7dyV8/\nGwM7JeUJcZKayfXfiRNvo4cFlkqZB+w019gkpdKlcdUvg36qlKfQNoQc7q7GF2SN\nFhQzAkEAz0V5IHgjXmXHQPk1PeY541SJsU2S5M2BRhZVYWZleF5gFRm0rpyRDasw\nSHBXRZhCK7SMIMBH+b/CHGdjzdmZbQJAHcyracQV9sB8pFnI8luVzWfC4OrTzJaN\nj17QLfq35IyXx7lJf6TsGuzfMNbhiSH3JwGnkmHGKnhJbD0Kfhj81wJAXSQqjzj4\nTxLgDwmbwyTyHRmvxgw1l5tR9sHSjhTB3XKguDJDV7by2mxZvaPdlX9VHy5xZ0ft\njsoBjJyCvKpAQA==\n-----END PRIVATE KEY-----"
$rsaPublicPem:="-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDJGeOWSbjBSVEcBTrnlxy8aOPw\n+gnGaxz9f0/hoEgvsXI2JNYg37Kz/X5Hy31tdoEXZG/mEfWwd/s6qYRLVX9XeHcV\nC+u+pjtTl+mrbfFbM1OQzUt681aOAOJD72SJiM6rtlqaQslKQ7eAgoPgc4vEyu8p\nFXpZZFdZSi/5lwWzfwIDAQAB\n-----END PUBLIC KEY-----"
$ecPem:="-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIEi1Xson9V/fZ1/WvKcNSW8KgOtKmBkd3gmGp8Xo8zdoAoGCCqGSM49\nAwEHoUQDQgAEpqMlfosxkn2v+aUSksFLYKCGgpS1h7SgC/AloUZCwETB1p5Vi1k/\nvQ8flu9tK20+P4oKZb9HQG8FTz31lJZrzw==\n-----END EC PRIVATE KEY-----"
$ecPublicPem:="-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEpqMlfosxkn2v+aUSksFLYKCGgpS1\nh7SgC/AloUZCwETB1p5Vi1k/vQ8flu9tK20+P4oKZb9HQG8FTz31lJZrzw==\n-----END PUBLIC KEY-----"
$ec384Pem:="-----BEGIN PRIVATE KEY-----\nMIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDB07c/QleshgR1o7R8V\nQ47caqtjX/Fobhz98sMfrR9UciUZ9fgWrx0pbyripIS/7tWhZANiAAT6oL03n3mn\ng9xmeCF1No/AXnTJYev9vLSEMdc+oBqwiUyyNi4FWYL4BWhbdYU7uCzzC5mJ3edj\n34r4XBWE1j2Ugr5tFAxuVFnvmzBNcqxWUlmQ671c0/rs0Q1quH9SBa0=\n-----END PRIVATE KEY-----"

// An RSA private key read from PKCS#8 PEM; its public key is deduced.
var $rsa : 4D.CryptoKey:=4D.CryptoKey.new({type: "PEM"; pem: $rsaPem})
ALERT($rsa.type+" "+String($rsa.size)+" bits, shared: "+String(OB Is shared($rsa))+", class: "+OB Class($rsa).name)
ALERT("curve of an RSA key: "+String(Undefined($rsa.curve)))
ALERT("public key as given: "+String($rsa.getPublicKey()=($rsaPublicPem+"\n")))
ALERT("private key as given: "+String($rsa.getPrivateKey()=($rsaPem+"\n")))
// PKCS#1 v1.5 signatures are deterministic: the same as openssl's.
var $signature : Text:=$rsa.sign("hello"; {hash: "SHA256"})
ALERT("RS256 of hello: "+$signature)
ALERT("as openssl signs it: "+String($signature="cMaDWfpKe0l7cgB9KDT0LeHa5OYY6dezwMwiXqi78EphcwOmtAUmp6GgHYd0D7ifYqdEoPUBUdAo2POKSsVDEzaXLc/EQnoMurSnoWVdMQ/rAGT6yrtTIgPpnslhBoAaE9B7BltF5oiWK5mosFjq+kgRysXaId6rNL1niP+d7+c="))
var $status : Object:=$rsa.verify("hello"; $signature; {hash: "SHA256"})
ALERT("verified: "+JSON Stringify($status))
$status:=$rsa.verify("hello!"; $signature; {hash: "SHA256"})
ALERT("a changed message: "+String($status.success)+", "+String($status.errors.length)+" error")
$status:=$rsa.verify("hello"; $signature; {hash: "SHA512"})
ALERT("another hash: "+String($status.success))
$status:=$rsa.verify("hello"; "not base64 at all!"; {hash: "SHA256"})
ALERT("a signature that is not Base64: "+String($status.success))
// PSS signatures are random; Base64URL has no padding.
var $pss : Text:=$rsa.sign("hello"; {hash: "SHA384"; pss: True; encoding: "Base64URL"})
ALERT("PSS in Base64URL: "+String(Length($pss))+" characters, padded: "+String(Position("="; $pss)>0))
ALERT("PSS verified: "+String($rsa.verify("hello"; $pss; {hash: "SHA384"; pss: True; encoding: "Base64URL"}).success))
ALERT("PSS read as PKCS#1 v1.5: "+String($rsa.verify("hello"; $pss; {hash: "SHA384"; encoding: "Base64URL"}).success))

// RSA-OAEP: encrypt with the public key, decrypt with the private key.
var $public : 4D.CryptoKey:=4D.CryptoKey.new({type: "PEM"; pem: $rsaPublicPem})
ALERT("a public key only: private key \""+$public.getPrivateKey()+"\", size "+String($public.size))
var $secret : Text:=$public.encrypt("Grüße"; {hash: "SHA256"})
$status:=$rsa.decrypt($secret; {hash: "SHA256"})
ALERT("decrypted: "+JSON Stringify($status))
$status:=$rsa.decrypt($secret; {hash: "SHA512"})
ALERT("decrypted with another hash: "+String($status.success)+" "+String($status.errors.length))
// A message openssl encrypted (OAEP, SHA-256).
$status:=$rsa.decrypt("j2+j2RhA8TqKqvRqyIHkHKFYKTcAlGHcIdKgS91g04avzMs8tZggipH6emjMT10nwuBdxNjxNHQz0D44dZW45PLgg4RP97dT8Bf3Zx8idACwmycu47qeS9Oz3Uw3X3zqwCRTpdp3s0qHqwsD9bGfuLExfi/rBdba5vKGmu96DMY="; {hash: "SHA256"})
ALERT("from openssl: "+$status.result)
// Encodings of the clear and encrypted messages.
$secret:=$public.encrypt("aGVsbG8"; {hash: "SHA256"; encodingDecrypted: "Base64URL"; encodingEncrypted: "Base64URL"})
ALERT("Base64URL in and out: "+$rsa.decrypt($secret; {hash: "SHA256"; encodingEncrypted: "Base64URL"}).result)
ALERT("decrypted as Base64: "+$rsa.decrypt($secret; {hash: "SHA256"; encodingEncrypted: "Base64URL"; encodingDecrypted: "Base64"}).result)
Try
	$public.decrypt($secret; {hash: "SHA256"})
Catch
	ALERT("decrypt without a private key: "+String(Last errors[0].errCode))
End try
Try
	$public.sign("hello"; {hash: "SHA256"})
Catch
	ALERT("sign without a private key: "+String(Last errors[0].errCode))
End try

// ECDSA: a SEC1 private key, its public key; signatures are r and s (random).
var $ec : 4D.CryptoKey:=4D.CryptoKey.new({type: "PEM"; pem: $ecPem})
ALERT($ec.type+" on "+$ec.curve+", size defined: "+String(Not(Undefined($ec.size))))
ALERT("public key as openssl wrote it: "+String($ec.getPublicKey()=($ecPublicPem+"\n")))
var $ecPublic : 4D.CryptoKey:=4D.CryptoKey.new({pem: $ecPublicPem})
$signature:=$ec.sign("a message"; {hash: "SHA256"; encoding: "Base64URL"})
ALERT("ES256 signature: "+String(BLOB size(Base64URL_bytes($signature)))+" bytes")
ALERT("verified with the public key: "+String($ecPublic.verify("a message"; $signature; {hash: "SHA256"; encoding: "Base64URL"}).success))
ALERT("a changed message: "+String($ecPublic.verify("a message."; $signature; {hash: "SHA256"; encoding: "Base64URL"}).success))
var $ec384 : 4D.CryptoKey:=4D.CryptoKey.new({type: "PEM"; pem: $ec384Pem})
$signature:=$ec384.sign("a message"; {hash: "SHA384"})
ALERT($ec384.curve+": "+String($ec384.verify("a message"; $signature; {hash: "SHA384"}).success))
Try
	$ec.encrypt("x"; {hash: "SHA256"})
Catch
	ALERT("ECDSA cannot encrypt: "+String(Last errors[0].errCode))
End try

// New keys.
var $made : 4D.CryptoKey:=4D.CryptoKey.new({type: "ECDSA"; curve: "secp521r1"})
$signature:=$made.sign("made"; {hash: "SHA512"})
ALERT("new "+$made.curve+" key: "+String($made.verify("made"; $signature; {hash: "SHA512"}).success))
var $again : 4D.CryptoKey:=4D.CryptoKey.new({type: "PEM"; pem: $made.getPrivateKey()})
ALERT("read back from its PEM: "+String($again.verify("made"; $signature; {hash: "SHA512"}).success))
$made:=4D.CryptoKey.new({type: "ECDSA"})
ALERT("default curve: "+$made.curve)
$made:=4D.CryptoKey.new({type: "RSA"; size: 1024})
$secret:=$made.encrypt("round trip"; {hash: "SHA256"})
ALERT("new RSA key of "+String($made.size)+" bits: "+$made.decrypt($secret; {hash: "SHA256"}).result)

// What new() refuses, and the properties that cannot be changed.
Try
	$made:=4D.CryptoKey.new({type: "PEM"; pem: "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----"})
Catch
	ALERT("a bad PEM: "+String(Last errors[0].errCode))
End try
Try
	$made:=4D.CryptoKey.new({type: "DSA"})
Catch
	ALERT("an unknown type: "+String(Last errors[0].errCode))
End try
Try
	$made:=4D.CryptoKey.new({type: "ECDSA"; curve: "secp256k1"})
Catch
	ALERT("an unknown curve: "+String(Last errors[0].errCode))
End try
Try
	$rsa.sign("hello"; {hash: "MD5"})
Catch
	ALERT("an unknown hash: "+String(Last errors[0].errCode))
End try
Try
	Use ($rsa)
		$rsa.size:=4096
	End use
Catch
	ALERT("size is read-only: "+String(Last errors[0].errCode))
End try
