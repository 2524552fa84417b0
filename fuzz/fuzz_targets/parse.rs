//! cargo-fuzz target for the `fourd check` path: raw bytes go through
//! UTF-8 decoding, parsing and miette rendering of the diagnostics, which
//! must never panic, overflow the stack or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = fourd::cli::check::check_bytes("fuzz.4dm", data.to_vec(), fourd::diag::RenderOptions::plain());
});
