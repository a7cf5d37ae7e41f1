//! SQLite's own allocations (its page cache above all) from mimalloc, the allocator the
//! rest of roster uses, rather than from the C library's `malloc`.
//!
//! A listing reads hundreds of pages into SQLite's page cache. From `malloc` each new
//! 4 KiB of heap costs the process a page fault as it is first touched, and on a virtual
//! machine a page fault is dear (BENCHMARKS.md, "profile list"); mimalloc serves them from
//! its arena, which the kernel backs with 2 MiB pages where it can.

use std::ffi::{c_int, c_void};

use libmimalloc_sys as mi;
use rusqlite::ffi;

unsafe extern "C" fn malloc(n: c_int) -> *mut c_void {
    // SAFETY: mi_malloc takes any size; SQLite never asks for a negative one.
    unsafe { mi::mi_malloc(n.max(0) as usize) }
}

unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: `p` came from `malloc` or `realloc` here (or is null).
    unsafe { mi::mi_free(p) }
}

unsafe extern "C" fn realloc(p: *mut c_void, n: c_int) -> *mut c_void {
    // SAFETY: as `free`.
    unsafe { mi::mi_realloc(p, n.max(0) as usize) }
}

unsafe extern "C" fn size(p: *mut c_void) -> c_int {
    // SAFETY: as `free`; SQLite asks only about live allocations, all far below 2 GiB.
    let n = unsafe { mi::mi_usable_size(p) };
    c_int::try_from(n).unwrap_or(c_int::MAX)
}

unsafe extern "C" fn roundup(n: c_int) -> c_int {
    // What `malloc(n)` hands out: mimalloc's size classes are multiples of 8 bytes.
    n.saturating_add(7) & !7
}

unsafe extern "C" fn init(_: *mut c_void) -> c_int {
    ffi::SQLITE_OK
}

unsafe extern "C" fn shutdown(_: *mut c_void) {}

/// Makes mimalloc SQLite's allocator. Only the first call does anything, and only if it
/// comes before SQLite is first used in the process (SQLite refuses a new allocator
/// after that, and keeps its own: nothing is lost but the speed).
pub fn use_mimalloc() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let methods = ffi::sqlite3_mem_methods {
            xMalloc: Some(malloc),
            xFree: Some(free),
            xRealloc: Some(realloc),
            xSize: Some(size),
            xRoundup: Some(roundup),
            xInit: Some(init),
            xShutdown: Some(shutdown),
            pAppData: std::ptr::null_mut(),
        };
        // SAFETY: SQLITE_CONFIG_MALLOC takes a pointer to the methods, which SQLite copies
        // before it returns. It is called once, before any connection exists (or refused
        // with SQLITE_MISUSE if one did).
        unsafe {
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_MALLOC, &raw const methods);
        }
    });
}
