//! 4D's system variables: process variables every method of a run knows,
//! whatever project (host or component) its code belongs to.

/// The name of the system variable `OK` (normalised).
pub const OK_VARIABLE: &str = "ok";
/// The name of the system variable `Document` (normalised).
pub const DOCUMENT_VARIABLE: &str = "document";
/// The numeric system variables of events and import/export, with the value
/// each has in every process (documented defaults: no event happens without a
/// user interface; fields end with a tab, records with a carriage return).
pub const SYSTEM_NUMBERS: [(&str, f64); 7] = [
    ("mousedown", 0.0),
    ("keycode", 0.0),
    ("modifiers", 0.0),
    ("mousex", 0.0),
    ("mousey", 0.0),
    ("flddelimit", 9.0),
    ("recdelimit", 13.0),
];

/// The system variables, which are the process's whatever code names them
/// (a component's code and the host's see the same `OK`).
pub fn is_system_variable(normalized: &str) -> bool {
    matches!(normalized, OK_VARIABLE | DOCUMENT_VARIABLE) || SYSTEM_NUMBERS.iter().any(|(name, _)| *name == normalized)
}
