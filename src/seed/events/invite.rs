//! `invite-*` events: send, accept, reject, cancel.

use super::{Applied, Data, Def, FieldSpec as F, SeedEvent, def, label, label_of};
use crate::actions::invite::{self, Lifetime, NewInvite, Restore, one_email_per_id};
use crate::actions::{Ctx, OnExists};
use crate::error::Result;
use crate::model::{InviteStatus, parse_timestamp, timestamp};
use crate::seed::Prepared;
use crate::store::Tx;

pub const EVENTS: &[Def] = &[
    def::<InviteSend>(),
    def::<InviteAccept>(),
    def::<InviteReject>(),
    def::<InviteCancel>(),
];

/// `invite-send`: one invitation per email. `status`, `expires_at` and `inviter` restore
/// an exported invitation as it was.
#[derive(Debug)]
pub struct InviteSend {
    profile: String,
    invites: Vec<NewInvite>,
    resend: bool,
}

impl SeedEvent for InviteSend {
    const NAME: &'static str = "invite-send";
    const FIELDS: &'static [F] = &[
        F::required("profile"),
        F::texts("email"),
        F::texts("emails"),
        F::text("role"),
        F::text("expires_in"),
        F::boolean("resend"),
        F::text("id"),
        F::one_of("status", &InviteStatus::ALL),
        F::text("expires_at"),
        F::text("inviter"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let profile = d.required("profile");
        let emails = d.strings("email", "emails").unwrap_or_default();
        if emails.is_empty() {
            d.absent(
                &["email", "emails"],
                "email: required (or emails, an array)".into(),
            );
        }
        let role = d.role("role");
        let text = d.string("expires_in");
        let expires_in = d.check(Lifetime::parse("expires_in", text.as_deref()))?;
        let resend = d.boolean("resend").unwrap_or(false);
        let id = d.string("id");
        if let Err(e) = one_email_per_id(id.as_deref(), emails.len()) {
            let pos = d.event_pos();
            d.push(pos, e.message);
        }
        let restore = Restore {
            status: d.word("status", &InviteStatus::ALL, InviteStatus::parse),
            expires_at: expires_at(d),
            inviter: d.string("inviter"),
        };
        let mut invites = Vec::with_capacity(emails.len());
        for email in emails {
            let input = NewInvite {
                id: id.clone(),
                email,
                role: role.clone(),
                expires_in,
                restore: restore.clone(),
            };
            invites.push(d.valid(input, NewInvite::validated)?);
        }
        Some(InviteSend {
            profile,
            invites,
            resend,
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let subject = format!(
            "{}: {}",
            self.profile,
            self.invites
                .iter()
                .map(|i| i.email.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let o = invite::send(
            tx,
            ctx,
            &self.profile,
            self.invites,
            self.resend,
            OnExists::Converge,
        )?;
        Ok((label_of(&o), subject))
    }
}

/// `expires_at`, an RFC 3339 time, as stored.
fn expires_at(d: &mut Data<'_>) -> Option<String> {
    let t = d.string("expires_at")?;
    match parse_timestamp(&t) {
        Some(t) => Some(timestamp(t)),
        None => {
            let pos = d.value_pos("expires_at");
            d.push(pos, format!("expires_at {t:?}: not an RFC 3339 time"));
            None
        }
    }
}

const ID: &[F] = &[F::required("id")];

/// `invite-accept`: as the invitee.
#[derive(Debug)]
pub struct InviteAccept {
    id: String,
}

impl SeedEvent for InviteAccept {
    const NAME: &'static str = "invite-accept";
    const FIELDS: &'static [F] = ID;

    fn build(d: &mut Data<'_>) -> Option<Self> {
        Some(InviteAccept {
            id: d.required("id"),
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = invite::accept(tx, ctx, &self.id, OnExists::Converge)?;
        Ok((label(&o), self.id))
    }
}

/// `invite-reject`: as the invitee.
#[derive(Debug)]
pub struct InviteReject {
    id: String,
}

impl SeedEvent for InviteReject {
    const NAME: &'static str = "invite-reject";
    const FIELDS: &'static [F] = ID;

    fn build(d: &mut Data<'_>) -> Option<Self> {
        Some(InviteReject {
            id: d.required("id"),
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = invite::reject(tx, ctx, &self.id, OnExists::Converge)?;
        Ok((label(&o), self.id))
    }
}

/// `invite-cancel`.
#[derive(Debug)]
pub struct InviteCancel {
    id: String,
}

impl SeedEvent for InviteCancel {
    const NAME: &'static str = "invite-cancel";
    const FIELDS: &'static [F] = ID;

    fn build(d: &mut Data<'_>) -> Option<Self> {
        Some(InviteCancel {
            id: d.required("id"),
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = invite::cancel(tx, ctx, &self.id, OnExists::Converge)?;
        Ok((label(&o), self.id))
    }
}
