//! `roster backup`: who may take one, and what a copy must pass before it is kept.

use super::access::{Place, Request};
use super::doctor::{self, Finding};
use super::{Ctx, allow};
use crate::error::Result;
use crate::store::Tx;

/// Taking a backup is the `backup` permission (global: a copy holds every profile).
pub fn authorize(tx: &Tx<'_>, ctx: &Ctx) -> Result<()> {
    allow(tx, ctx, Request::new("backup").at(Place::Global))
}

/// What `--verify` found in a copy.
#[derive(Debug, Clone)]
pub struct Check {
    /// The integrity check's and the audit chain's findings, as doctor reports them.
    pub problems: Vec<Finding>,
    /// Audit rows read (all of them when the chain verifies).
    pub audit_rows: i64,
}

/// The checks a copy must pass (doctor's integrity, foreign-key and audit-chain checks,
/// with this store's audit key); no permission is asked: the copy is the caller's own file.
pub fn verify(tx: &Tx<'_>) -> Result<Check> {
    let (problems, chain) = doctor::soundness(tx)?;
    Ok(Check {
        problems,
        audit_rows: chain.rows,
    })
}
