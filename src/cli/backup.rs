//! `roster backup FILE [--verify]`: a consistent copy of a live SQLite database, written
//! beside FILE under a temporary name, checked when asked, and renamed into place.

use std::path::PathBuf;

use clap::Args;
use serde_json::{Map, Value, json};

use super::App;
use crate::actions::backup;
use crate::error::{Error, Result};
use crate::output::Format;
use crate::store::{Location, OpenMode, Store};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The file to write (mode 0600); an existing file is replaced only with --yes, or when
    /// confirmed at a terminal
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Open the copy before it is put in place and run the integrity check and the audit
    /// chain verification on it; a copy that fails is not kept (exit 1)
    #[arg(long)]
    pub verify: bool,
}

pub fn run(app: &App, a: BackupArgs) -> Result<()> {
    let mut store = app.open(OpenMode::Existing)?;
    // Permission first: a user who may not take a backup learns nothing about FILE.
    store.read(|tx| backup::authorize(tx, &app.ctx(tx)?))?;
    if let Location::Postgres(url) = &app.db {
        return Err(crate::store::postgres_backup(&url.schema));
    }
    let mut protected = store.own_files();
    protected.extend(app.audit_key_file.clone());
    let shown = a.file.display().to_string();
    crate::outfile::check(&a.file, &protected)?;
    if crate::outfile::exists(&a.file) {
        app.confirm(&format!("replace the existing file {shown} with a backup"))?;
    }
    let key = app.audit_key()?;
    let (tables, bytes, verified) = crate::outfile::write_file(&a.file, &protected, |tmp| {
        // The counts are of the very snapshot the pages are copied from.
        let tables = store.backup_into(tmp, |tx| {
            backup::authorize(tx, &app.ctx(tx)?)?;
            tx.table_counts()
        })?;
        let bytes = std::fs::metadata(tmp).map(|m| m.len()).unwrap_or(0);
        let verified = if a.verify {
            let check = Store::open(tmp, OpenMode::Existing, app.busy_timeout_ms)?
                .with_audit_key(key.clone())
                .read(|tx| backup::verify(tx))?;
            if let Some(first) = check.problems.first() {
                for f in &check.problems {
                    app.out
                        .warning(&format!("{}: {}: {}", f.check, f.subject, f.message));
                }
                let n = check.problems.len();
                return Err(Error::differs(format!(
                    "the backup failed its checks ({n} problem{}, the first: {}); nothing was written to {shown}",
                    if n == 1 { "" } else { "s" },
                    first.message
                ))
                .hint(format!(
                    "{}; the copy is the database page for page, so `roster doctor` finds the same there",
                    first.fix
                )));
            }
            Some(check.audit_rows)
        } else {
            None
        };
        Ok((tables, bytes, verified))
    })?;
    if app.out.quiet {
        return Ok(());
    }
    let total: i64 = tables.iter().map(|(_, n)| n).sum();
    if app.out.format == Format::Table {
        let parts: Vec<String> = tables.iter().map(|(t, n)| format!("{t} {n}")).collect();
        let check = match verified {
            Some(rows) => format!(
                "; verified: integrity ok, audit chain verifies ({rows} row{})",
                if rows == 1 { "" } else { "s" }
            ),
            None => String::new(),
        };
        app.out.say(&format!(
            "backed up {} to {shown} ({bytes} bytes, {total} rows: {}){check}\n",
            app.db,
            parts.join(", ")
        ))
    } else {
        let mut rows = Map::new();
        for (t, n) in &tables {
            rows.insert((*t).to_string(), json!(n));
        }
        let report = json!({
            "backup": shown,
            "from": app.db.to_string(),
            "bytes": bytes,
            "rows": Value::Object(rows),
            "total": total,
            "verified": verified.is_some(),
            "audit_verified": verified,
        });
        match app.out.format {
            Format::Jsonl => app.out.out(&format!("{report}\n")),
            _ => app.out.out(&crate::output::render_json(&report)),
        }
    }
}
