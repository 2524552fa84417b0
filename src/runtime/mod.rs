//! Values and the rules of the 4D language that do not need the evaluator:
//! value types, conversions, text formatting of values, text comparison,
//! runtime errors. Knows nothing about syntax, commands or processes.

pub mod access;
pub mod blob;
pub mod class;
pub mod compare;
pub mod date_format;
pub mod error;
pub mod files;
pub mod format;
pub mod json;
pub mod locks;
pub mod native;
pub mod number_format;
pub mod object_modes;
pub mod picture;
pub mod props;
pub mod shared;
pub mod signal;
pub mod text;
pub mod types;

pub mod value;
