//! `roster can`: one decision, explained, or the access matrix of one user.

use clap::Args;

use super::App;
use crate::actions::can::{self, Question};
use crate::error::{Error, Result};
use crate::output::Format;

#[derive(Debug, Args)]
pub struct CanArgs {
    /// The user asked about: id, email or username
    pub user: String,
    /// The event (member-add, media-remove, …); left out with --all
    #[arg(required_unless_present = "all")]
    pub event: Option<String>,
    /// The profile the event is done in (slug or id)
    pub profile: Option<String>,
    /// The record acted on: a user (user-* and member-* events), a media item's id, an
    /// invitation's id
    #[arg(long, value_name = "ID")]
    pub record: Option<String>,
    /// The role granted (member-add, member-role, invite-send, user-grant): no escalation
    #[arg(long)]
    pub role: Option<String>,
    /// Every event, allowed or denied and by what: the user's access matrix (in PROFILE,
    /// when given)
    #[arg(long, conflicts_with_all = ["record", "role"])]
    pub all: bool,
}

pub fn run(app: &App, a: CanArgs) -> Result<()> {
    if a.all {
        // With --all, the second word is the profile.
        let profile = a.profile.as_deref().or(a.event.as_deref());
        if a.profile.is_some() && a.event.is_some() {
            return Err(
                Error::usage("can --all takes USER and an optional PROFILE, no event")
                    .hint("for example `roster can bob@example.com --all smith-family`"),
            );
        }
        let rows = app.read(|tx, ctx| can::matrix(tx, ctx, &a.user, profile))?;
        return app.out.list(&rows);
    }
    let q = Question {
        user: a.user,
        event: a.event.unwrap_or_default(),
        profile: a.profile,
        record: a.record,
        role: a.role,
    };
    let d = app.read(|tx, ctx| can::explain(tx, ctx, &q))?;
    if !app.out.quiet {
        match app.out.format {
            Format::Table => app.out.out(&d.render())?,
            _ => app.out.record(&d)?,
        }
    }
    if d.allowed() {
        Ok(())
    } else {
        // Exit 1, with nothing more on stderr: the decision is the output.
        Err(Error::differs(String::new()))
    }
}
