//! `roster doctor`: exit 0 when every check passes; otherwise the findings, each with a
//! suggested fix, and exit 1.

use serde_json::{Value, json};

use super::App;
use crate::actions::doctor;
use crate::error::{Error, Result};
use crate::output::{Format, Record};

pub fn run(app: &App) -> Result<()> {
    let (findings, notes) = app.read(|tx, ctx| Ok((doctor::run(tx, ctx)?, doctor::notes(tx)?)))?;
    if !app.out.quiet {
        if app.out.format != Format::Json {
            for n in &notes {
                app.out.note(&format!("note: {n}"));
            }
        }
        match app.out.format {
            Format::Json => app.out.out(&crate::output::render_json(&json!({
                "ok": findings.is_empty(),
                "checks": doctor::CHECKS,
                "findings": findings.iter().map(Record::to_json).collect::<Vec<Value>>(),
                "notes": notes,
            })))?,
            Format::Table if findings.is_empty() => app.out.out(&format!(
                "no problems found ({} checks: {})\n",
                doctor::CHECKS.len(),
                doctor::CHECKS.join(", ")
            ))?,
            Format::Table | Format::Jsonl | Format::Csv => app.out.list(&findings)?,
        }
    }
    if findings.is_empty() {
        return Ok(());
    }
    let n = findings.len();
    Err(Error::differs(format!(
        "doctor found {n} problem{}",
        if n == 1 { "" } else { "s" }
    ))
    .hint("apply the suggested fixes, then run `roster doctor` again"))
}

#[cfg(test)]
mod tests {
    use crate::actions::doctor::Finding;

    #[test]
    fn a_finding_has_one_shape() {
        let f = Finding {
            check: "profile-owner",
            subject: "family".into(),
            message: "profile has no owner".into(),
            fix: "roster member role family USER owner".into(),
        };
        crate::output::assert_shape(&f, &[]);
    }
}
