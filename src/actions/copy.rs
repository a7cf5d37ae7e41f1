//! `roster copy --to TARGET`: every row of this database — roles, users with their password
//! hashes, profiles, members, invitations, media, sessions with their token hashes, and the
//! audit log as it is, hashes and all — into an empty database of either backend, in one
//! transaction of the target, read from one snapshot of the source. Before the target
//! commits, its row counts are compared with the source's and its audit chain is verified;
//! any difference rolls the whole copy back.
//!
//! A copy adds no audit row of its own: the target's log is the source's, row for row, so
//! that it verifies against the same anchors. It needs what `export --with-secrets` needs
//! (the `export` permission: the operator or a global admin).

use crate::actions::access::{Place, Request};
use crate::actions::{Ctx, allow};
use crate::audit_chain::{self, Verification};
use crate::error::{Error, Result};
use crate::store::Tx;
use crate::store::traits::COPIED_TABLES;

/// What a copy moved, and what the target's audit walk found.
#[derive(Debug, Clone)]
pub struct Copied {
    /// Rows per table, in [`COPIED_TABLES`] order (the same on both sides).
    pub tables: Vec<(&'static str, i64)>,
    pub audit: Verification,
}

/// Copies everything `src` holds into `dst`, which must be empty.
pub fn copy(src: &Tx<'_>, dst: &mut Tx<'_>, ctx: &Ctx) -> Result<Copied> {
    allow(src, ctx, Request::new("export").at(Place::Global))?;
    let before = dst.table_counts()?;
    let held: Vec<String> = before
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(t, n)| format!("{t}: {n}"))
        .collect();
    if !held.is_empty() {
        return Err(Error::conflict(format!(
            "the target is not empty ({}); roster copy only fills an empty database",
            held.join(", ")
        ))
        .hint("copy into a new file or an empty schema (?schema=NAME), or remove the target's data first"));
    }

    let source: &dyn crate::store::ReadTx = &**src;
    dst.load_from(source)?;

    let source = src.table_counts()?;
    let target = dst.table_counts()?;
    if source != target {
        let differ: Vec<String> = source
            .iter()
            .zip(&target)
            .filter(|(a, b)| a != b)
            .map(|((t, a), (_, b))| format!("{t}: {a} in the source, {b} in the target"))
            .collect();
        return Err(Error::internal(format!(
            "the copy does not match its source ({}); nothing was copied",
            differ.join(", ")
        )));
    }
    let audit = audit_chain::verify(dst, dst.audit_key(), None)?;
    if let Some(b) = &audit.first_bad {
        return Err(Error::differs(format!(
            "the copied audit log does not verify: {}; nothing was copied",
            b.message()
        ))
        .hint("run `roster audit verify` on the source: a copy keeps the log as it is, and refuses one that does not verify"));
    }
    debug_assert_eq!(source.len(), COPIED_TABLES.len());
    Ok(Copied {
        tables: source,
        audit,
    })
}
