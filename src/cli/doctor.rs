//! `roster doctor`: exit 0 when every check passes; otherwise the findings, each with a
//! suggested fix, and exit 1.

use serde_json::{Value, json};

use super::App;
use crate::actions::doctor;
use crate::actions::doctor::Finding;
use crate::error::{Error, Result};
use crate::output::{Format, Record, fit, safe};

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
            Format::Table => app.out.out(&render(&findings, app.out.width))?,
            Format::Jsonl | Format::Csv => app.out.list(&findings)?,
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

/// The findings at a terminal, as lines rather than table cells, so that no fix command is
/// ever split: for each, `check  subject` (the subject on a line of its own when the two
/// do not fit on one), the message wrapped to `width` at spaces, and
/// `fix: …` on one line; when that line is too long, the fix's words before its command
/// on one line and the command whole on the next. A blank line between findings.
fn render(findings: &[Finding], width: Option<u16>) -> String {
    let width = width.map(usize::from);
    let mut out = String::new();
    for (n, f) in findings.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let subject = safe(&f.subject);
        if width.is_some_and(|w| fit::width(f.check) + 2 + fit::width(&subject) > w) {
            out.push_str(&format!("{}\n  {subject}\n", f.check));
        } else {
            out.push_str(&format!("{}  {subject}\n", f.check));
        }
        let message = safe(&f.message);
        match width {
            Some(w) => {
                for line in fit::wrap(&message, w.saturating_sub(2)) {
                    out.push_str(&format!("  {line}\n"));
                }
            }
            None => out.push_str(&format!("  {message}\n")),
        }
        let fix = safe(&f.fix);
        let command = fix.find("roster ").filter(|at| *at > 0);
        match (width, command) {
            (Some(w), Some(at)) if fit::width(&fix) + 7 > w => {
                out.push_str(&format!("  fix: {}\n", fix[..at].trim_end()));
                out.push_str(&format!("    {}\n", &fix[at..]));
            }
            _ => out.push_str(&format!("  fix: {fix}\n")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_stay_on_one_line() {
        let f = |check, subject: &str, message: &str, fix: &str| Finding {
            check,
            subject: subject.into(),
            message: message.into(),
            fix: fix.into(),
        };
        let findings = [
            f(
                "profile-owner",
                "office",
                "profile has no owner and no members",
                "give it an owner: roster member add office USER --role owner",
            ),
            f(
                "session-of-disabled",
                "session 0193a5b0-7c1d-7e2f-8a3b-4c5d6e7f8091",
                "ann@example.com is disabled but this session of theirs is live",
                "roster session revoke 0193a5b0-7c1d-7e2f-8a3b-4c5d6e7f8091",
            ),
        ];
        let wide = render(&findings, Some(200));
        assert_eq!(
            wide,
            "profile-owner  office\n  profile has no owner and no members\n  \
             fix: give it an owner: roster member add office USER --role owner\n\n\
             session-of-disabled  session 0193a5b0-7c1d-7e2f-8a3b-4c5d6e7f8091\n  \
             ann@example.com is disabled but this session of theirs is live\n  \
             fix: roster session revoke 0193a5b0-7c1d-7e2f-8a3b-4c5d6e7f8091\n"
        );
        let narrow = render(&findings, Some(60));
        assert!(narrow.contains(
            "\n  fix: give it an owner:\n    roster member add office USER --role owner\n"
        ));
        assert!(
            narrow
                .contains("\n  fix: roster session revoke 0193a5b0-7c1d-7e2f-8a3b-4c5d6e7f8091\n")
        );
        assert!(
            narrow.contains(
                "\n  ann@example.com is disabled but this session of theirs is\n  live\n"
            )
        );
    }

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
