//! cargo-fuzz target that builds a 4D method from the input along the
//! grammar's shapes (`fourd_fuzz::generate`) and runs it, so that every
//! input reaches the evaluator.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    if let Ok(text) = fourd_fuzz::generate::method(&mut u) {
        fourd_fuzz::run_method(&text);
    }
});
