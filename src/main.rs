fn main() {
    // SAFETY: the first thing the process does: no other thread exists, none uses SQLite.
    unsafe { roster::store::sqlite_uses_mimalloc() };
    std::process::exit(roster::run());
}

/// mimalloc: seeds allocate many small strings and JSON values; it is markedly faster
/// than the system allocator for that (see BENCHMARKS.md). SQLite allocates from it too.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs before Rust's runtime starts (glibc calls each `.init_array` function with argc,
/// argv and envp), so before the first allocation: see [`roster::store::choose_pages`].
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[used]
#[unsafe(link_section = ".init_array")]
static CHOOSE_PAGES: extern "C" fn(
    std::ffi::c_int,
    *const *const std::ffi::c_char,
    *const *const std::ffi::c_char,
) = choose_pages;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
extern "C" fn choose_pages(
    argc: std::ffi::c_int,
    argv: *const *const std::ffi::c_char,
    _envp: *const *const std::ffi::c_char,
) {
    if argv.is_null() {
        return;
    }
    let args = (1..usize::try_from(argc).unwrap_or(0)).filter_map(|i| {
        // SAFETY: glibc passes the process's argv: argc pointers to NUL-terminated strings.
        let arg = unsafe { *argv.add(i) };
        // SAFETY: as above; a null entry is skipped.
        (!arg.is_null()).then(|| unsafe { std::ffi::CStr::from_ptr(arg) }.to_bytes())
    });
    roster::store::choose_pages(args);
}
