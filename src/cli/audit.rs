//! `roster audit`, `roster audit verify [--anchor SEQ:HASH]`, `roster audit anchor`

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::App;
use crate::actions::{audit, validate};
use crate::audit_chain::{Anchor, Verification};
use crate::error::{Error, Result};
use crate::model::{parse_timestamp, timestamp};
use crate::output::{Format, Record, Shape};

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  roster audit --event user-create --limit 20\n  \
        roster audit --actor ann@example.com --since 24h\n  \
        roster audit --subject bob@example.com\n  \
        roster audit --profile smith-family --since 7d --until 1d\n  \
        roster --format json audit --limit 5    # ids, labels and summaries\n  \
        roster audit verify\n  \
        roster audit anchor >> /mnt/elsewhere/roster-anchors"
)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: Option<AuditCmd>,
    /// Only changes by this actor: operator:NAME, user:ID, or a user's email or username
    #[arg(long)]
    pub actor: Option<String>,
    /// Only this event, such as user-create
    #[arg(long)]
    pub event: Option<String>,
    /// Only rows about this: a user (id, email, username), a profile (slug, id), a role name, or a stored subject id
    #[arg(long, value_name = "THING")]
    pub subject: Option<String>,
    /// Only rows about this profile: the profile itself, and its members, invitations, media and sessions
    #[arg(long, value_name = "SLUG|ID")]
    pub profile: Option<String>,
    /// Only changes at or after this time: RFC 3339, a date (2026-11-21), or an age (90m, 24h, 7d)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only changes before this time: RFC 3339, a date (2026-11-21), or an age (90m, 24h, 7d)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only the most recent N rows
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// Check the hash chain: exits 1 and names the first bad row if any row was altered or removed
    #[command(
        after_help = "Keyed rows are checked with the key of ROSTER_AUDIT_KEY_FILE.\n\n\
        Examples:\n  roster audit verify\n  roster audit verify --anchor \"$(tail -1 /mnt/elsewhere/roster-anchors)\""
    )]
    Verify(VerifyArgs),
    /// Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`
    #[command(after_help = "Examples:\n  roster audit anchor\n  \
        roster audit anchor >> /mnt/elsewhere/roster-anchors")]
    Anchor,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Also fail when row SEQ is gone or its hash is not HASH (an anchor kept elsewhere)
    #[arg(long, value_name = "SEQ:HASH")]
    pub anchor: Option<String>,
}

/// The report of `audit verify` in json, jsonl and csv: the walk, and the anchor it was
/// checked against.
struct Verified<'a> {
    walk: &'a Verification,
    anchor: Option<&'a Anchor>,
}

/// Every field of the verify report, each a table column too.
const VERIFIED: &[&str] = &[
    "ok",
    "rows",
    "keyed",
    "unkeyed",
    "anchor",
    "first_bad_seq",
    "problem",
];

impl Record for Verified<'_> {
    const SHAPE: Shape = Shape {
        noun: "audit verification",
        fields: VERIFIED,
        columns: &[
            crate::output::Column::whole("ok", 9),
            crate::output::Column::number("rows", 8),
            crate::output::Column::number("keyed", 5),
            crate::output::Column::number("unkeyed", 4),
            crate::output::Column::whole("anchor", 6),
            crate::output::Column::number("first_bad_seq", 7),
            crate::output::Column::text("problem", 7),
        ],
    };

    fn to_json(&self) -> Value {
        let bad = self.walk.first_bad.as_ref();
        json!({
            "ok": bad.is_none(),
            "rows": self.walk.rows,
            "keyed": self.walk.keyed,
            "unkeyed": self.walk.unkeyed,
            "anchor": self.anchor.map(Anchor::to_string),
            "first_bad_seq": bad.map(|b| b.seq),
            "problem": bad.map(|b| b.problem.clone()),
        })
    }
}

/// The report of `audit anchor` in json, jsonl and csv: the head, or nulls for an empty log.
struct Head(Option<Anchor>);

impl Record for Head {
    const SHAPE: Shape = Shape {
        noun: "audit anchor",
        fields: &["seq", "hash", "anchor"],
        columns: &[
            crate::output::Column::number("seq", 9),
            crate::output::Column::whole("hash", 8),
            crate::output::Column::whole("anchor", 7),
        ],
    };

    fn to_json(&self) -> Value {
        let head = self.0.as_ref();
        json!({
            "seq": head.map(|a| a.seq),
            "hash": head.map(|a| a.hash.clone()),
            "anchor": head.map(Anchor::to_string),
        })
    }
}

/// `--since` and `--until`: RFC 3339, a date, or an age counted back from now.
fn time(app: &App, flag: &str, text: &str) -> Result<String> {
    if let Some(t) = parse_timestamp(text) {
        return Ok(timestamp(t));
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        && let Some(t) = d.and_hms_opt(0, 0, 0)
    {
        return Ok(timestamp(t.and_utc()));
    }
    let age = validate::duration(flag, text)
        .map_err(|e| e.hint("or give a time (2026-11-21T12:00:00Z) or a date (2026-11-21)"))?;
    Ok(timestamp(app.now - age))
}

pub fn run(app: &App, a: AuditArgs) -> Result<()> {
    match a.command {
        Some(AuditCmd::Verify(v)) => verify(app, v),
        Some(AuditCmd::Anchor) => anchor(app),
        None => {
            // An unknown event is a usage error before the database is opened.
            let event = a.event.as_deref().map(audit::event_name).transpose()?;
            let query = audit::Query {
                actor: a.actor,
                event,
                subject: a.subject,
                profile: a.profile,
                since: a
                    .since
                    .as_deref()
                    .map(|s| time(app, "--since", s))
                    .transpose()?,
                until: a
                    .until
                    .as_deref()
                    .map(|s| time(app, "--until", s))
                    .transpose()?,
                limit: a.limit.map(i64::from),
            };
            let rows = app.read(|tx, ctx| audit::list(tx, ctx, query))?;
            if app.out.format != Format::Table {
                return app.out.list(&rows);
            }
            if rows.is_empty() {
                app.out.note("no audit rows match");
                return Ok(());
            }
            let lines: Vec<audit::AuditLine<'_>> = rows.iter().map(audit::AuditLine).collect();
            app.out.list(&lines)
        }
    }
}

fn verify(app: &App, a: VerifyArgs) -> Result<()> {
    // A malformed anchor is refused (65) before the database is opened.
    let anchor = a.anchor.as_deref().map(Anchor::parse).transpose()?;
    let v = app.read(|tx, ctx| audit::verify(tx, ctx, anchor.as_ref()))?;
    let report = Verified {
        walk: &v,
        anchor: anchor.as_ref(),
    };
    match &v.first_bad {
        None => {
            if app.out.quiet {
                return Ok(());
            }
            if app.out.format == Format::Table {
                let mut line = format!(
                    "audit chain ok: {} rows verified ({} keyed, {} unkeyed)",
                    v.rows, v.keyed, v.unkeyed
                );
                if let Some(a) = &anchor {
                    line.push_str(&format!("; row {} matches the anchor", a.seq));
                }
                line.push('\n');
                app.out.out(&line)
            } else {
                app.out.record(&report)
            }
        }
        Some(b) => {
            if app.out.format != Format::Table && !app.out.quiet {
                app.out.record(&report)?;
            }
            Err(Error::differs(b.message()).hint(b.hint.clone()))
        }
    }
}

/// The head as `SEQ:HASH`. An empty log has no anchor: a note on stderr and nothing on
/// stdout in a table, nulls in json, jsonl and csv; exit 0 either way.
fn anchor(app: &App) -> Result<()> {
    let head = Head(app.read(|tx, ctx| audit::anchor(tx, ctx))?);
    match (&head.0, app.out.format) {
        (None, Format::Table) => {
            app.out
                .note("the audit log is empty: there is no head to anchor yet");
            Ok(())
        }
        (Some(a), Format::Table) => app.out.out(&format!("{a}\n")),
        _ => app.out.record(&head),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reports_shapes_match_their_json() {
        let walk = Verification::default();
        crate::output::assert_shape(
            &Verified {
                walk: &walk,
                anchor: None,
            },
            &[],
        );
        crate::output::assert_shape(&Head(None), &[]);
        let view = audit::AuditView {
            entry: crate::model::AuditEntry {
                seq: 1,
                at: "2026-11-21T12:00:00.000Z".into(),
                actor: "operator:op".into(),
                event: "user-create".into(),
                subject: "u1".into(),
                data: "{}".into(),
                source: "cli".into(),
                prev_hash: String::new(),
                hash: String::new(),
                keyed: false,
            },
            actor_label: "operator:op".into(),
            subject_label: "ann@example.com".into(),
            summary: String::new(),
        };
        crate::output::assert_shape(&view, &[]);
        crate::output::assert_shape(&audit::AuditLine(&view), &[]);
    }
}
