//! The outbox (README "Mail").

use super::{Get, PgTx, ts, ts_opt};
use crate::error::{Error, Result};
use crate::model::{MailStatus, OutboxMessage};
use crate::store::traits::*;

macro_rules! select {
    () => {
        "SELECT id, invitation_id, recipient, subject, body_text, body_html, status, \
         attempts, last_error, next_attempt_at, claimed_until, created_at, sent_at FROM outbox"
    };
}

fn from_row(r: &postgres::Row) -> Result<OutboxMessage> {
    let status = r.text(6)?;
    Ok(OutboxMessage {
        id: r.text(0)?,
        invitation_id: r.text(1)?,
        recipient: r.text(2)?,
        subject: r.text(3)?,
        body_text: r.text(4)?,
        body_html: r.text(5)?,
        status: MailStatus::parse(&status)
            .ok_or_else(|| Error::internal(format!("unknown outbox status {status:?}")))?,
        attempts: r.int(7)?,
        last_error: r.text_opt(8)?,
        next_attempt_at: r.time(9)?,
        claimed_until: r.time_opt(10)?,
        created_at: r.time(11)?,
        sent_at: r.time_opt(12)?,
    })
}

fn all(rows: Vec<postgres::Row>) -> Result<Vec<OutboxMessage>> {
    rows.iter().map(from_row).collect()
}

impl OutboxReads for PgTx<'_> {
    fn outbox_by_id(&self, id: &str) -> Result<Option<OutboxMessage>> {
        self.opt(concat!(select!(), " WHERE id = $1"), &[&id])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn outbox_list(&self, status: Option<MailStatus>) -> Result<Vec<OutboxMessage>> {
        let status = status.map(MailStatus::as_str);
        all(self.query(
            concat!(
                select!(),
                " WHERE $1::text IS NULL OR status = $1 ORDER BY created_at, id"
            ),
            &[&status],
        )?)
    }

    fn outbox_due(&self, now: &str, all: bool, limit: i64) -> Result<Vec<String>> {
        self.query(
            "SELECT id FROM outbox
              WHERE status <> 'sent'
                AND ($2 OR (status = 'queued' AND next_attempt_at <= $1))
                AND (claimed_until IS NULL OR claimed_until <= $1)
              ORDER BY created_at, id LIMIT $3",
            &[&ts(now)?, &all, &limit],
        )?
        .iter()
        .map(|r| r.text(0))
        .collect()
    }

    fn outbox_waiting(&self, now: &str) -> Result<i64> {
        self.one(
            "SELECT count(*) FROM outbox WHERE status = 'queued' AND next_attempt_at > $1",
            &[&ts(now)?],
        )?
        .int(0)
    }

    fn outbox_queued_since(&self, before: &str) -> Result<Vec<OutboxMessage>> {
        all(self.query(
            concat!(
                select!(),
                " WHERE status = 'queued' AND created_at <= $1 ORDER BY created_at, id"
            ),
            &[&ts(before)?],
        )?)
    }

    fn outbox_each(&self, visit: &mut dyn FnMut(OutboxMessage) -> Result<()>) -> Result<()> {
        for m in all(self.query(concat!(select!(), " ORDER BY id"), &[])?)? {
            visit(m)?;
        }
        Ok(())
    }
}

impl OutboxWrites for PgTx<'_> {
    fn outbox_insert(&self, m: &OutboxMessage) -> Result<()> {
        self.exec(
            "INSERT INTO outbox (id, invitation_id, recipient, subject, body_text, body_html, status,
                                 attempts, last_error, next_attempt_at, claimed_until, created_at, sent_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            &[
                &m.id,
                &m.invitation_id,
                &m.recipient,
                &m.subject,
                &m.body_text,
                &m.body_html,
                &m.status.as_str(),
                &m.attempts,
                &m.last_error,
                &ts(&m.next_attempt_at)?,
                &ts_opt(&m.claimed_until)?,
                &ts(&m.created_at)?,
                &ts_opt(&m.sent_at)?,
            ],
        )?;
        Ok(())
    }

    fn outbox_claim(&self, id: &str, now: &str, until: &str) -> Result<bool> {
        let n = self.exec(
            "UPDATE outbox SET claimed_until = $3, attempts = attempts + 1
              WHERE id = $1 AND status <> 'sent' AND (claimed_until IS NULL OR claimed_until <= $2)",
            &[&id, &ts(now)?, &ts(until)?],
        )?;
        Ok(n == 1)
    }

    fn outbox_record(&self, m: &OutboxMessage) -> Result<bool> {
        let n = self.exec(
            "UPDATE outbox SET status = $2, attempts = $3, last_error = $4, next_attempt_at = $5,
                               sent_at = $6, claimed_until = NULL
              WHERE id = $1",
            &[
                &m.id,
                &m.status.as_str(),
                &m.attempts,
                &m.last_error,
                &ts(&m.next_attempt_at)?,
                &ts_opt(&m.sent_at)?,
            ],
        )?;
        Ok(n == 1)
    }

    fn outbox_drop_unsent(&self, invitation_id: &str) -> Result<usize> {
        let n = self.exec(
            "DELETE FROM outbox WHERE invitation_id = $1 AND status <> 'sent'",
            &[&invitation_id],
        )?;
        Ok(n as usize)
    }
}
