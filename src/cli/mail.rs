//! `roster mail …`, and the mail settings every command that emails reads (README "Mail").

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use clap::Subcommand;

use super::App;
use crate::actions::mail::{self as rules, Notify, Which};
use crate::error::{Error, Result};
use crate::mail::config::{LinkTemplate, SmtpUrl};
use crate::mail::message::Templates;
use crate::mail::smtp::{self, Smtp};
use crate::model::{MailStatus, OutboxMessage};
use crate::output::{Format, Said};
use crate::store::OpenMode;

#[derive(Debug, Subcommand)]
pub enum MailCmd {
    /// Deliver the queued invitation emails that are due (the operator, global admins)
    #[command(
        after_help = "A message that fails is tried again after 1 minute, then 5, 30, 120; after 5 attempts it is failed.\n\
        Exit 0 when every attempt was delivered, 75 when one failed (retry later).\n\n\
        Examples:\n  roster mail deliver\n  \
        roster mail deliver --all   (now, whatever the schedule, failed messages too)"
    )]
    Deliver {
        /// Every message not sent: queued ones not yet due, and failed ones
        #[arg(long)]
        all: bool,
    },
    /// List the outbox: each invitation email and where it stands (the operator, global admins)
    #[command(after_help = "Examples:\n  roster mail list\n  roster mail list --status queued")]
    List {
        /// Only messages in this status
        #[arg(long, value_enum)]
        status: Option<MailStatus>,
    },
}

/// The mail variables, as the environment holds them (read once, by [`App::new`]); each
/// is read in full only by a command that needs it, so that a mistake in one does not
/// stop commands that send no mail.
#[derive(Debug, Clone, Default)]
pub struct MailEnv {
    pub smtp_url: Option<String>,
    pub from: Option<String>,
    pub link: Option<String>,
    pub templates: Option<std::path::PathBuf>,
    pub timeout_ms: Option<u64>,
}

/// What sends: the server, from `ROSTER_MAIL_FROM`.
pub struct Sender {
    smtp: Smtp,
}

/// The server of `ROSTER_SMTP_URL`, when it is set (else None); a bad URL or a missing
/// `ROSTER_MAIL_FROM` is a usage error (2) naming the variable.
fn sender(app: &App) -> Result<Option<Sender>> {
    let Some(raw) = &app.mail.smtp_url else {
        return Ok(None);
    };
    let url = SmtpUrl::parse(raw)?;
    let from = app.mail.from.as_deref().ok_or_else(|| {
        Error::usage("ROSTER_SMTP_URL is set but ROSTER_MAIL_FROM is not: emails need a sender")
            .hint("for example ROSTER_MAIL_FROM='Roster <no-reply@example.com>'")
    })?;
    let from = smtp::parse_from(from)?;
    let timeout = Duration::from_millis(app.mail.timeout_ms.unwrap_or(smtp::DEFAULT_TIMEOUT_MS));
    if app.out.verbose > 0 {
        app.out.note(&format!(
            "mail: {} from {from} (timeout {} ms)",
            url.shown(),
            timeout.as_millis()
        ));
    }
    Ok(Some(Sender {
        smtp: Smtp::new(&url, from, timeout)?,
    }))
}

/// Emailing the invitations a command sends: the server, and what composes the message
/// (`ROSTER_INVITE_LINK`, the templates). None when `ROSTER_SMTP_URL` is unset.
pub struct Mailing {
    sender: Sender,
    pub notify: Arc<Notify>,
}

pub fn mailing(app: &App) -> Result<Option<Mailing>> {
    let Some(sender) = sender(app)? else {
        return Ok(None);
    };
    let link = app.mail.link.as_deref().ok_or_else(|| {
        Error::usage("ROSTER_SMTP_URL is set but ROSTER_INVITE_LINK is not: the email needs the invitation link")
            .hint("for example ROSTER_INVITE_LINK=https://media.example.com/accept-invitation/{id} (Plank's route)")
    })?;
    let link = LinkTemplate::parse(link)?;
    let templates = match &app.mail.templates {
        Some(dir) => Templates::load(dir)?,
        None => Templates::default(),
    };
    Ok(Some(Mailing {
        sender,
        notify: Notify::new(templates, link),
    }))
}

/// How to turn mail on, for a command that sent invitations without it.
pub const MAIL_OFF: &str = "no invitation email was sent: set ROSTER_SMTP_URL, ROSTER_MAIL_FROM and ROSTER_INVITE_LINK to email invitations (README \"Mail\"); the invitee can be given the accept command instead";

/// Delivers the messages this command queued, now that it has committed: each one's
/// status by invitation id. A failure leaves the message queued, says so on stderr, and
/// is no error: the invitation stands, and `roster mail deliver` retries.
pub fn deliver_queued(app: &App, mailing: &Mailing) -> HashMap<String, MailStatus> {
    let queued = mailing.notify.take_queued();
    let mut out: HashMap<String, MailStatus> = queued
        .iter()
        .map(|q| (q.invitation_id.clone(), MailStatus::Queued))
        .collect();
    if queued.is_empty() {
        return out;
    }
    match deliver(app, &mailing.sender, Which::Mine(&queued)) {
        Ok(attempts) => {
            for a in attempts {
                if let Some(e) = &a.error {
                    warn_queued(app, &a.message, e);
                }
                out.insert(a.message.invitation_id.clone(), a.message.status);
            }
        }
        Err(e) => {
            let ids: Vec<&str> = queued.iter().map(|q| q.invitation_id.as_str()).collect();
            app.out.warning(&format!(
                "not delivered: {} — queued; retry with roster mail deliver (invitations {})",
                e.message,
                ids.join(", ")
            ));
        }
    }
    out
}

fn warn_queued(app: &App, m: &OutboxMessage, error: &str) {
    app.out.warning(&format!(
        "not delivered: {error} — queued; retry with roster mail deliver (email to {}, invitation {})",
        m.recipient, m.invitation_id
    ));
    if m.status == MailStatus::Queued {
        app.out.hint(&format!(
            "it is due again at {}; `roster mail deliver --all` tries it at once",
            m.next_attempt_at
        ));
    }
}

fn deliver(app: &App, sender: &Sender, which: Which<'_>) -> Result<Vec<crate::mail::Attempt>> {
    let mut store = app.open(OpenMode::Existing)?;
    let ctx = store.read(|tx| app.ctx(tx))?;
    crate::mail::deliver(&mut store, &ctx, &sender.smtp, which)
}

pub fn run(app: &App, cmd: MailCmd) -> Result<()> {
    match cmd {
        MailCmd::List { status } => {
            let list = app.read(|tx, ctx| rules::list(tx, ctx, status))?;
            if list.is_empty() && app.out.format == Format::Table {
                app.out.note("no messages match");
                return Ok(());
            }
            app.out.list(&list)
        }
        MailCmd::Deliver { all } => deliver_due(app, all),
    }
}

/// `mail deliver`: who may is checked first; with nothing due, no server is needed.
fn deliver_due(app: &App, all: bool) -> Result<()> {
    let (due, waiting) = app.read(|tx, ctx| rules::pending(tx, ctx, all))?;
    let attempts = if due == 0 {
        Vec::new()
    } else {
        let sender = sender(app)?.ok_or_else(|| {
            Error::usage(format!(
                "{due} message{} to deliver, and ROSTER_SMTP_URL is not set",
                if due == 1 { "" } else { "s" }
            ))
            .hint("set ROSTER_SMTP_URL and ROSTER_MAIL_FROM (README \"Mail\")")
        })?;
        deliver(app, &sender, Which::Due { all })?
    };
    let failed = attempts.iter().filter(|a| a.error.is_some()).count();
    for a in &attempts {
        if let Some(e) = &a.error {
            warn_queued(app, &a.message, e);
        }
    }
    if attempts.is_empty() && app.out.format == Format::Table {
        app.out.note("no messages to deliver");
    }
    if waiting > 0 && !all {
        app.out.note(&format!(
            "{waiting} queued message{} not due yet (after a failed attempt); `roster mail deliver --all` tries {} now",
            if waiting == 1 { " is" } else { "s are" },
            if waiting == 1 { "it" } else { "them" }
        ));
    }
    let shown: Vec<OutboxMessage> = attempts.into_iter().map(|a| a.message).collect();
    if app.out.format == Format::Table {
        if !app.out.quiet && !shown.is_empty() {
            let said: Vec<Said> = shown
                .iter()
                .map(|m| {
                    Said::from(match m.status {
                        MailStatus::Sent => format!(
                            "sent the invitation email to {} (invitation {})",
                            m.recipient, m.invitation_id
                        ),
                        MailStatus::Queued => format!(
                            "not delivered to {} (attempt {}); queued until {}",
                            m.recipient, m.attempts, m.next_attempt_at
                        ),
                        MailStatus::Failed => format!(
                            "not delivered to {} (attempt {}); failed: only `roster mail deliver --all` tries again",
                            m.recipient, m.attempts
                        ),
                    })
                })
                .collect();
            app.out.out(&crate::output::render_said(said))?;
        }
    } else if !app.out.quiet {
        app.out.list(&shown)?;
    }
    if failed > 0 {
        return Err(Error::new(
            crate::error::Kind::Busy,
            format!(
                "{failed} of the messages could not be delivered; they stay queued (or failed after {} attempts)",
                rules::MAX_ATTEMPTS
            ),
        )
        .hint("run `roster mail deliver` again later; `roster mail list --status failed` shows the failed"));
    }
    Ok(())
}
