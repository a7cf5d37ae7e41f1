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
    // What `malloc(n)` hands out: the size of mimalloc's class for `n`.
    // SAFETY: mi_good_size only computes a size.
    let good = unsafe { mi::mi_good_size(n.max(0) as usize) };
    c_int::try_from(good).unwrap_or(n)
}

unsafe extern "C" fn init(_: *mut c_void) -> c_int {
    ffi::SQLITE_OK
}

unsafe extern "C" fn shutdown(_: *mut c_void) {}

/// Makes mimalloc SQLite's allocator, and turns off SQLite's memory statistics. Only the
/// first call does anything, and only if it comes before SQLite is first used in the
/// process (SQLite refuses a new configuration after that, and keeps its own: nothing is
/// lost but the speed).
///
/// # Safety
///
/// `sqlite3_config` is not thread-safe: no other thread may be using SQLite during the
/// call. `main` calls it first, before the process has another thread.
pub unsafe fn use_mimalloc() {
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
        // SAFETY: as above; SQLITE_CONFIG_MEMSTATUS takes one int. Off, SQLite stops
        // counting its memory, and with it the global mutex it took around every
        // allocation and free: a twentieth of a seed's time (BENCHMARKS.md). roster never
        // asks SQLite how much memory it uses, nor sets a soft heap limit, which need it.
        unsafe {
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
        }
    });
}

/// The commands that move many rows for a long time.
const LONG: [&[u8]; 3] = [b"seed", b"export", b"copy"];

/// Chooses the process's pages from its arguments, before it first allocates: for a
/// command that moves many rows (any argument `seed`, `export` or `copy`), the kernel backs
/// its memory with 4 KiB pages only, not 2 MiB ones. A short command gains from the big
/// pages (a few faults instead of hundreds); a long one would keep partly used 2 MiB pages
/// resident, and its peak memory grow by a tenth or more (BENCHMARKS.md, "peak memory").
/// It has to come before the first allocation, whose page would stay a big one, so it
/// reads the raw arguments: an argument that only looks like one of these words (a file
/// named `seed`) costs that command a little speed, nothing else. Allocates nothing.
pub fn choose_pages<'a>(args: impl Iterator<Item = &'a [u8]>) {
    if moves_many_rows(args) {
        #[cfg(target_os = "linux")]
        // SAFETY: PR_SET_THP_DISABLE takes an integer flag and no pointer; it affects
        // only this process's later page faults. Refused (an old kernel), nothing changes.
        unsafe {
            // prctl reads its arguments as unsigned longs.
            let (on, unused): (libc::c_ulong, libc::c_ulong) = (1, 0);
            libc::prctl(libc::PR_SET_THP_DISABLE, on, unused, unused, unused);
        }
    }
}

/// Whether the arguments may name a command of [`LONG`].
fn moves_many_rows<'a>(mut args: impl Iterator<Item = &'a [u8]>) -> bool {
    args.any(|a| LONG.contains(&a))
}

#[cfg(test)]
mod tests {
    use super::moves_many_rows;

    fn long(args: &[&str]) -> bool {
        moves_many_rows(args.iter().map(|a| a.as_bytes()))
    }

    #[test]
    fn long_commands_are_told_by_their_name_anywhere_in_the_arguments() {
        assert!(long(&["--db", "x.db", "-q", "seed", "s.json"]));
        assert!(long(&["export", "--to", "out.json"]));
        assert!(long(&["--json", "copy", "--to", "b.db"]));
        assert!(!long(&["--format", "json", "profile", "list"]));
        assert!(!long(&["user", "create", "--email", "seed@example.com"]));
        assert!(!long(&[]));
    }
}
