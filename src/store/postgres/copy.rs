//! Reads of `roster copy`.

use super::{Get, PgTx};
use crate::error::Result;
use crate::model::Session;
use crate::store::traits::*;

impl CopyReads for PgTx<'_> {
    fn sessions_each_with_hash(
        &self,
        visit: &mut dyn FnMut(Session, String) -> Result<()>,
    ) -> Result<()> {
        let ids: Vec<(String, String)> = self
            .query("SELECT id, token_hash FROM sessions ORDER BY id", &[])?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect::<Result<_>>()?;
        for (id, hash) in ids {
            if let Some(s) = self.session_by_id(&id)? {
                visit(s, hash)?;
            }
        }
        Ok(())
    }

    fn table_counts(&self) -> Result<Vec<(&'static str, i64)>> {
        COPIED_TABLES
            .iter()
            .map(|t| {
                let filter = if *t == "roles" {
                    " WHERE NOT builtin"
                } else {
                    ""
                };
                let rows = self.query_dyn(&format!("SELECT count(*) FROM {t}{filter}"), &[])?;
                let n = rows.first().map(|r| r.int(0)).transpose()?.unwrap_or(0);
                Ok((*t, n))
            })
            .collect()
    }
}
