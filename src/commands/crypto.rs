//! `4D.CryptoKey`: an RSA or ECDSA key pair (`4D.CryptoKey.new(settings)`),
//! made or read from PEM text, and its functions `.sign()`, `.verify()`,
//! `.encrypt()`, `.decrypt()`, `.getPrivateKey()`, `.getPublicKey()`. The
//! key is a shared object (documented) whose properties (`type`, `size`,
//! `curve`) are set once; the key itself is the object's owned native value,
//! a [`CryptoKey`]. The cryptography is RustCrypto's (`rsa`, `p256`, `p384`,
//! `p521`, `sha2`).

use std::sync::Arc;

use base64::Engine;
use rsa::Generate;
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding};
use sha2::Digest;

use super::members::{MemberSpec, member};
use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::shared::SharedObject;
use crate::runtime::value::{Props, Value, key};

/// The size of an RSA key made without a `size` (documented).
const DEFAULT_RSA_BITS: usize = 2048;

/// The sizes of RSA keys fourd makes.
const RSA_BITS: std::ops::RangeInclusive<usize> = 1024..=8192;

/// The key pair of a `4D.CryptoKey`: a private key (with its public key) or
/// a public key only.
pub struct CryptoKey {
    kind: KeyKind,
}

enum KeyKind {
    Rsa { private: Option<Box<rsa::PrivateKey>>, public: Box<rsa::PublicKey> },
    P256 { private: Option<p256::SecretKey>, public: p256::PublicKey },
    P384 { private: Option<p384::SecretKey>, public: p384::PublicKey },
    P521 { private: Option<p521::SecretKey>, public: p521::PublicKey },
}

/// The digests `hash` names.
#[derive(Clone, Copy)]
enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn of(options: &Props) -> Result<Hash, RuntimeError> {
        let Some(name) = text_option(options, "hash")? else { return Ok(Hash::Sha256) };
        let name = name.to_ascii_uppercase().replace('-', "");
        match name.as_str() {
            "SHA256" => Ok(Hash::Sha256),
            "SHA384" => Ok(Hash::Sha384),
            "SHA512" => Ok(Hash::Sha512),
            _ => Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("the hash `{name}` is not supported by fourd (SHA256, SHA384 or SHA512)"),
            )),
        }
    }

    fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(message).to_vec(),
        }
    }
}

/// The text of option `name`; `None` when it is not given (or null).
fn text_option(options: &Props, name: &str) -> Result<Option<String>, RuntimeError> {
    match options.get(name) {
        None | Some(Value::Undefined | Value::Null) => Ok(None),
        Some(Value::Text(t)) => Ok(Some(t.as_str().to_string())),
        Some(other) => Err(RuntimeError::new(
            codes::BAD_ARGUMENTS,
            format!("the {name} option is a text, not {}", other.type_name()),
        )),
    }
}

/// The encodings of the options (`encoding`, `encodingEncrypted`, `encodingDecrypted`).
#[derive(Clone, Copy, PartialEq)]
enum Encoding {
    Utf8,
    Base64,
    Base64Url,
}

impl Encoding {
    fn of(options: &Props, name: &str, default: Encoding, text: bool) -> Result<Encoding, RuntimeError> {
        let Some(value) = text_option(options, name)? else { return Ok(default) };
        let value = value.to_ascii_lowercase();
        match value.as_str() {
            "base64" => Ok(Encoding::Base64),
            "base64url" => Ok(Encoding::Base64Url),
            "utf-8" | "utf8" if text => Ok(Encoding::Utf8),
            _ => Err(RuntimeError::new(codes::BAD_ARGUMENTS, format!("the {name} option `{value}` is not known"))),
        }
    }

    fn encode(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Base64 => base64::engine::general_purpose::STANDARD.encode(bytes),
            Encoding::Base64Url => base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes),
        }
    }

    /// The bytes of `text`; `None` when it is not in the encoding. Base64
    /// and Base64URL read with or without padding.
    fn decode(self, text: &str) -> Option<Vec<u8>> {
        use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
        let lenient = GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
        match self {
            Encoding::Utf8 => Some(text.as_bytes().to_vec()),
            Encoding::Base64 => GeneralPurpose::new(&base64::alphabet::STANDARD, lenient).decode(text.trim()).ok(),
            Encoding::Base64Url => GeneralPurpose::new(&base64::alphabet::URL_SAFE, lenient).decode(text.trim()).ok(),
        }
    }
}

fn failed(message: &str) -> RuntimeError {
    RuntimeError::new(codes::BAD_ARGUMENTS, format!("4D.CryptoKey: {message}"))
}

/// A random number generator of the system.
fn system_rng() -> rsa::rand_core::UnwrapErr<getrandom::SysRng> {
    rsa::rand_core::UnwrapErr(getrandom::SysRng)
}

impl CryptoKey {
    /// Reads a key from PEM text: a private key (PKCS#8, PKCS#1 for RSA,
    /// SEC1 for EC), whose public key is deduced, or a public key (SPKI,
    /// PKCS#1 for RSA).
    fn from_pem(pem: &str) -> Option<CryptoKey> {
        let pem = pem.trim();
        macro_rules! ec {
            ($curve:ident, $variant:ident) => {
                if let Ok(secret) =
                    $curve::SecretKey::from_pkcs8_pem(pem).or_else(|_| $curve::SecretKey::from_sec1_pem(pem))
                {
                    let public = secret.public_key();
                    return Some(CryptoKey { kind: KeyKind::$variant { private: Some(secret), public } });
                }
                if let Ok(public) = $curve::PublicKey::from_public_key_pem(pem) {
                    return Some(CryptoKey { kind: KeyKind::$variant { private: None, public } });
                }
            };
        }
        if let Ok(private) = rsa::PrivateKey::from_pkcs8_pem(pem).or_else(|_| rsa::PrivateKey::from_pkcs1_pem(pem)) {
            let public = Box::new(private.to_public_key());
            return Some(CryptoKey { kind: KeyKind::Rsa { private: Some(Box::new(private)), public } });
        }
        if let Ok(public) = rsa::PublicKey::from_public_key_pem(pem).or_else(|_| rsa::PublicKey::from_pkcs1_pem(pem)) {
            return Some(CryptoKey { kind: KeyKind::Rsa { private: None, public: Box::new(public) } });
        }
        ec!(p256, P256);
        ec!(p384, P384);
        ec!(p521, P521);
        None
    }

    fn type_name(&self) -> &'static str {
        match self.kind {
            KeyKind::Rsa { .. } => "RSA",
            _ => "ECDSA",
        }
    }

    fn curve(&self) -> Option<&'static str> {
        match self.kind {
            KeyKind::Rsa { .. } => None,
            KeyKind::P256 { .. } => Some("prime256v1"),
            KeyKind::P384 { .. } => Some("secp384r1"),
            KeyKind::P521 { .. } => Some("secp521r1"),
        }
    }

    fn private_pem(&self) -> Option<String> {
        let pem = match &self.kind {
            KeyKind::Rsa { private, .. } => private.as_ref()?.to_pkcs8_pem(LineEnding::LF).ok()?,
            KeyKind::P256 { private, .. } => private.as_ref()?.to_pkcs8_pem(LineEnding::LF).ok()?,
            KeyKind::P384 { private, .. } => private.as_ref()?.to_pkcs8_pem(LineEnding::LF).ok()?,
            KeyKind::P521 { private, .. } => private.as_ref()?.to_pkcs8_pem(LineEnding::LF).ok()?,
        };
        Some(pem.to_string())
    }

    fn public_pem(&self) -> Option<String> {
        match &self.kind {
            KeyKind::Rsa { public, .. } => public.to_public_key_pem(LineEnding::LF).ok(),
            KeyKind::P256 { public, .. } => public.to_public_key_pem(LineEnding::LF).ok(),
            KeyKind::P384 { public, .. } => public.to_public_key_pem(LineEnding::LF).ok(),
            KeyKind::P521 { public, .. } => public.to_public_key_pem(LineEnding::LF).ok(),
        }
    }

    /// The signature of `message`: PKCS#1 v1.5 or PSS for RSA, the raw
    /// `r || s` of ECDSA (as JSON Web Tokens carry it).
    fn sign(&self, message: &[u8], hash: Hash, pss: bool) -> Result<Vec<u8>, RuntimeError> {
        let digest = hash.digest(message);
        let no_private = || failed("the key has no private key to sign with");
        macro_rules! ec_sign {
            ($curve:ident, $private:expr) => {{
                use $curve::ecdsa::signature::hazmat::PrehashSigner;
                let key = $curve::ecdsa::SigningKey::from($private.as_ref().ok_or_else(no_private)?);
                let signature: $curve::ecdsa::Signature =
                    key.sign_prehash(&digest).map_err(|e| failed(&format!("the message could not be signed: {e}")))?;
                Ok(signature.to_bytes().to_vec())
            }};
        }
        match &self.kind {
            KeyKind::Rsa { private, .. } => {
                let private = private.as_ref().ok_or_else(no_private)?;
                let signed = match (hash, pss) {
                    (Hash::Sha256, false) => private.pkcs1v15_sign::<sha2::Sha256>(message),
                    (Hash::Sha384, false) => private.pkcs1v15_sign::<sha2::Sha384>(message),
                    (Hash::Sha512, false) => private.pkcs1v15_sign::<sha2::Sha512>(message),
                    (Hash::Sha256, true) => private.pss_sign::<sha2::Sha256>(message),
                    (Hash::Sha384, true) => private.pss_sign::<sha2::Sha384>(message),
                    (Hash::Sha512, true) => private.pss_sign::<sha2::Sha512>(message),
                };
                signed.map_err(|e| failed(&format!("the message could not be signed: {e}")))
            }
            KeyKind::P256 { private, .. } => ec_sign!(p256, private),
            KeyKind::P384 { private, .. } => ec_sign!(p384, private),
            KeyKind::P521 { private, .. } => ec_sign!(p521, private),
        }
    }

    /// Whether `signature` is that of `message` with the public key.
    fn verify(&self, message: &[u8], signature: &[u8], hash: Hash, pss: bool) -> bool {
        let digest = hash.digest(message);
        macro_rules! ec_verify {
            ($curve:ident, $public:expr) => {{
                use $curve::ecdsa::signature::hazmat::PrehashVerifier;
                let key = $curve::ecdsa::VerifyingKey::from($public);
                match $curve::ecdsa::Signature::from_slice(signature) {
                    Ok(signature) => key.verify_prehash(&digest, &signature).is_ok(),
                    Err(_) => false,
                }
            }};
        }
        match &self.kind {
            KeyKind::Rsa { public, .. } => match (hash, pss) {
                (Hash::Sha256, false) => public.pkcs1v15_verify::<sha2::Sha256>(message, signature).is_ok(),
                (Hash::Sha384, false) => public.pkcs1v15_verify::<sha2::Sha384>(message, signature).is_ok(),
                (Hash::Sha512, false) => public.pkcs1v15_verify::<sha2::Sha512>(message, signature).is_ok(),
                (Hash::Sha256, true) => public.pss_verify::<sha2::Sha256>(message, signature).is_ok(),
                (Hash::Sha384, true) => public.pss_verify::<sha2::Sha384>(message, signature).is_ok(),
                (Hash::Sha512, true) => public.pss_verify::<sha2::Sha512>(message, signature).is_ok(),
            },
            KeyKind::P256 { public, .. } => ec_verify!(p256, public),
            KeyKind::P384 { public, .. } => ec_verify!(p384, public),
            KeyKind::P521 { public, .. } => ec_verify!(p521, public),
        }
    }

    fn rsa(&self, what: &str) -> Result<(&Option<Box<rsa::PrivateKey>>, &rsa::PublicKey), RuntimeError> {
        match &self.kind {
            KeyKind::Rsa { private, public } => Ok((private, public)),
            _ => Err(failed(&format!("an ECDSA key cannot {what}: only an RSA key can (documented)"))),
        }
    }
}

/// `4D.CryptoKey.new(settings)`: a new key pair (`type` "RSA" with `size`,
/// "ECDSA" with `curve`) or one read from `pem` (`type` "PEM", or no type).
pub fn new_key(settings: Option<&Value>) -> Result<Value, RuntimeError> {
    let props = match settings {
        Some(Value::Object(o)) => o.borrow().props.clone(),
        Some(Value::SharedObject(o)) => o.props(),
        _ => return Err(failed("new() takes a settings object")),
    };
    let text = |name: &str| match props.get(name) {
        Some(Value::Text(t)) => Some(t.as_str().to_string()),
        _ => None,
    };
    let kind = text("type").unwrap_or_else(|| if props.contains_key("pem") { "PEM".into() } else { String::new() });
    let mut pem = None;
    let key = match kind.to_ascii_uppercase().as_str() {
        "RSA" => {
            let bits = match props.get("size") {
                None | Some(Value::Undefined | Value::Null) => DEFAULT_RSA_BITS,
                Some(Value::Real(n)) if n.fract() == 0.0 && RSA_BITS.contains(&(*n as usize)) => *n as usize,
                Some(Value::Long(n)) if RSA_BITS.contains(&(*n as usize)) => *n as usize,
                Some(_) => return Err(failed("the size of an RSA key is a number of bits from 1024 to 8192")),
            };
            let private = rsa::PrivateKey::new(&mut system_rng(), bits)
                .map_err(|e| failed(&format!("the RSA key could not be made: {e}")))?;
            let public = Box::new(private.to_public_key());
            CryptoKey { kind: KeyKind::Rsa { private: Some(Box::new(private)), public } }
        }
        "ECDSA" => {
            let curve = text("curve").unwrap_or_else(|| "prime256v1".into());
            let mut rng = system_rng();
            match curve.to_ascii_lowercase().as_str() {
                "prime256v1" | "secp256r1" | "p-256" => {
                    let private = p256::SecretKey::generate_from_rng(&mut rng);
                    CryptoKey { kind: KeyKind::P256 { public: private.public_key(), private: Some(private) } }
                }
                "secp384r1" | "p-384" => {
                    let private = p384::SecretKey::generate_from_rng(&mut rng);
                    CryptoKey { kind: KeyKind::P384 { public: private.public_key(), private: Some(private) } }
                }
                "secp521r1" | "p-521" => {
                    let private = p521::SecretKey::generate_from_rng(&mut rng);
                    CryptoKey { kind: KeyKind::P521 { public: private.public_key(), private: Some(private) } }
                }
                _ => {
                    return Err(failed(&format!(
                        "the curve `{curve}` is not supported by fourd (prime256v1, secp384r1 or secp521r1)"
                    )));
                }
            }
        }
        "PEM" => {
            let text = text("pem").unwrap_or_default();
            let key = CryptoKey::from_pem(&text)
                .ok_or_else(|| failed("the pem setting holds no RSA or ECDSA key that fourd can read"))?;
            pem = Some(text);
            key
        }
        other => {
            return Err(failed(&format!("the type of a key is \"RSA\", \"ECDSA\" or \"PEM\", not \"{other}\"")));
        }
    };
    Ok(key_object(key, pem))
}

/// The shared object of a key, with its properties.
fn key_object(key: CryptoKey, pem: Option<String>) -> Value {
    let mut props: Vec<(&str, Value)> = vec![("type", Value::text(key.type_name()))];
    match &key.kind {
        KeyKind::Rsa { public, .. } => {
            use rsa::traits::PublicKeyParts;
            props.push(("size", Value::Long(i32::try_from(public.n().bit_width()).unwrap_or(i32::MAX))));
        }
        _ => props.push(("curve", Value::text(key.curve().unwrap_or_default()))),
    }
    if let Some(pem) = pem {
        props.push(("pem", Value::text(pem)));
    }
    let object = SharedObject::new_owning(Arc::new(key));
    for (name, value) in props {
        // Texts and numbers: nothing to refuse.
        let _ = object.set_unchecked(name, &value);
    }
    Value::SharedObject(object)
}

/// The key a `4D.CryptoKey` object owns.
pub fn key_of(object: &SharedObject) -> Option<Arc<CryptoKey>> {
    object.owned.clone()?.downcast::<CryptoKey>().ok()
}

/// The functions of `4D.CryptoKey`.
pub static MEMBERS: &[MemberSpec<Arc<CryptoKey>>] = &[
    member("decrypt", (1, 2), decrypt),
    member("encrypt", (1, 2), encrypt),
    member("getPrivateKey", (0, 0), get_private_key),
    member("getPublicKey", (0, 0), get_public_key),
    member("sign", (1, 2), sign),
    member("verify", (2, 3), verify),
];

/// The options object at `i` (none: no option).
fn options(args: &Args<'_>, i: usize) -> Result<Props, RuntimeError> {
    Ok(match args.object(i)? {
        Some(o) => o.borrow().props.clone(),
        None => Props::default(),
    })
}

fn pss(options: &Props) -> bool {
    matches!(options.get("pss"), Some(Value::Bool(true)))
}

/// A status object: `success`, and when it failed an `errors` collection.
fn status(success: bool, result: Option<String>, error: Option<(i32, &str)>) -> Value {
    let mut props = Props::default();
    props.insert(key("success"), Value::Bool(success));
    if let Some(result) = result {
        props.insert(key("result"), Value::text(result));
    }
    if let Some((code, message)) = error {
        let mut e = Props::default();
        e.insert(key("errCode"), Value::Long(code));
        e.insert(key("message"), Value::text(message));
        e.insert(key("componentSignature"), Value::text("4DRT"));
        props.insert(key("errors"), Value::new_collection(vec![Value::new_object(e)]));
    }
    Value::new_object(props)
}

/// The codes of the errors in a failed status.
mod failure {
    pub const NOT_ENCODED: i32 = 1;
    pub const NO_MATCH: i32 = 2;
    pub const NOT_DECRYPTED: i32 = 3;
}

/// `.sign(message; options)`: the signature of the UTF-8 bytes of `message`.
fn sign(_: &mut Ctx<'_>, key: &Arc<CryptoKey>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let message = args.text(0)?;
    let options = options(args, 1)?;
    let hash = Hash::of(&options)?;
    let encoding = if options.contains_key("encoding") {
        Encoding::of(&options, "encoding", Encoding::Base64, false)?
    } else {
        Encoding::of(&options, "encodingEncrypted", Encoding::Base64, false)?
    };
    let signature = key.sign(message.as_bytes(), hash, pss(&options))?;
    Ok(Value::text(encoding.encode(&signature)))
}

/// `.verify(message; signature; options)`: a status, `success` when the
/// signature is that of `message`.
fn verify(_: &mut Ctx<'_>, key: &Arc<CryptoKey>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let message = args.text(0)?;
    let signature = args.text(1)?;
    let options = options(args, 2)?;
    let hash = Hash::of(&options)?;
    let encoding = Encoding::of(&options, "encoding", Encoding::Base64, false)?;
    let Some(signature) = encoding.decode(signature) else {
        return Ok(status(false, None, Some((failure::NOT_ENCODED, "the signature is not in the encoding given"))));
    };
    if key.verify(message.as_bytes(), &signature, hash, pss(&options)) {
        Ok(status(true, None, None))
    } else {
        Ok(status(false, None, Some((failure::NO_MATCH, "the signature does not match the message and the key"))))
    }
}

/// The options of `.encrypt()` and `.decrypt()` (argument 2): the hash, then
/// the encodings of the encrypted and of the decrypted message.
fn oaep_options(args: &Args<'_>) -> Result<(Hash, Encoding, Encoding), RuntimeError> {
    let options = options(args, 1)?;
    Ok((
        Hash::of(&options)?,
        Encoding::of(&options, "encodingEncrypted", Encoding::Base64, false)?,
        Encoding::of(&options, "encodingDecrypted", Encoding::Utf8, true)?,
    ))
}

/// `.encrypt(message; options)`: `message` encrypted with the public RSA key (OAEP).
fn encrypt(_: &mut Ctx<'_>, key: &Arc<CryptoKey>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let message = args.text(0)?;
    let (hash, encrypted_as, decrypted_as) = oaep_options(args)?;
    let (_, public) = key.rsa("encrypt")?;
    let plain =
        decrypted_as.decode(message).ok_or_else(|| failed("the message is not in the encodingDecrypted given"))?;
    let encrypted = match hash {
        Hash::Sha256 => public.oaep_encrypt::<sha2::Sha256>(&plain),
        Hash::Sha384 => public.oaep_encrypt::<sha2::Sha384>(&plain),
        Hash::Sha512 => public.oaep_encrypt::<sha2::Sha512>(&plain),
    }
    .map_err(|e| failed(&format!("the message could not be encrypted: {e}")))?;
    Ok(Value::text(encrypted_as.encode(&encrypted)))
}

/// `.decrypt(message; options)`: a status whose `result` is the message
/// decrypted with the private RSA key (OAEP).
fn decrypt(_: &mut Ctx<'_>, key: &Arc<CryptoKey>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let message = args.text(0)?;
    let (hash, encrypted_as, decrypted_as) = oaep_options(args)?;
    let (private, _) = key.rsa("decrypt")?;
    let private = private.as_ref().ok_or_else(|| failed("the key has no private key to decrypt with"))?;
    let Some(encrypted) = encrypted_as.decode(message) else {
        return Ok(status(
            false,
            None,
            Some((failure::NOT_ENCODED, "the message is not in the encodingEncrypted given")),
        ));
    };
    let decrypted = match hash {
        Hash::Sha256 => private.oaep_decrypt::<sha2::Sha256>(&encrypted),
        Hash::Sha384 => private.oaep_decrypt::<sha2::Sha384>(&encrypted),
        Hash::Sha512 => private.oaep_decrypt::<sha2::Sha512>(&encrypted),
    };
    match decrypted {
        Ok(plain) => Ok(status(true, Some(decrypted_as.encode(&plain)), None)),
        Err(_) => Ok(status(
            false,
            None,
            Some((failure::NOT_DECRYPTED, "the message was not encrypted with this key, hash and algorithm")),
        )),
    }
}

/// `.getPrivateKey()`: the private key as PKCS#8 PEM text, "" when the key has none.
fn get_private_key(_: &mut Ctx<'_>, key: &Arc<CryptoKey>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(key.private_pem().unwrap_or_default()))
}

/// `.getPublicKey()`: the public key as SPKI PEM text.
fn get_public_key(_: &mut Ctx<'_>, key: &Arc<CryptoKey>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    Ok(Value::text(key.public_pem().unwrap_or_default()))
}
