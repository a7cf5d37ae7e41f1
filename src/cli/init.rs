//! `roster init`: create or migrate the database.

use serde_json::json;

use super::App;
use crate::error::Result;
use crate::output::Format;
use crate::store::{OpenMode, schema};

pub fn run(app: &App) -> Result<()> {
    let existed = app.db.exists();
    let store = app.open(OpenMode::Create)?;
    let version = store.schema_version()?;
    let created = store.created() || !existed;
    if app.out.format == Format::Table {
        if !app.out.quiet {
            let what = if created { "created" } else { "ready:" };
            app.out.out(&format!(
                "{what} {} (schema version {version} of {})\n",
                app.db.display(),
                schema::CURRENT
            ))?;
        }
    } else if !app.out.quiet {
        app.out.out(&crate::output::render_json(&json!({
            "path": app.db.display().to_string(),
            "created": created,
            "schema_version": version,
        })))?;
    }
    Ok(())
}
