//! Commands of the "Tools" theme.

use super::{Args, Ctx};
use crate::runtime::error::RuntimeError;
use crate::runtime::value::Value;

/// `Generate UUID` (1066): 32 uppercase hexadecimal characters, a random (version 4) UUID.
pub(crate) fn generate_uuid(_: &mut Ctx<'_>, _: &Args<'_>) -> Result<Value, RuntimeError> {
    let mut buffer = uuid::Uuid::encode_buffer();
    Ok(Value::text(uuid::Uuid::new_v4().simple().encode_upper(&mut buffer).to_string()))
}
