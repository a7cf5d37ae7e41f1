//! `roster invite …`

use clap::{Args, Subcommand};

mod csv_file;

use super::App;
use crate::actions::invite::{self, NewInvite};
use crate::actions::{OnExists, Outcome, validate};
use crate::error::{Error, Result};
use crate::model::{Answer, InvitationAt, InviteStatus, MailStatus};
use crate::output::{Format, Said};
use crate::seed::{Limit, Source};
use crate::store::OpenMode;

#[derive(Debug, Subcommand)]
pub enum InviteCmd {
    /// Invite emails to a profile (its owners and admins, global admins)
    #[command(
        after_help = "On a terminal, a missing PROFILE or EMAIL is asked for.\n\n\
        Examples:\n  roster invite send the-smiths dan@example.com\n  \
        roster invite send office eve@example.com fay@example.com --role admin --expires-in 7d\n  \
        roster invite send the-smiths dan@example.com --resend   (extend the pending invitation)\n  \
        roster invite send office --csv people.csv   (a header row email,role,expires_in, then a row each)\n\n\
        With ROSTER_SMTP_URL set, each invitee is emailed the link (README \"Mail\"); --no-notify skips it."
    )]
    Send(InviteSend),
    /// Accept an invitation (the invitee only: --as the invited email)
    #[command(
        after_help = "Examples:\n  roster --as dan@example.com invite accept 3f2c9a4e-8d1b-4c6f-9a57-1e0b2d3c4f5a"
    )]
    Accept {
        /// The invitation id, or a unique prefix of it (4+ characters)
        id: String,
    },
    /// Decline an invitation, expired or not (the invitee only)
    #[command(
        after_help = "Examples:\n  roster --as dan@example.com invite reject 3f2c9a4e-8d1b-4c6f-9a57-1e0b2d3c4f5a"
    )]
    Reject {
        /// The invitation id, or a unique prefix of it (4+ characters)
        id: String,
    },
    /// Withdraw a pending or expired invitation (the profile's owners and admins, global admins)
    #[command(
        after_help = "Examples:\n  roster invite cancel 3f2c9a4e-8d1b-4c6f-9a57-1e0b2d3c4f5a"
    )]
    Cancel {
        /// The invitation id, or a unique prefix of it (4+ characters)
        id: String,
    },
    /// Show one invitation (its profile's managers, global admins, the invitee)
    #[command(
        after_help = "Examples:\n  roster invite show 3f2c9a4e-8d1b-4c6f-9a57-1e0b2d3c4f5a\n  roster invite show 3f2c                  # a unique prefix of the id"
    )]
    Show {
        /// The invitation id, or a unique prefix of it (4+ characters)
        id: String,
    },
    /// List invitations, of one profile or of all you may see
    #[command(
        after_help = "Examples:\n  roster invite list the-smiths --status pending\n  \
        roster --as dan@example.com invite list   (invitations sent to you)"
    )]
    List {
        /// Slug or id
        profile: Option<String>,
        /// Only this effective status
        #[arg(long, value_enum)]
        status: Option<InviteStatus>,
    },
    /// Mark pending invitations past their expiry as expired
    #[command(after_help = "Examples:\n  roster invite prune")]
    Prune,
}

#[derive(Debug, Args)]
pub struct InviteSend {
    /// Slug or id (asked for on a terminal when left out)
    pub profile: Option<String>,
    /// Email addresses to invite (asked for on a terminal when left out)
    #[arg(value_name = "EMAIL")]
    pub emails: Vec<String>,
    /// Invite every row of this CSV file instead ('-' reads standard input): a header row
    /// naming email and, if wanted, role and expires_in; all or nothing
    #[arg(long, value_name = "FILE", conflicts_with_all = ["emails", "id"])]
    pub csv: Option<String>,
    /// The role the invitee will get: owner, admin, member or a custom profile role (with
    /// --csv: for rows that leave it empty)
    #[arg(long, default_value = "member")]
    pub role: String,
    /// How long the invitation stays valid: 90s, 30m, 48h, 7d (with --csv: for rows that
    /// leave it empty)
    #[arg(long, value_name = "DURATION", default_value = invite::Lifetime::DEFAULT)]
    pub expires_in: String,
    /// Extend an existing pending invitation (it keeps its role) instead of refusing
    #[arg(long)]
    pub resend: bool,
    /// An explicit invitation id (one email only; default: a random UUID v4)
    #[arg(long)]
    pub id: Option<String>,
    /// Do not email the invitation, even with ROSTER_SMTP_URL set
    #[arg(long)]
    pub no_notify: bool,
}

pub fn run(app: &App, cmd: InviteCmd) -> Result<()> {
    let now = crate::model::timestamp(app.now);
    match cmd {
        InviteCmd::Send(a) => send(app, a, &now),
        InviteCmd::Accept { id } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                let id = invite::resolve(tx, Some(&ctx.actor), &id)?;
                invite::accept(tx, ctx, &id, OnExists::Fail)
            })?;
            let o = o.map(|(inv, member)| InvitationAt {
                member: Some(member),
                ..inv.at(&now)
            });
            app.out.changed(&o, |o| {
                let inv = &o.value().invitation;
                format!(
                    "{} joined {} as {}",
                    inv.email,
                    inv.profile_slug,
                    inv.role.as_str()
                )
            })
        }
        InviteCmd::Reject { id } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                let id = invite::resolve(tx, Some(&ctx.actor), &id)?;
                invite::reject(tx, ctx, &id, OnExists::Fail)
            })?;
            app.out.changed(&o.map(|inv| inv.at(&now)), |o| {
                let inv = &o.value().invitation;
                format!("rejected the invitation to {}", inv.profile_slug)
            })
        }
        InviteCmd::Cancel { id } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                let id = invite::resolve(tx, Some(&ctx.actor), &id)?;
                invite::cancel(tx, ctx, &id, OnExists::Fail)
            })?;
            app.out.changed(&o.map(|inv| inv.at(&now)), |o| {
                let inv = &o.value().invitation;
                format!(
                    "canceled the invitation of {} to {}",
                    inv.email, inv.profile_slug
                )
            })
        }
        InviteCmd::Show { id } => {
            let inv = app.read(|tx, ctx| {
                let id = invite::resolve(tx, Some(&ctx.actor), &id)?;
                invite::show(tx, ctx, &id)
            })?;
            app.out.record(&InvitationAt {
                offer: invite::offer(&inv, &now),
                ..inv.at(&now)
            })
        }
        InviteCmd::List { profile, status } => {
            let list = app.read(|tx, ctx| invite::list(tx, ctx, profile.as_deref(), status))?;
            if list.is_empty() && app.out.format == Format::Table {
                app.out.note("no invitations match");
                return Ok(());
            }
            let shown: Vec<_> = list.into_iter().map(|i| i.at(&now)).collect();
            app.out.list(&shown)
        }
        InviteCmd::Prune => {
            let pruned = app.write(OpenMode::Existing, invite::prune)?;
            if app.out.format == Format::Table {
                if !app.out.quiet {
                    let n = pruned.len();
                    app.out.out(&format!(
                        "marked {n} lapsed invitation{} expired\n",
                        if n == 1 { "" } else { "s" }
                    ))?;
                }
                return Ok(());
            }
            if app.out.quiet {
                return Ok(());
            }
            let shown: Vec<_> = pruned.into_iter().map(|i| i.at(&now)).collect();
            app.out.list(&shown)
        }
    }
}

/// `invite send` without its profile or emails: asked for on a terminal, else exit 2.
fn ask_missing(app: &App, a: &mut InviteSend) -> Result<String> {
    if let (Some(p), false) = (&a.profile, a.emails.is_empty()) {
        return Ok(p.clone());
    }
    let mut missing = Vec::new();
    if a.profile.is_none() {
        missing.push("PROFILE");
    }
    if a.emails.is_empty() {
        missing.push("EMAIL");
    }
    app.may_prompt(
        "invite send",
        &missing,
        "roster invite send the-smiths dan@example.com",
    )?;
    let profile = match a.profile.take() {
        Some(p) => p,
        None => app.ask_profile(&app.known_profiles()?)?,
    };
    if a.emails.is_empty() {
        let answer = app.ask(
            "Emails to invite (several separated by spaces)",
            "the EMAIL arguments",
            None,
            "an email is needed here",
            |v| {
                let emails = super::prompt::several(v);
                if emails.is_empty() {
                    return Err(Error::usage("an email is needed here"));
                }
                for e in &emails {
                    validate::email(e)?;
                }
                Ok(v.to_string())
            },
        )?;
        a.emails = super::prompt::several(&answer);
    }
    Ok(profile)
}

fn send(app: &App, mut a: InviteSend, now: &str) -> Result<()> {
    // The flags (and the mail settings) are checked before anything is asked.
    let expires_in = invite::Lifetime::parse("--expires-in", Some(&a.expires_in))?;
    let role = super::member::profile_role(&a.role)?;
    let mailing = if a.no_notify {
        None
    } else {
        super::mail::mailing(app)?
    };
    if let Some(file) = a.csv.take() {
        return send_csv(app, a, &file, now, mailing);
    }
    let profile = ask_missing(app, &mut a)?;
    let invites: Vec<NewInvite> = a
        .emails
        .iter()
        .map(|email| NewInvite {
            id: a.id.clone(),
            email: email.clone(),
            role: role.clone(),
            expires_in,
            restore: Default::default(),
        })
        .collect();
    let notify = mailing.as_ref().map(|m| m.notify.clone());
    let (outcomes, newcomers) = app.write_notifying(OpenMode::Existing, notify, |tx, ctx| {
        let sent = invite::send(tx, ctx, &profile, invites, a.resend, OnExists::Fail)?;
        let newcomers = without_account(tx, &sent)?;
        Ok((sent, newcomers))
    })?;
    report(
        app,
        outcomes,
        &newcomers,
        now,
        mailing.as_ref(),
        a.no_notify,
    )
}

/// `invite send PROFILE --csv FILE`: the file is read whole and every row checked before
/// the database is opened; then every invitation is sent in one transaction, or none.
fn send_csv(
    app: &App,
    mut a: InviteSend,
    file: &str,
    now: &str,
    mailing: Option<super::mail::Mailing>,
) -> Result<()> {
    let source = if file == "-" {
        Source::Stdin
    } else {
        Source::File(file.into())
    };
    let profile = match a.profile.take() {
        Some(p) => p,
        None => {
            app.may_prompt(
                "invite send",
                &["PROFILE"],
                "roster invite send the-smiths --csv people.csv",
            )?;
            app.ask_profile(&app.known_profiles()?)?
        }
    };
    let name = source.name();
    let limit = Limit(app.max_input.0.min(csv_file::MAX_CSV_INPUT));
    let bytes = source.read_whole("CSV file", limit)?;
    let rows = csv_file::rows(&name, &bytes, &a.role, &a.expires_in)?;
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    let invites: Vec<NewInvite> = rows.into_iter().map(|r| r.invite).collect();
    let notify = mailing.as_ref().map(|m| m.notify.clone());
    let (outcomes, newcomers) = app.write_notifying(OpenMode::Existing, notify, |tx, ctx| {
        let sent = invite::send_each(tx, ctx, &profile, invites, a.resend, OnExists::Fail)?
            .map_err(|refusals| csv_file::refused(&name, &lines, refusals))?;
        let newcomers = without_account(tx, &sent)?;
        Ok((sent, newcomers))
    })?;
    report(
        app,
        outcomes,
        &newcomers,
        now,
        mailing.as_ref(),
        a.no_notify,
    )
}

/// The invitees of `sent` who have no account yet, as the transaction that sent them sees
/// it: their accept command can run only once the account exists.
fn without_account(
    tx: &crate::store::Tx<'_>,
    sent: &[Outcome<crate::model::Invitation>],
) -> Result<std::collections::HashSet<String>> {
    let mut out = std::collections::HashSet::new();
    for o in sent {
        let email = &o.value().email;
        if tx.user_by_email(email)?.is_none() {
            out.insert(email.clone());
        }
    }
    Ok(out)
}

/// What `invite send` prints: a line (and the accept command) for each invitation, and
/// what became of its email; JSON, an array of them, each with `delivery`. For an invitee
/// with no account the accept command comes after the `user create` that makes it. The
/// emails the command queued are delivered first, now that it has committed.
fn report(
    app: &App,
    outcomes: Vec<Outcome<crate::model::Invitation>>,
    newcomers: &std::collections::HashSet<String>,
    now: &str,
    mailing: Option<&super::mail::Mailing>,
    no_notify: bool,
) -> Result<()> {
    let delivered = mailing
        .map(|m| super::mail::deliver_queued(app, m))
        .unwrap_or_default();
    if mailing.is_none() && !no_notify && !outcomes.is_empty() {
        app.out.note(&format!("note: {}", super::mail::MAIL_OFF));
    }
    let shown: Vec<_> = outcomes
        .into_iter()
        .map(|o| {
            o.map(|inv| InvitationAt {
                offer: invite::offer(&inv, now),
                delivery: Some(delivered.get(&inv.id).copied()),
                ..inv.at(now)
            })
        })
        .collect();
    app.out.changed(&shown, |o| {
        let inv = &o.value().invitation;
        let verb = if matches!(o, Outcome::Updated(_)) {
            "extended"
        } else {
            "sent"
        };
        let said = Said::from(format!(
            "{verb} invitation {} to {} for {} as {}, expires {}",
            inv.id,
            inv.email,
            inv.profile_slug,
            inv.role.as_str(),
            inv.expires_at,
        ));
        let said = if newcomers.contains(&inv.email) {
            said.then(format!(
                "  {} has no account yet: create it first with",
                inv.email
            ))
            .then(format!(
                "    roster user create --email {}",
                super::page::shell_quote(&inv.email)
            ))
            .then(format!(
                "  then accept with: {}",
                inv.command(Answer::Accept)
            ))
        } else {
            said.then(format!("  accept with: {}", inv.command(Answer::Accept)))
        };
        match o.value().delivery {
            Some(Some(MailStatus::Sent)) => said.then(format!("  emailed to {}", inv.email)),
            Some(Some(_)) => said.then("  email queued: not delivered yet"),
            _ => said,
        }
    })
}
