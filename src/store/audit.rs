use blake2::{Blake2b256, Digest};
use rusqlite::params;

use super::{Tx, one};
use crate::error::Result;
use crate::model::AuditEntry;

/// The `prev_hash` of the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of one audit row: BLAKE2b-256 over every field, each length-prefixed so that no
/// two different rows encode alike, including the previous row's hash.
#[allow(clippy::too_many_arguments)]
pub fn chain_hash(
    seq: i64,
    at: &str,
    actor: &str,
    event: &str,
    subject: &str,
    data: &str,
    source: &str,
    prev_hash: &str,
) -> String {
    let mut h = Blake2b256::new();
    h.update(b"roster-audit-v1");
    h.update(seq.to_le_bytes());
    for field in [at, actor, event, subject, data, source, prev_hash] {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    let digest = h.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

/// Filters of `roster audit`.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub event: Option<String>,
    pub since: Option<String>,
    /// The most recent N rows (still printed oldest first).
    pub limit: Option<i64>,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        event: r.get(3)?,
        subject: r.get(4)?,
        data: r.get(5)?,
        source: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

const COLS: &str = "seq, at, actor, event, subject, data, source, prev_hash, hash";

impl Tx<'_> {
    /// Appends one audit row chained to the last one.
    pub fn audit_append(
        &mut self,
        at: &str,
        actor: &str,
        event: &str,
        subject: &str,
        data: &serde_json::Value,
        source: &str,
    ) -> Result<()> {
        let (last_seq, prev_hash) = match self.audit_head.take() {
            Some(head) => head,
            None => one(
                self.conn,
                "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )?
            .unwrap_or((0, GENESIS_HASH.to_string())),
        };
        let seq = last_seq + 1;
        let data = data.to_string();
        let hash = chain_hash(seq, at, actor, event, subject, &data, source, &prev_hash);
        self.conn
            .prepare_cached(
                "INSERT INTO audit (seq, at, actor, event, subject, data, source, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                seq, at, actor, event, subject, data, source, prev_hash, hash
            ])?;
        self.audit_head = Some((seq, hash));
        Ok(())
    }

    pub fn audit_list(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let mut sql = format!("SELECT {COLS} FROM audit WHERE 1 = 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(actor) = &f.actor {
            args.push(actor.clone().into());
            sql.push_str(&format!(" AND actor = ?{}", args.len()));
        }
        if let Some(event) = &f.event {
            args.push(event.clone().into());
            sql.push_str(&format!(" AND event = ?{}", args.len()));
        }
        if let Some(since) = &f.since {
            args.push(since.clone().into());
            sql.push_str(&format!(" AND at >= ?{}", args.len()));
        }
        sql.push_str(" ORDER BY seq DESC");
        if let Some(limit) = f.limit {
            args.push(limit.into());
            sql.push_str(&format!(" LIMIT ?{}", args.len()));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), from_row)?;
        let mut out: Vec<AuditEntry> = rows.collect::<rusqlite::Result<_>>()?;
        out.reverse();
        Ok(out)
    }

    /// Visits every audit row in order, without loading them all.
    pub fn audit_each(&self, mut visit: impl FnMut(&AuditEntry) -> Result<bool>) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLS} FROM audit ORDER BY seq"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if !visit(&from_row(row)?)? {
                break;
            }
        }
        Ok(())
    }

    /// The highest sequence number ever handed out (from `sqlite_sequence`), which still
    /// counts rows that were deleted from the end of the log.
    pub fn audit_high_water(&self) -> Result<i64> {
        Ok(one(
            self.conn,
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit'",
            [],
            |r| r.get::<_, i64>(0),
        )?
        .unwrap_or(0))
    }

    pub fn audit_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM audit")?
            .query_row([], |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_depends_on_every_field() {
        let base = chain_hash(1, "a", "b", "c", "d", "{}", "cli", GENESIS_HASH);
        assert_eq!(base.len(), 64);
        assert_ne!(
            base,
            chain_hash(2, "a", "b", "c", "d", "{}", "cli", GENESIS_HASH)
        );
        assert_ne!(
            base,
            chain_hash(1, "a", "b", "c", "d", "{}", "seed", GENESIS_HASH)
        );
        // Moving a byte between fields changes the hash.
        assert_ne!(
            chain_hash(1, "ab", "", "c", "d", "{}", "cli", GENESIS_HASH),
            chain_hash(1, "a", "b", "c", "d", "{}", "cli", GENESIS_HASH)
        );
    }
}
