fn main() {
    roster::store::sqlite_uses_mimalloc();
    std::process::exit(roster::run());
}

/// mimalloc: seeds allocate many small strings and JSON values; it is markedly faster
/// than the system allocator for that (see BENCHMARKS.md). SQLite allocates from it too.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
