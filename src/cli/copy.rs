//! `roster copy --to PATH|URL`: the whole database into an empty one of either backend.

use std::path::PathBuf;

use clap::Args;
use serde_json::{Map, Value, json};

use super::App;
use crate::actions::copy;
use crate::error::{Error, Result};
use crate::output::Format;
use crate::store::{Location, OpenMode, Store};

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The empty database to fill: a SQLite file (created, mode 0600) or a PostgreSQL URL
    #[arg(long, value_name = "PATH|URL")]
    pub to: PathBuf,
}

pub fn run(app: &App, a: CopyArgs) -> Result<()> {
    // The target's schema is read as --db's is: its URL's own (`?schema=`), else
    // ROSTER_PG_SCHEMA, else `roster`; the output names it.
    let schema_env = std::env::var("ROSTER_PG_SCHEMA").ok();
    let to = Location::parse(&a.to, schema_env.as_deref(), &app.pg_env)?;
    if same_database(&app.db, &to) {
        return Err(
            Error::usage(format!("--to {to}: that is the database being copied"))
                .hint("name a new file, or another database or schema"),
        );
    }
    let mut source = app.open(OpenMode::Existing)?;
    let mut target = Store::open_at(&to, OpenMode::Create, app.busy_timeout_ms)?
        .with_audit_key(app.audit_key()?);
    let copied = source.read(|src| {
        let ctx = app.ctx(src)?;
        target.write(|dst| copy::copy(src, dst, &ctx))
    })?;
    if app.out.quiet {
        return Ok(());
    }
    let total: i64 = copied.tables.iter().map(|(_, n)| n).sum();
    let to = match &to {
        Location::Postgres(u) => format!("{to}, schema {}", u.schema),
        Location::File(_) => to.to_string(),
    };
    if app.out.format == Format::Table {
        let parts: Vec<String> = copied
            .tables
            .iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        app.out.say(&format!(
            "copied {total} rows to {to}: {}; its audit chain verifies ({} rows)\n",
            parts.join(", "),
            copied.audit.rows
        ))
    } else {
        let mut rows = Map::new();
        for (t, n) in &copied.tables {
            rows.insert((*t).to_string(), json!(n));
        }
        let report = json!({
            "to": to.to_string(),
            "rows": Value::Object(rows),
            "total": total,
            "audit_verified": copied.audit.rows,
        });
        match app.out.format {
            Format::Jsonl => app.out.out(&format!("{report}\n")),
            _ => app.out.out(&crate::output::render_json(&report)),
        }
    }
}

/// The same database twice: one file (through any path), or one server database and schema.
fn same_database(a: &Location, b: &Location) -> bool {
    match (a, b) {
        (Location::File(x), Location::File(y)) => {
            x == y
                || matches!(
                    (std::fs::canonicalize(x), std::fs::canonicalize(y)),
                    (Ok(p), Ok(q)) if p == q
                )
        }
        (Location::Postgres(x), Location::Postgres(y)) => x.same_database(y),
        _ => false,
    }
}
