//! What the evaluator's fuzz targets share: running a method under limits,
//! and a generator of 4D methods from the shapes of the grammar.
//!
//! A run has a time cap ([`TIME_CAP`], through `Run::time_limit`, which
//! aborts every process of the run when it is over): it is the step budget
//! too, since an endless loop, a long `DELAY PROCESS` or a wait in `Use` all
//! end with it. Memory is capped by libFuzzer (`-rss_limit_mb`,
//! `-malloc_limit_mb`), above fourd's own limits on texts and collections.

pub mod generate;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use fourd::commands::Output;
use fourd::diag::{RenderOptions, render};
use fourd::eval::Run;

/// How long one input may run.
pub const TIME_CAP: Duration = Duration::from_millis(300);

/// The most output kept from one run; the rest is counted and dropped.
const OUTPUT_CAP: usize = 1 << 16;

/// Where the method runs from: a folder of this fuzzing process, holding
/// only the method file (so that the run sees no other method).
fn method_file() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("fourd-fuzz-run-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        dir.join("Fuzz.4dm")
    })
}

/// An output that keeps a bounded amount of what the run writes.
#[derive(Default)]
struct Sink {
    kept: String,
    dropped: usize,
}

impl Sink {
    fn take(&mut self, text: &str) {
        if self.kept.len() + text.len() <= OUTPUT_CAP {
            self.kept.push_str(text);
        } else {
            self.dropped += text.len();
        }
    }
}

impl Output for Sink {
    fn stdout(&mut self, text: &str) {
        self.take(text);
    }
    fn stderr(&mut self, text: &str) {
        self.take(text);
    }
}

/// Runs `text` as a method, as `fourd run` does, and renders its
/// diagnostics: nothing of this may panic, abort or outlive the time cap by
/// much.
pub fn run_method(text: &str) {
    let file = method_file();
    if std::fs::write(file, text).is_err() {
        return;
    }
    let _ = fourd::syntax::on_deep_stack(|| {
        let mut run = Run::for_file(file, file);
        run.time_limit = Some(TIME_CAP);
        // Generated code must not reach the machine's files.
        run.files_allowed = false;
        let mut sink = Sink::default();
        let _ = run.run_main(file, &[], &mut sink);
        for diag in &run.diagnostics {
            sink.take(&render(diag, &run.sources, RenderOptions::plain()));
        }
        (sink.kept.len(), sink.dropped)
    });
}
