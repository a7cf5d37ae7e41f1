//! `roster doctor`: exit 0 when every check passes; otherwise the findings, each with a
//! suggested fix, and exit 1.

use serde_json::{Value, json};

use super::App;
use crate::actions::doctor::{self, Finding};
use crate::error::{Error, Result};
use crate::output::{Format, Shape, render_table};

/// One finding in tables, jsonl and csv.
const FINDING: Shape = Shape {
    noun: "finding",
    fields: &["check", "subject", "message", "fix"],
    columns: &["check", "subject", "message", "fix"],
};

pub fn run(app: &App) -> Result<()> {
    let findings = app.read(|tx, ctx| doctor::run(tx, ctx))?;
    let items: Vec<Value> = findings.iter().map(Finding::to_json).collect();
    if !app.out.quiet {
        match app.out.format {
            Format::Json => app.out.out(&crate::output::render_json(&json!({
                "ok": findings.is_empty(),
                "checks": doctor::CHECKS,
                "findings": items,
            })))?,
            Format::Table if findings.is_empty() => app.out.out(&format!(
                "no problems found ({} checks: {})\n",
                doctor::CHECKS.len(),
                doctor::CHECKS.join(", ")
            ))?,
            Format::Table => {
                app.out.out(&render_table(
                    &FINDING,
                    &items,
                    app.out.width,
                    app.out.color,
                ))?;
            }
            Format::Jsonl | Format::Csv => app.out.list(&FINDING, &items)?,
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
