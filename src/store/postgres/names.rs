//! Reading names for shell completion from PostgreSQL (see [`crate::store::names`]): a
//! connection that gives up quickly, a read-only session with a statement timeout, and
//! roster's schema marker checked first. Nothing is locked or written.

use std::time::Duration;

use postgres::Client;
use postgres::types::{ToSql, Type};

use super::connect_within;
use crate::error::Result;
use crate::store::location::PgUrl;
use crate::store::names::Rows;

/// How long to wait for the server to answer a connection, unless the URL says
/// (`connect_timeout`): a completion that hangs is worse than none.
const CONNECT_MS: u64 = 500;

/// The longest a completion's query may run.
const STATEMENT_MS: u64 = 500;

pub struct Reader {
    client: Client,
}

impl Reader {
    pub fn open(url: &PgUrl) -> Result<Reader> {
        let mut client = connect_within(url, Duration::from_millis(CONNECT_MS))?;
        let schema = &url.schema;
        client.batch_execute(&format!(
            "SET search_path TO \"{schema}\"; SET statement_timeout = {STATEMENT_MS}; \
             SET lock_timeout = {STATEMENT_MS}; SET default_transaction_read_only = on; \
             SET client_min_messages = error"
        ))?;
        // roster's marker: a schema that is not roster's gives an error, hence no names.
        client.query_one(
            &format!("SELECT version FROM \"{schema}\".roster_schema WHERE marker = 'roster'"),
            &[],
        )?;
        Ok(Reader { client })
    }

    pub fn rows(&mut self, sql: &str, params: &[&str], limit: i64) -> Result<Rows> {
        let mut bound: Vec<&(dyn ToSql + Sync)> =
            params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
        bound.push(&limit);
        let rows = self.client.query(sql, &bound)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut values = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                values.push(if *column.type_() == Type::BOOL {
                    row.try_get::<_, Option<bool>>(i)?.map(|b| b.to_string())
                } else {
                    row.try_get::<_, Option<String>>(i)?
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}
