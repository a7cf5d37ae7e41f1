//! `roster audit [verify]`

use serde_json::json;

use super::App;
use super::args::{AuditArgs, AuditCmd};
use crate::actions::{audit, validate};
use crate::error::{Error, Result};
use crate::model::{AuditEntry, parse_timestamp, timestamp};
use crate::output::{AUDIT, Format, Shape};
use crate::store::AuditFilter;

/// The report of `audit verify` in json, jsonl and csv.
const VERIFY: Shape = Shape {
    noun: "audit verification",
    fields: &["ok", "rows", "keyed", "unkeyed", "first_bad_seq", "problem"],
    columns: &["ok", "rows", "keyed", "unkeyed", "first_bad_seq", "problem"],
};

/// `--since`: RFC 3339, a date, or an age counted back from now.
fn since(app: &App, text: &str) -> Result<String> {
    if let Some(t) = parse_timestamp(text) {
        return Ok(timestamp(t));
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        && let Some(t) = d.and_hms_opt(0, 0, 0)
    {
        return Ok(timestamp(t.and_utc()));
    }
    let age = validate::duration("--since", text)
        .map_err(|e| e.hint("or give a time (2026-11-21T12:00:00Z) or a date (2026-11-21)"))?;
    Ok(timestamp(app.now - age))
}

pub fn run(app: &App, a: AuditArgs) -> Result<()> {
    match a.command {
        Some(AuditCmd::Verify) => verify(app),
        None => {
            let filter = AuditFilter {
                actor: a.actor,
                event: a.event,
                since: a.since.as_deref().map(|s| since(app, s)).transpose()?,
                limit: a.limit.map(i64::from),
            };
            let rows = app.read(|tx, ctx| audit::list(tx, ctx, filter))?;
            if rows.is_empty() && app.out.format == Format::Table {
                app.out.note("no audit rows match");
                return Ok(());
            }
            let items: Vec<_> = rows.iter().map(AuditEntry::to_json).collect();
            app.out.list(&AUDIT, &items)
        }
    }
}

fn verify(app: &App) -> Result<()> {
    let v = app.read(|tx, ctx| audit::verify(tx, ctx))?;
    let report = json!({
        "ok": v.first_bad.is_none(),
        "rows": v.rows,
        "keyed": v.keyed,
        "unkeyed": v.unkeyed,
        "first_bad_seq": v.first_bad.as_ref().map(|b| b.seq),
        "problem": v.first_bad.as_ref().map(|b| b.problem.clone()),
    });
    match v.first_bad {
        None => {
            if app.out.quiet {
                return Ok(());
            }
            if app.out.format == Format::Table {
                app.out.out(&format!(
                    "audit chain ok: {} rows verified ({} keyed, {} unkeyed)\n",
                    v.rows, v.keyed, v.unkeyed
                ))
            } else {
                app.out.record(&VERIFY, &report)
            }
        }
        Some(b) => {
            if app.out.format != Format::Table && !app.out.quiet {
                app.out.record(&VERIFY, &report)?;
            }
            Err(Error::differs(b.message()).hint(b.hint))
        }
    }
}
