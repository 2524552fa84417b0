//! Build script: records the git commit of a checkout, so that
//! `fourd --version` says which commit it was built from. Outside a
//! checkout (a package from crates.io), the version is the package's alone.
#![allow(clippy::print_stdout)]

use std::process::Command;

fn main() {
    let commit = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty() && text.bytes().all(|b| b.is_ascii_hexdigit()));
    let suffix = commit.map(|c| format!(" ({c})")).unwrap_or_default();
    println!("cargo:rustc-env=FOURD_COMMIT_SUFFIX={suffix}");
    // A new commit changes HEAD or the branch it points to.
    println!("cargo:rerun-if-changed=.git/HEAD");
    if let Ok(head) = std::fs::read_to_string(".git/HEAD")
        && let Some(reference) = head.strip_prefix("ref: ")
    {
        let loose = format!(".git/{}", reference.trim());
        // A file that does not exist would rerun this script on every build.
        for watched in [loose.as_str(), ".git/packed-refs"] {
            if std::path::Path::new(watched).exists() {
                println!("cargo:rerun-if-changed={watched}");
            }
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
