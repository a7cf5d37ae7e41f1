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
        match width {
            Some(w) if fit::width(&fix) + 7 > w => out.push_str(&fix_lines(&fix, w)),
            _ => out.push_str(&format!("  fix: {fix}\n")),
        }
    }
    out
}

/// A fix too long for one line of `width`: the words before its command (wrapped, after
/// `fix:`), the command whole on a line of its own (with the backticks around it, if any),
/// then the words after it, wrapped. A fix with no command is wrapped as prose.
fn fix_lines(fix: &str, width: usize) -> String {
    let Some(mut start) = fix.find("roster ") else {
        return prose("fix: ", fix, width);
    };
    let quoted = start > 0 && fix[..start].ends_with('`');
    if quoted {
        start -= 1;
    }
    let end = if quoted {
        let closed = fix[start + 1..]
            .find('`')
            .map_or(fix.len(), |i| start + 1 + i + 1);
        // Punctuation right after the command stays with it (`…`; or `…`.).
        closed
            + fix[closed..]
                .find(|c: char| !matches!(c, ';' | ',' | '.' | ':' | ')'))
                .unwrap_or(fix.len() - closed)
    } else {
        fix.len()
    };
    let (before, command, after) = (fix[..start].trim_end(), &fix[start..end], fix[end..].trim());
    let mut out = if before.is_empty() {
        "  fix:\n".to_string()
    } else {
        prose("fix: ", before, width)
    };
    out.push_str(&format!("    {command}\n"));
    if !after.is_empty() {
        out.push_str(&prose("", after, width));
    }
    out
}

/// `text` wrapped to `width` under a two-space indent, the first line starting with `lead`.
fn prose(lead: &str, text: &str, width: usize) -> String {
    let mut out = String::new();
    let first = format!("{lead}{text}");
    for line in fit::wrap(&first, width.saturating_sub(2)) {
        out.push_str(&format!("  {line}\n"));
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
        assert!(narrow.contains(
            "\n  fix:\n    roster session revoke 0193a5b0-7c1d-7e2f-8a3b-4c5d6e7f8091\n"
        ));
        assert!(
            narrow.contains(
                "\n  ann@example.com is disabled but this session of theirs is\n  live\n"
            )
        );
    }

    #[test]
    fn a_quoted_command_keeps_its_backticks_and_the_words_after_it_wrap() {
        let fix = "if erin should not be a global admin, run `roster user revoke erin admin`; \
                   to keep them, nothing: only the revoke removes the finding";
        let lines = fix_lines(fix, 60);
        assert_eq!(
            lines,
            "  fix: if erin should not be a global admin, run\n    \
             `roster user revoke erin admin`;\n  \
             to keep them, nothing: only the revoke removes the finding\n"
        );
        for line in lines.lines() {
            assert!(fit::width(line) <= 60, "{line:?}");
        }
        // Without backticks the command runs to the end.
        assert_eq!(
            fix_lines(
                "give it an owner: roster member add a-very-long-profile-slug USER --role owner",
                60
            ),
            "  fix: give it an owner:\n    roster member add a-very-long-profile-slug USER --role owner\n"
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
