fn main() {
    std::process::exit(roster::run());
}

/// mimalloc: seeds allocate many small strings and JSON values; it is markedly faster
/// than the system allocator for that (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
