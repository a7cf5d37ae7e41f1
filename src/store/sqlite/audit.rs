//! The audit table: reading and writing rows. How a row's hash is computed and how the
//! chain is verified is not SQL and lives above the store, in [`crate::audit_chain`].

use rusqlite::params;

use super::{SqliteTx, one};
use crate::error::Result;
use crate::model::AuditEntry;
use crate::store::traits::*;
use crate::store::{AuditFilter, AuditHead, AuditProfile, LabelKind};

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
        keyed: r.get(9)?,
    })
}

const COLS: &str = "seq, at, actor, event, subject, data, source, prev_hash, hash, keyed";

impl AuditReads for SqliteTx<'_> {
    fn audit_head(&mut self) -> Result<Option<&AuditHead>> {
        if self.audit_head.is_none() {
            self.audit_head = one(
                self.conn,
                &format!("SELECT {COLS} FROM audit ORDER BY seq DESC LIMIT 1"),
                [],
                from_row,
            )?
            .map(|row| AuditHead {
                row,
                written_here: false,
            });
        }
        Ok(self.audit_head.as_ref())
    }

    fn audit_first_keyed(&self) -> Result<Option<i64>> {
        self.audit_kept()?;
        Ok(one(
            self.conn,
            "SELECT min(seq) FROM audit WHERE keyed = 1",
            [],
            |r| r.get::<_, Option<i64>>(0),
        )?
        .flatten())
    }

    fn audit_list(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
        self.audit_kept()?;
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
        if let Some(until) = &f.until {
            args.push(until.clone().into());
            sql.push_str(&format!(" AND at < ?{}", args.len()));
        }
        if let Some(subjects) = &f.subjects {
            let mut marks = Vec::new();
            for s in subjects {
                args.push(s.clone().into());
                marks.push(format!("?{}", args.len()));
            }
            sql.push_str(&match marks.as_slice() {
                [one] => format!(" AND subject = {one}"),
                _ => format!(" AND subject IN ({})", marks.join(", ")),
            });
        }
        if let Some(p) = &f.profile {
            args.push(p.id.clone().into());
            let id = format!("?{}", args.len());
            args.push(p.slug.clone().into());
            let slug = format!("?{}", args.len());
            let field = |k: &str| format!("json_extract(data, '$.{k}')");
            sql.push_str(&format!(" AND {}", AuditProfile::sql(field, &id, &slug)));
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

    fn audit_labels(&self, kind: LabelKind, ids: &[String]) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        // Well under SQLite's limit of bound parameters.
        for chunk in ids.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
            let sql = format!("{} IN ({})", kind.sql(), marks.join(", "));
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(chunk), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }

    fn audit_each(&self, visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>) -> Result<()> {
        self.audit_each_where("", &[], visit)
    }

    fn audit_each_of_events(
        &self,
        events: &[&str],
        visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>,
    ) -> Result<()> {
        let marks: Vec<String> = (1..=events.len()).map(|i| format!("?{i}")).collect();
        let filter = format!("WHERE event IN ({})", marks.join(", "));
        self.audit_each_where(&filter, events, visit)
    }

    fn audit_high_water(&self) -> Result<i64> {
        self.audit_kept()?;
        Ok(one(
            self.conn,
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit'",
            [],
            |r| r.get::<_, i64>(0),
        )?
        .unwrap_or(0))
    }

    fn audit_count(&self) -> Result<i64> {
        self.audit_kept()?;
        Ok(self
            .stmt("SELECT count(*) FROM audit")?
            .query_row([], |r| r.get(0))?)
    }
}

impl AuditWrites for SqliteTx<'_> {
    fn audit_insert(&mut self, e: AuditEntry) -> Result<()> {
        // A scratch database with a tap hands its audit rows to the server and keeps none:
        // nothing in it reads them (the chain goes on from the head kept below, and the log
        // is never loaded again from here), and writing them was a sixth of its work.
        self.tapped(|| crate::store::Written::Audit(e.clone()))?;
        if self.tap.is_none() {
            self.stmt(
                    "INSERT INTO audit (seq, at, actor, event, subject, data, source, prev_hash, hash, keyed)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![
                    e.seq,
                    e.at,
                    e.actor,
                    e.event,
                    e.subject,
                    e.data,
                    e.source,
                    e.prev_hash,
                    e.hash,
                    e.keyed
                ])?;
        }
        self.audit_head = Some(AuditHead {
            row: e,
            written_here: true,
        });
        Ok(())
    }
}

impl SqliteTx<'_> {
    /// A scratch database with a tap keeps no audit rows ([`AuditWrites::audit_insert`]):
    /// a read of them there would see an empty log, so it is refused as the bug it is.
    fn audit_kept(&self) -> Result<()> {
        match self.tap {
            Some(_) => Err(crate::error::Error::internal(
                "the audit log was read from a scratch database, which keeps none",
            )),
            None => Ok(()),
        }
    }

    fn audit_each_where(
        &self,
        filter: &str,
        args: &[&str],
        visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>,
    ) -> Result<()> {
        self.audit_kept()?;
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLS} FROM audit {filter} ORDER BY seq"))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(row) = rows.next()? {
            if !visit(&from_row(row)?)? {
                break;
            }
        }
        Ok(())
    }
}
