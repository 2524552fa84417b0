//! cargo-fuzz target for the `fourd run` path: the input, as a method file,
//! is parsed, resolved and run (with the time cap of `fourd_fuzz`), and its
//! diagnostics rendered. Seeded with the golden tests' methods.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        fourd_fuzz::run_method(text);
    }
});
