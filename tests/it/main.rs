//! The single integration-test binary: golden files, the README's commands,
//! the REPL on a terminal, robustness, the session table under load, and tidy checks.
//!
//! Run with `cargo test`; filter by path (`cargo test -- syntax/if`).
//! `UPDATE_GOLDEN=1 cargo test` rewrites the expectation files.

mod formats;
mod golden;
mod readme;
mod repl;
mod robustness;
mod session;
mod tidy;
mod tls;
mod web;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let mut trials = Vec::new();
    trials.extend(formats::trials());
    trials.extend(golden::trials());
    trials.extend(readme::trials());
    trials.extend(repl::trials());
    trials.extend(robustness::trials());
    trials.extend(session::trials());
    trials.extend(tidy::trials());
    trials.extend(web::trials());
    trials.extend(web::other_trials());
    libtest_mimic::run(&args, trials).exit();
}
