//! The outbox (README "Mail").

use rusqlite::params;

use super::{SqliteTx, one};
use crate::error::Result;
use crate::model::{MailStatus, OutboxMessage};
use crate::store::traits::*;

const SELECT: &str = "SELECT id, invitation_id, recipient, subject, body_text, body_html, status, \
     attempts, last_error, next_attempt_at, claimed_until, created_at, sent_at FROM outbox";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxMessage> {
    let status: String = r.get(6)?;
    Ok(OutboxMessage {
        id: r.get(0)?,
        invitation_id: r.get(1)?,
        recipient: r.get(2)?,
        subject: r.get(3)?,
        body_text: r.get(4)?,
        body_html: r.get(5)?,
        status: MailStatus::parse(&status).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                6,
                rusqlite::types::Type::Text,
                format!("unknown outbox status {status:?}").into(),
            )
        })?,
        attempts: r.get(7)?,
        last_error: r.get(8)?,
        next_attempt_at: r.get(9)?,
        claimed_until: r.get(10)?,
        created_at: r.get(11)?,
        sent_at: r.get(12)?,
    })
}

impl SqliteTx<'_> {
    fn outbox_query(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<OutboxMessage>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl OutboxReads for SqliteTx<'_> {
    fn outbox_by_id(&self, id: &str) -> Result<Option<OutboxMessage>> {
        one(
            self.conn,
            &format!("{SELECT} WHERE id = ?1"),
            [id],
            from_row,
        )
    }

    fn outbox_list(&self, status: Option<MailStatus>) -> Result<Vec<OutboxMessage>> {
        self.outbox_query(
            &format!("{SELECT} WHERE ?1 IS NULL OR status = ?1 ORDER BY created_at, id"),
            [status.map(MailStatus::as_str)],
        )
    }

    fn outbox_due(&self, now: &str, all: bool, limit: i64) -> Result<Vec<String>> {
        let mut stmt = self.stmt(
            "SELECT id FROM outbox
              WHERE status <> 'sent'
                AND (?2 OR (status = 'queued' AND next_attempt_at <= ?1))
                AND (claimed_until IS NULL OR claimed_until <= ?1)
              ORDER BY created_at, id LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![now, all, limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn outbox_waiting(&self, now: &str) -> Result<i64> {
        Ok(self
            .stmt("SELECT count(*) FROM outbox WHERE status = 'queued' AND next_attempt_at > ?1")?
            .query_row([now], |r| r.get(0))?)
    }

    fn outbox_queued_since(&self, before: &str) -> Result<Vec<OutboxMessage>> {
        self.outbox_query(
            &format!(
                "{SELECT} WHERE status = 'queued' AND created_at <= ?1 ORDER BY created_at, id"
            ),
            [before],
        )
    }

    fn outbox_each(&self, visit: &mut dyn FnMut(OutboxMessage) -> Result<()>) -> Result<()> {
        for m in self.outbox_query(&format!("{SELECT} ORDER BY id"), [])? {
            visit(m)?;
        }
        Ok(())
    }
}

impl OutboxWrites for SqliteTx<'_> {
    fn outbox_insert(&self, m: &OutboxMessage) -> Result<()> {
        self.stmt(
                "INSERT INTO outbox (id, invitation_id, recipient, subject, body_text, body_html, status,
                                     attempts, last_error, next_attempt_at, claimed_until, created_at, sent_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                m.id,
                m.invitation_id,
                m.recipient,
                m.subject,
                m.body_text,
                m.body_html,
                m.status.as_str(),
                m.attempts,
                m.last_error,
                m.next_attempt_at,
                m.claimed_until,
                m.created_at,
                m.sent_at
            ])?;
        self.tapped(|| crate::store::Written::Outbox(m.clone()))?;
        Ok(())
    }

    fn outbox_claim(&self, id: &str, now: &str, until: &str) -> Result<bool> {
        self.untapped(crate::store::table::OUTBOX);
        let n = self.stmt(
                "UPDATE outbox SET claimed_until = ?3, attempts = attempts + 1
                  WHERE id = ?1 AND status <> 'sent' AND (claimed_until IS NULL OR claimed_until <= ?2)",
            )?
            .execute(params![id, now, until])?;
        Ok(n == 1)
    }

    fn outbox_record(&self, m: &OutboxMessage) -> Result<bool> {
        self.untapped(crate::store::table::OUTBOX);
        let n = self.stmt(
                "UPDATE outbox SET status = ?2, attempts = ?3, last_error = ?4, next_attempt_at = ?5,
                                   sent_at = ?6, claimed_until = NULL
                  WHERE id = ?1",
            )?
            .execute(params![
                m.id,
                m.status.as_str(),
                m.attempts,
                m.last_error,
                m.next_attempt_at,
                m.sent_at
            ])?;
        Ok(n == 1)
    }

    fn outbox_drop_unsent(&self, invitation_id: &str) -> Result<usize> {
        self.untapped(crate::store::table::OUTBOX);
        Ok(self
            .stmt("DELETE FROM outbox WHERE invitation_id = ?1 AND status <> 'sent'")?
            .execute([invitation_id])?)
    }
}
