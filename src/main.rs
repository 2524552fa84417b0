//! The `fourd` binary: hands the command line to `cli` and exits with its status.

fn main() -> std::process::ExitCode {
    fourd::cli::main()
}
