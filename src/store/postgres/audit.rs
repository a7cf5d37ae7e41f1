//! The audit table: reading and writing rows. How a row's hash is computed and how the
//! chain is verified is not SQL and lives above the store, in [`crate::audit_chain`].
//!
//! `data` is a `json` column, which keeps the text exactly as written: it is read back
//! with `data::text`, so the hashes, computed over that text, verify byte for byte. `at` is
//! a `timestamptz` read back as roster writes it (RFC 3339 UTC with milliseconds). The
//! highest sequence number ever handed out is kept by a trigger in `audit_high_water`
//! (SQLite's `sqlite_sequence`).

use postgres::types::ToSql;

use super::{Get, PgTx, ts};
use crate::error::Result;
use crate::model::AuditEntry;
use crate::store::traits::*;
use crate::store::{AuditFilter, AuditHead, AuditProfile, LabelKind};

macro_rules! cols {
    () => {
        "seq, at, actor, event, subject, data::text, source, prev_hash, hash, keyed"
    };
}

fn from_row(r: &postgres::Row) -> Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.int(0)?,
        at: r.time(1)?,
        actor: r.text(2)?,
        event: r.text(3)?,
        subject: r.text(4)?,
        data: r.text(5)?,
        source: r.text(6)?,
        prev_hash: r.text(7)?,
        hash: r.text(8)?,
        keyed: r.flag(9)?,
    })
}

impl AuditReads for PgTx<'_> {
    fn audit_head(&mut self) -> Result<Option<&AuditHead>> {
        if self.audit_head.is_none() {
            self.audit_head = self
                .opt(
                    concat!("SELECT ", cols!(), " FROM audit ORDER BY seq DESC LIMIT 1"),
                    &[],
                )?
                .as_ref()
                .map(from_row)
                .transpose()?
                .map(|row| AuditHead {
                    row,
                    written_here: false,
                });
        }
        Ok(self.audit_head.as_ref())
    }

    fn audit_first_keyed(&self) -> Result<Option<i64>> {
        self.one("SELECT min(seq) FROM audit WHERE keyed", &[])?
            .int_opt(0)
    }

    fn audit_list(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let since = f.since.as_deref().map(ts).transpose()?;
        let until = f.until.as_deref().map(ts).transpose()?;
        let mut sql = concat!("SELECT ", cols!(), " FROM audit WHERE true").to_string();
        let mut args: Vec<&(dyn ToSql + Sync)> = Vec::new();
        if let Some(actor) = &f.actor {
            args.push(actor);
            sql.push_str(&format!(" AND actor = ${}", args.len()));
        }
        if let Some(event) = &f.event {
            args.push(event);
            sql.push_str(&format!(" AND event = ${}", args.len()));
        }
        if let Some(since) = &since {
            args.push(since);
            sql.push_str(&format!(" AND at >= ${}", args.len()));
        }
        if let Some(until) = &until {
            args.push(until);
            sql.push_str(&format!(" AND at < ${}", args.len()));
        }
        if let Some(subjects) = &f.subjects {
            let mut marks = Vec::new();
            for s in subjects {
                args.push(s);
                marks.push(format!("${}", args.len()));
            }
            sql.push_str(&match marks.as_slice() {
                [one] => format!(" AND subject = {one}"),
                _ => format!(" AND subject IN ({})", marks.join(", ")),
            });
        }
        if let Some(p) = &f.profile {
            args.push(&p.id);
            let id = format!("${}", args.len());
            args.push(&p.slug);
            let slug = format!("${}", args.len());
            let field = |k: &str| format!("(data->>'{k}')");
            sql.push_str(&format!(" AND {}", AuditProfile::sql(field, &id, &slug)));
        }
        sql.push_str(" ORDER BY seq DESC");
        // SQLite reads a negative LIMIT as none; PostgreSQL refuses one (NULL is none).
        let limit = f.limit.filter(|&l| l >= 0);
        if f.limit.is_some() {
            args.push(&limit);
            sql.push_str(&format!(" LIMIT ${}", args.len()));
        }
        let mut out = self
            .query_dyn(&sql, &args)?
            .iter()
            .map(from_row)
            .collect::<Result<Vec<_>>>()?;
        out.reverse();
        Ok(out)
    }

    fn audit_labels(&self, kind: LabelKind, ids: &[String]) -> Result<Vec<(String, String)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let sql = format!("{} = ANY($1)", kind.sql());
        self.query_dyn(&sql, &[&ids])?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect()
    }

    fn audit_each(&self, visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>) -> Result<()> {
        self.each(
            concat!("SELECT ", cols!(), " FROM audit ORDER BY seq"),
            &[],
            &mut |r| visit(&from_row(r)?),
        )
    }

    fn audit_each_of_events(
        &self,
        events: &[&str],
        visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>,
    ) -> Result<()> {
        self.each(
            concat!(
                "SELECT ",
                cols!(),
                " FROM audit WHERE event = ANY($1) ORDER BY seq"
            ),
            &[&events],
            &mut |r| visit(&from_row(r)?),
        )
    }

    fn audit_high_water(&self) -> Result<i64> {
        Ok(self
            .opt("SELECT seq FROM audit_high_water WHERE one = 1", &[])?
            .map(|r| r.int(0))
            .transpose()?
            .unwrap_or(0))
    }

    fn audit_count(&self) -> Result<i64> {
        self.one("SELECT count(*) FROM audit", &[])?.int(0)
    }
}

impl AuditWrites for PgTx<'_> {
    fn audit_insert(&mut self, e: AuditEntry) -> Result<()> {
        // `data` goes as text and is cast, so the json column keeps it exactly as given.
        self.exec(
            "INSERT INTO audit (seq, at, actor, event, subject, data, source, prev_hash, hash, keyed)
             VALUES ($1, $2, $3, $4, $5, $6::text::json, $7, $8, $9, $10)",
            &[
                &e.seq,
                &ts(&e.at)?,
                &e.actor,
                &e.event,
                &e.subject,
                &e.data,
                &e.source,
                &e.prev_hash,
                &e.hash,
                &e.keyed,
            ],
        )?;
        self.audit_head = Some(AuditHead {
            row: e,
            written_here: true,
        });
        Ok(())
    }
}
