//! `roster audit`, `audit verify` and `audit anchor`: the operator and global admins only.
//! The chain itself is computed in [`crate::audit_chain`].

use super::access::{Place, Request};
use super::{Ctx, allow, find_user};
use crate::audit_chain::{self, Anchor, Verification};
use crate::error::{Error, Result};
use crate::model::AuditEntry;
use crate::store::{AuditFilter, Tx};

fn allowed(tx: &Tx<'_>, ctx: &Ctx) -> Result<()> {
    allow(tx, ctx, Request::new("audit").at(Place::Global))
}

/// Turns `--actor` into the stored form: `operator:NAME` and `user:ID` pass through; a
/// user's email, username or id becomes `user:<id>`; anything else is an operator login.
pub fn actor_key(tx: &Tx<'_>, given: &str) -> Result<String> {
    if given.starts_with("operator:") || given.starts_with("user:") {
        return Ok(given.to_string());
    }
    Ok(match find_user(tx, given)? {
        Some(u) => format!("user:{}", u.id),
        None => format!("operator:{given}"),
    })
}

pub fn list(tx: &Tx<'_>, ctx: &Ctx, mut filter: AuditFilter) -> Result<Vec<AuditEntry>> {
    allowed(tx, ctx)?;
    if let Some(a) = filter.actor.take() {
        filter.actor = Some(actor_key(tx, &a)?);
    }
    tx.audit_list(&filter)
}

/// Walks the whole log (see [`audit_chain::verify`]), with the store's audit key and, when
/// given, an anchor that row `anchor.seq` must still match.
pub fn verify(tx: &Tx<'_>, ctx: &Ctx, anchor: Option<&Anchor>) -> Result<Verification> {
    allowed(tx, ctx)?;
    audit_chain::verify(tx, tx.audit_key(), anchor)
}

/// The head of a log that verifies, to keep elsewhere as an anchor; `None` for an empty
/// log. A log that does not verify is refused (1): an anchor must vouch for a good chain.
pub fn anchor(tx: &Tx<'_>, ctx: &Ctx) -> Result<Option<Anchor>> {
    allowed(tx, ctx)?;
    let v = audit_chain::verify(tx, tx.audit_key(), None)?;
    if let Some(b) = v.first_bad {
        return Err(Error::differs(format!("no anchor taken: {}", b.message())).hint(b.hint));
    }
    Ok(v.head.map(|(seq, hash)| Anchor { seq, hash }))
}

/// The chain check with the store's key, shared with `roster doctor`.
pub fn verify_chain(tx: &Tx<'_>) -> Result<Verification> {
    audit_chain::verify(tx, tx.audit_key(), None)
}
