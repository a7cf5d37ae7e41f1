//! `roster audit` and `roster audit verify`: the operator and global admins only.

use super::{Ctx, find_user, require};
use crate::error::Result;
use crate::model::AuditEntry;
use crate::store::{AuditFilter, GENESIS_HASH, Tx, chain_hash};

fn allowed(ctx: &Ctx) -> Result<()> {
    require(
        ctx.actor.is_global_admin(),
        "reading the audit log",
        "global admins and the operator",
    )
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
    allowed(ctx)?;
    if let Some(a) = filter.actor.take() {
        filter.actor = Some(actor_key(tx, &a)?);
    }
    tx.audit_list(&filter)
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub rows: i64,
    /// The first row that fails, and why.
    pub first_bad: Option<(i64, String)>,
}

/// Walks the whole log: each row's hash must match its content and the previous row's
/// hash, sequence numbers must have no gap, and no row may be missing from the end.
pub fn verify(tx: &Tx<'_>, ctx: &Ctx) -> Result<Verification> {
    allowed(ctx)?;
    verify_chain(tx)
}

/// The chain check itself, shared with `roster doctor`.
pub fn verify_chain(tx: &Tx<'_>) -> Result<Verification> {
    let mut rows = 0i64;
    let mut expected_seq = 1i64;
    let mut prev = GENESIS_HASH.to_string();
    let mut first_bad: Option<(i64, String)> = None;
    tx.audit_each(|e| {
        rows += 1;
        let problem = if e.seq != expected_seq {
            Some(format!(
                "sequence jumps from {} to {}: rows {}..{} were removed",
                expected_seq - 1,
                e.seq,
                expected_seq,
                e.seq - 1
            ))
        } else if e.prev_hash != prev {
            Some("its prev_hash does not match the hash of the row before it".to_string())
        } else if chain_hash(
            e.seq,
            &e.at,
            &e.actor,
            &e.event,
            &e.subject,
            &e.data,
            &e.source,
            &e.prev_hash,
        ) != e.hash
        {
            Some("its content does not match its hash: the row was altered".to_string())
        } else {
            None
        };
        if let Some(p) = problem {
            first_bad = Some((e.seq, p));
            return Ok(false);
        }
        expected_seq = e.seq + 1;
        prev = e.hash.clone();
        Ok(true)
    })?;
    if first_bad.is_none() {
        let high = tx.audit_high_water()?;
        if high >= expected_seq {
            first_bad = Some((
                expected_seq,
                format!("rows {expected_seq}..{high} were removed from the end of the log"),
            ));
        }
    }
    Ok(Verification { rows, first_bad })
}
