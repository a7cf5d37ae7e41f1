//! The queries of `roster doctor`: records that break an invariant the actions keep, so
//! that only a bug, an older roster or a hand edit of the database can have put them
//! there. Each is a full scan at most; doctor is an occasional check, not a hot path.
//!
//! PostgreSQL has no `integrity_check` pragma: its own checks here are the catalog's word
//! on roster's schema (indexes left invalid, constraints never validated, disabled
//! triggers, tables, indexes, functions and triggers of the migrations that are missing)
//! and, as `foreign_key_check` does, rows whose reference points at nothing (which only
//! disabled triggers or `session_replication_role = replica` let in).

use super::{Get, PgTx, ts};
use crate::error::Result;
use crate::store::traits::*;
use crate::store::{LapsedInvitation, MisplacedMedia, OverfullProfile, OwnerlessProfile};

/// The objects roster's migrations create, in order, as (kind, name): `table`, `index`,
/// `function` or `trigger`. Read from the migrations' text (a later one's `DROP` removes
/// the name again), so the list cannot fall behind them. The trigram index is not in it:
/// it exists only where `pg_trgm` does.
fn expected_objects() -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for sql in super::schema::MIGRATIONS {
        let code: String = sql
            .lines()
            .map(|l| l.split("--").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = code.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            let verb = words[i].to_ascii_uppercase();
            if verb != "CREATE" && verb != "DROP" {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            if words
                .get(j)
                .is_some_and(|w| w.eq_ignore_ascii_case("UNIQUE"))
            {
                j += 1;
            }
            let kind = match words.get(j).map(|w| w.to_ascii_uppercase()).as_deref() {
                Some("TABLE") => "table",
                Some("INDEX") => "index",
                Some("FUNCTION") => "function",
                Some("TRIGGER") => "trigger",
                _ => {
                    i += 1;
                    continue;
                }
            };
            j += 1;
            while words
                .get(j)
                .is_some_and(|w| ["IF", "NOT", "EXISTS"].contains(&&*w.to_ascii_uppercase()))
            {
                j += 1;
            }
            let name: String = words
                .get(j)
                .unwrap_or(&"")
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                if verb == "CREATE" {
                    out.push((kind, name));
                } else {
                    out.retain(|(k, n)| !(*k == kind && *n == name));
                }
            }
            i = j + 1;
        }
    }
    out
}

impl CheckReads for PgTx<'_> {
    fn integrity_remedy(&self) -> (&'static str, &'static str) {
        (
            "database schema",
            "do what the message says; failing that, restore the schema from a backup (pg_dump), or move what is left with `roster copy`",
        )
    }

    fn doctor_notes(&self) -> Result<Vec<String>> {
        let indexed = self
            .one("SELECT to_regclass('media_title_trgm') IS NOT NULL", &[])?
            .flag(0)?;
        Ok(if indexed {
            Vec::new()
        } else {
            vec![
                "title search scans each profile's titles: the pg_trgm extension was not available when roster created this schema (as a superuser or the database owner: CREATE EXTENSION pg_trgm WITH SCHEMA public; CREATE INDEX media_title_trgm ON media USING gin (fold(title) public.gin_trgm_ops))".to_string(),
            ]
        })
    }

    fn integrity_problems(&self) -> Result<Vec<String>> {
        let schema = self
            .one("SELECT quote_ident(current_schema())", &[])?
            .text(0)?;
        let mut problems = Vec::new();

        // Objects of the migrations that are missing.
        let present: std::collections::HashSet<(String, String)> = self
            .query(
                "SELECT CASE WHEN c.relkind IN ('i', 'I') THEN 'index' ELSE 'table' END, c.relname
                   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'i', 'I')
                 UNION ALL
                 SELECT 'function', p.proname
                   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = current_schema()
                 UNION ALL
                 SELECT 'trigger', t.tgname
                   FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                   JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = current_schema() AND NOT t.tgisinternal",
                &[],
            )?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect::<Result<_>>()?;
        for (kind, name) in expected_objects() {
            if !present.contains(&(kind.to_string(), name.clone())) {
                problems.push(format!(
                    "integrity_check: {kind} {name} is missing from schema {schema}: restore the schema from a backup (pg_dump)"
                ));
            }
        }

        // Indexes a failed CREATE INDEX CONCURRENTLY or REINDEX left unusable.
        for r in self.query(
            "SELECT ic.relname, t.relname
               FROM pg_index i
               JOIN pg_class ic ON ic.oid = i.indexrelid
               JOIN pg_class t ON t.oid = i.indrelid
               JOIN pg_namespace n ON n.oid = ic.relnamespace
              WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready AND i.indislive)
              ORDER BY ic.relname",
            &[],
        )? {
            let (index, table) = (r.text(0)?, r.text(1)?);
            problems.push(format!(
                "integrity_check: index {index} on {table} is not valid (an interrupted CREATE INDEX CONCURRENTLY or REINDEX): rebuild it with REINDEX INDEX {schema}.{index}"
            ));
        }

        // Constraints added NOT VALID: the rows before them were never checked.
        for r in self.query(
            "SELECT c.conname, coalesce(t.relname, '?')
               FROM pg_constraint c
               JOIN pg_namespace n ON n.oid = c.connamespace
               LEFT JOIN pg_class t ON t.oid = c.conrelid
              WHERE n.nspname = current_schema() AND NOT c.convalidated
              ORDER BY t.relname, c.conname",
            &[],
        )? {
            let (constraint, table) = (r.text(0)?, r.text(1)?);
            problems.push(format!(
                "integrity_check: constraint {constraint} on {table} is not validated (added NOT VALID): check the rows with ALTER TABLE {schema}.{table} VALIDATE CONSTRAINT {constraint}"
            ));
        }

        // Disabled triggers: roster's keeps the audit log's high-water mark, and the
        // internal ones enforce foreign keys (one line per table for those).
        let mut fk_tables: Vec<String> = Vec::new();
        for r in self.query(
            "SELECT t.tgname, c.relname, t.tgisinternal
               FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = current_schema() AND t.tgenabled = 'D'
              ORDER BY c.relname, t.tgname",
            &[],
        )? {
            let (trigger, table, internal) = (r.text(0)?, r.text(1)?, r.flag(2)?);
            if !internal {
                problems.push(format!(
                    "integrity_check: trigger {trigger} on {table} is disabled: enable it with ALTER TABLE {schema}.{table} ENABLE TRIGGER {trigger}"
                ));
            } else if !fk_tables.contains(&table) {
                problems.push(format!(
                    "integrity_check: the foreign-key triggers on {table} are disabled, so its references are not enforced: enable them with ALTER TABLE {schema}.{table} ENABLE TRIGGER ALL"
                ));
                fk_tables.push(table);
            }
        }

        // foreign_key_check: rows referring to a missing row, for every single-column
        // foreign key of the schema, each row named by its primary key.
        let fks = self.query(
            "SELECT c.conrelid::regclass::text, quote_ident(ca.attname),
                    c.confrelid::regclass::text, quote_ident(pa.attname),
                    ct.relname, pt.relname,
                    (SELECT quote_ident(ka.attname)
                       FROM pg_constraint k
                       JOIN pg_attribute ka ON ka.attrelid = k.conrelid AND ka.attnum = k.conkey[1]
                      WHERE k.conrelid = c.conrelid AND k.contype = 'p' AND cardinality(k.conkey) = 1)
               FROM pg_constraint c
               JOIN pg_namespace n ON n.oid = c.connamespace
               JOIN pg_class ct ON ct.oid = c.conrelid
               JOIN pg_class pt ON pt.oid = c.confrelid
               JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = c.conkey[1]
               JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
              WHERE n.nspname = current_schema() AND c.contype = 'f' AND cardinality(c.conkey) = 1
              ORDER BY ct.relname, c.conname",
            &[],
        )?;
        for r in fks {
            let (child, col, parent, pcol) = (r.text(0)?, r.text(1)?, r.text(2)?, r.text(3)?);
            let (child_name, parent_name) = (r.text(4)?, r.text(5)?);
            let key = r
                .text_opt(6)?
                .map_or_else(|| "c.ctid".to_string(), |k| format!("c.{k}"));
            let sql = format!(
                "SELECT {key}::text FROM {child} c
                  WHERE c.{col} IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{pcol} = c.{col})
                  ORDER BY 1"
            );
            for row in self.query_dyn(&sql, &[])? {
                problems.push(format!(
                    "foreign_key_check: {child_name} row {} refers to a missing {parent_name}",
                    row.text(0)?
                ));
            }
        }
        Ok(problems)
    }

    fn doctor_ownerless_profiles(&self) -> Result<Vec<OwnerlessProfile>> {
        self.query(
            "SELECT p.id, p.slug, (SELECT count(*) FROM members m WHERE m.profile_id = p.id)
             FROM profiles p
             WHERE NOT EXISTS (SELECT 1 FROM members o WHERE o.profile_id = p.id AND o.role = 'owner')
             ORDER BY p.slug",
            &[],
        )?
        .iter()
        .map(|r| {
            Ok(OwnerlessProfile {
                id: r.text(0)?,
                slug: r.text(1)?,
                members: r.int(2)?,
            })
        })
        .collect()
    }

    fn doctor_overfull_profiles(&self) -> Result<Vec<OverfullProfile>> {
        self.query(
            "SELECT p.id, p.slug, p.member_limit, c.n
             FROM profiles p
             JOIN (SELECT profile_id, count(*) AS n FROM members GROUP BY profile_id) c
               ON c.profile_id = p.id
             WHERE c.n > p.member_limit
             ORDER BY p.slug",
            &[],
        )?
        .iter()
        .map(|r| {
            Ok(OverfullProfile {
                id: r.text(0)?,
                slug: r.text(1)?,
                member_limit: r.int(2)?,
                members: r.int(3)?,
            })
        })
        .collect()
    }

    fn doctor_lapsed_invitations(&self, now: &str) -> Result<Vec<LapsedInvitation>> {
        self.query(
            "SELECT i.id, coalesce(p.slug, i.profile_id), i.email, i.expires_at
             FROM invitations i LEFT JOIN profiles p ON p.id = i.profile_id
             WHERE i.status = 'pending' AND i.expires_at <= $1
             ORDER BY i.expires_at, i.id",
            &[&ts(now)?],
        )?
        .iter()
        .map(|r| {
            Ok(LapsedInvitation {
                id: r.text(0)?,
                profile_slug: r.text(1)?,
                email: r.text(2)?,
                expires_at: r.time(3)?,
            })
        })
        .collect()
    }

    fn doctor_misplaced_media(&self) -> Result<Vec<MisplacedMedia>> {
        self.query(
            "SELECT c.id, c.title, coalesce(cp.slug, c.profile_id), par.id, par.type,
                    coalesce(pp.slug, par.profile_id), c.profile_id = par.profile_id
             FROM media c
             JOIN media par ON par.id = c.parent_id
             LEFT JOIN profiles cp ON cp.id = c.profile_id
             LEFT JOIN profiles pp ON pp.id = par.profile_id
             WHERE c.parent_id IS NOT NULL
               AND (par.profile_id <> c.profile_id OR par.type <> 'show')
             ORDER BY c.profile_id, c.id",
            &[],
        )?
        .iter()
        .map(|r| {
            Ok(MisplacedMedia {
                id: r.text(0)?,
                title: r.text(1)?,
                profile_slug: r.text(2)?,
                parent_id: r.text(3)?,
                parent_type: r.text(4)?,
                parent_profile_slug: r.text(5)?,
                same_profile: r.flag(6)?,
            })
        })
        .collect()
    }

    /// Nothing can be out of step: the trigram index, where there is one, is an index of
    /// `media` itself, maintained by PostgreSQL.
    fn doctor_search_index(&self) -> Result<(i64, i64)> {
        Ok((0, 0))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_migrations_objects_are_read_from_their_text() {
        let objects = super::expected_objects();
        let has = |kind: &str, name: &str| objects.iter().any(|(k, n)| *k == kind && n == name);
        for table in [
            "roster_schema",
            "users",
            "profiles",
            "members",
            "invitations",
            "media",
            "audit",
            "audit_high_water",
            "roles",
            "sessions",
            "outbox",
        ] {
            assert!(has("table", table), "{table}");
        }
        for index in [
            "users_username_nocase",
            "media_by_title",
            "media_by_type_title",
            "invitations_one_pending",
            "media_unique_infohash",
            "sessions_by_profile",
        ] {
            assert!(has("index", index), "{index}");
        }
        assert!(has("function", "nocase"));
        assert!(has("function", "fold"));
        assert!(has("function", "audit_raise_high_water"));
        assert!(has("trigger", "audit_high_water_after_insert"));
        assert!(!has("index", "media_title_trgm"));
        assert_eq!(objects.iter().filter(|(k, _)| *k == "table").count(), 11);
    }
}
