//! The `fourd` binary: hands the command line to `cli` and exits with its status.

fn main() -> std::process::ExitCode {
    fourd::cli::main()
}

/// mimalloc instead of the system allocator: glibc's malloc, on the
/// interpreter's many small objects, spent up to a quarter of the `objects`
/// benchmark consolidating and trimming its heap.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
