//! The invitation outbox (README "Mail"): the rules of queueing a message with its
//! invitation, dropping it with it, and of each delivery attempt — the claim that keeps
//! two deliverers from sending one message twice, the backoff between attempts, the
//! maximum, and the `mail-sent` / `mail-failed` audit rows. Delivery itself, outside any
//! transaction, is [`crate::mail::deliver`]; nothing here talks to a mail server.

use std::sync::{Arc, Mutex};

use chrono::TimeDelta;
use serde_json::json;

use super::access::{Place, Request};
use super::{Ctx, Outcome, allow};
use crate::error::Result;
use crate::mail::config::LinkTemplate;
use crate::mail::message::{Invite, Templates};
use crate::model::{
    Invitation, InviteStatus, MailStatus, OutboxMessage, Profile, new_id, timestamp,
};
use crate::store::Tx;

/// Attempts before a message is `failed` (then only `mail deliver --all` tries again).
pub const MAX_ATTEMPTS: i64 = 5;

/// The wait after the Nth failed attempt (1-based) before the next one is due.
pub const BACKOFF_SECS: [i64; 4] = [60, 5 * 60, 30 * 60, 2 * 60 * 60];

/// How long a deliverer holds the messages it claimed: longer than one run may take
/// ([`CLAIM_LIMIT`] messages at the SMTP timeout each), so that no other deliverer takes
/// one it is still sending; and should it die, the messages are taken again after.
pub const LEASE_SECS: i64 = 30 * 60;

/// The most messages one `mail deliver` takes; the rest wait for the next run.
pub const CLAIM_LIMIT: i64 = 50;

/// The longest `last_error` kept.
const MAX_ERROR: usize = 500;

/// A command that sends invitations emails them (README "Mail: when mail is sent"): the
/// templates and link of the message, and the messages this command queued, which it
/// delivers once it has committed. Shared by every context of one command (a seed's).
#[derive(Debug)]
pub struct Notify {
    templates: Templates,
    link: LinkTemplate,
    queued: Mutex<Vec<Queued>>,
}

/// A message a command queued, with its invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub invitation_id: String,
    pub message_id: String,
}

impl Notify {
    pub fn new(templates: Templates, link: LinkTemplate) -> Arc<Notify> {
        Arc::new(Notify {
            templates,
            link,
            queued: Mutex::new(Vec::new()),
        })
    }

    /// The messages queued so far, and forgets them.
    pub fn take_queued(&self) -> Vec<Queued> {
        self.queued
            .lock()
            .map(|mut q| std::mem::take(&mut *q))
            .unwrap_or_default()
    }

    fn push(&self, q: Queued) {
        if let Ok(mut all) = self.queued.lock() {
            all.push(q);
        }
    }
}

/// Queues the email of each invitation `invite send` just wrote (created, or extended by
/// `--resend`), in the same transaction, when the context notifies: a message per
/// pending invitation. A resend replaces the invitation's unsent message (its expiry
/// changed). Restored and unchanged invitations get none.
pub fn queue(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    outcomes: &[Outcome<Invitation>],
) -> Result<()> {
    let Some(notify) = &ctx.notify else {
        return Ok(());
    };
    for o in outcomes {
        let inv = match o {
            Outcome::Created(i) | Outcome::Updated(i) => i,
            _ => continue,
        };
        if inv.effective_status(&ctx.now_text) != InviteStatus::Pending {
            continue;
        }
        tx.outbox_drop_unsent(&inv.id)?;
        let inviter = match &inv.inviter_id {
            Some(id) => tx.user_by_id(id)?,
            None => None,
        };
        let rendered = notify.templates.render(&Invite {
            profile: &profile.name,
            profile_slug: &profile.slug,
            inviter: inviter
                .as_ref()
                .map(|u| (u.name.as_str(), u.email.as_deref())),
            role: inv.role.as_str(),
            link: notify.link.link(&inv.id),
            expires_at: &inv.expires_at,
            recipient: &inv.email,
            invitation_id: &inv.id,
        });
        let m = OutboxMessage {
            id: new_id(),
            invitation_id: inv.id.clone(),
            recipient: inv.email.clone(),
            subject: rendered.subject,
            body_text: rendered.text,
            body_html: rendered.html,
            status: MailStatus::Queued,
            attempts: 0,
            last_error: None,
            next_attempt_at: ctx.now_text.clone(),
            claimed_until: None,
            created_at: ctx.now_text.clone(),
            sent_at: None,
        };
        tx.outbox_insert(&m)?;
        notify.push(Queued {
            invitation_id: inv.id.clone(),
            message_id: m.id,
        });
    }
    Ok(())
}

/// An invitation that is no longer pending (canceled, answered, expired) takes its unsent
/// message with it: nobody is emailed a link that no longer works.
pub fn drop_unsent(tx: &mut Tx<'_>, invitation_id: &str) -> Result<usize> {
    tx.outbox_drop_unsent(invitation_id)
}

/// Which messages a delivery takes.
#[derive(Debug, Clone, Copy)]
pub enum Which<'a> {
    /// The messages this command queued itself (`invite send`, `seed --notify`),
    /// delivered after its commit as part of it: no permission of its own.
    Mine(&'a [Queued]),
    /// `mail deliver`: the queued messages that are due; with `all`, every one not sent
    /// (failed ones too, and whatever their schedule). The `mail-deliver` permission.
    Due { all: bool },
}

/// Claims the messages to deliver now: each is held for [`LEASE_SECS`] and counts one
/// more attempt, in this transaction, before anything is sent — so that two deliverers
/// (two `mail deliver`, or one beside an `invite send`) never send one message twice.
/// A message another deliverer holds, or that was sent or dropped meanwhile, is left.
pub fn claim(tx: &mut Tx<'_>, ctx: &Ctx, which: Which<'_>) -> Result<Vec<OutboxMessage>> {
    let ids: Vec<String> = match which {
        Which::Mine(queued) => queued.iter().map(|q| q.message_id.clone()).collect(),
        Which::Due { all } => {
            allow(tx, ctx, Request::new("mail-deliver").at(Place::Global))?;
            tx.outbox_due(&ctx.now_text, all, CLAIM_LIMIT)?
        }
    };
    let until = timestamp(ctx.now + TimeDelta::seconds(LEASE_SECS));
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if tx.outbox_claim(&id, &ctx.now_text, &until)?
            && let Some(m) = tx.outbox_by_id(&id)?
        {
            out.push(m);
        }
    }
    Ok(out)
}

/// What `mail deliver` would take now (at most [`CLAIM_LIMIT`]), and how many queued
/// messages are not due yet; the `mail-deliver` permission, asked first.
pub fn pending(tx: &Tx<'_>, ctx: &Ctx, all: bool) -> Result<(usize, i64)> {
    allow(tx, ctx, Request::new("mail-deliver").at(Place::Global))?;
    let due = tx.outbox_due(&ctx.now_text, all, CLAIM_LIMIT)?.len();
    Ok((due, tx.outbox_waiting(&ctx.now_text)?))
}

/// Writes what one attempt on a claimed message came to, with its audit row: `mail-sent`,
/// or `mail-failed` (the error; the message is queued again after the backoff, or
/// `failed` after [`MAX_ATTEMPTS`]). Recipient and invitation, never the bodies.
pub fn record(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    mut m: OutboxMessage,
    result: std::result::Result<(), String>,
) -> Result<OutboxMessage> {
    m.claimed_until = None;
    let event = match &result {
        Ok(()) => {
            m.status = MailStatus::Sent;
            m.sent_at = Some(ctx.now_text.clone());
            "mail-sent"
        }
        Err(e) => {
            let mut error = crate::output::safe(e).into_owned();
            if error.len() > MAX_ERROR {
                let mut end = MAX_ERROR;
                while !error.is_char_boundary(end) {
                    end -= 1;
                }
                error.truncate(end);
                error.push('…');
            }
            m.last_error = Some(error);
            if m.attempts >= MAX_ATTEMPTS {
                m.status = MailStatus::Failed;
            } else {
                m.status = MailStatus::Queued;
                let wait = BACKOFF_SECS
                    .get((m.attempts.max(1) - 1) as usize)
                    .copied()
                    .unwrap_or(BACKOFF_SECS[BACKOFF_SECS.len() - 1]);
                m.next_attempt_at = timestamp(ctx.now + TimeDelta::seconds(wait));
            }
            "mail-failed"
        }
    };
    // Gone (its invitation was canceled while it was being sent): the attempt is still
    // recorded in the audit log.
    tx.outbox_record(&m)?;
    let mut data = json!({
        "recipient": m.recipient,
        "invitation_id": m.invitation_id,
        "attempts": m.attempts,
        "status": m.status.as_str(),
    });
    if let (Some(obj), Some(e)) = (data.as_object_mut(), &m.last_error)
        && result.is_err()
    {
        obj.insert("error".into(), e.clone().into());
        obj.insert("next_attempt_at".into(), m.next_attempt_at.clone().into());
    }
    ctx.audit(tx, event, &m.id, data)?;
    Ok(m)
}

/// `mail list`: the outbox, oldest first, of one status when given. The `mail-list`
/// permission (global: the outbox holds every profile's invitations).
pub fn list(tx: &Tx<'_>, ctx: &Ctx, status: Option<MailStatus>) -> Result<Vec<OutboxMessage>> {
    allow(tx, ctx, Request::new("mail-list").at(Place::Global))?;
    tx.outbox_list(status)
}
