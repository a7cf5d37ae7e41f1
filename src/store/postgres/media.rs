//! Media items: lookups by id and by natural key, writes, and the keyset-paginated list
//! with its title search.
//!
//! The list order is SQLite's: the title ignoring ASCII case (`nocase(title)`, SQLite's
//! NOCASE), then id, byte-wise (every text column is `COLLATE "C"`), served by the indexes
//! `media_by_title` and `media_by_type_title` on `(profile_id, [type,] nocase(title), id)`.
//!
//! Search is a case-insensitive substring match on the title: `fold(title) LIKE
//! '%term%'`, the term folded as SQLite's backend folds it (`sqlite_fold`, every
//! character lower-cased) and its `%`, `_` and `\` escaped. When `pg_trgm` was there at
//! migration time, the GIN index `media_title_trgm` on `fold(title)` serves that test for
//! terms of three characters or more; there is nothing to maintain by hand (no FTS table
//! as in SQLite: the index follows every insert, update and delete itself). Which plan
//! answers a query (the trigram index, then a sort of its candidates; or a walk of the
//! profile's title index from the cursor, filtering) is the PostgreSQL planner's choice,
//! from its statistics, so [`MediaReads::media_search_plan`] and
//! [`MediaReads::media_search_cap`] only describe (for the benchmarks that print them):
//! the plan is `Index` for a term of 3+ characters when the trigram index exists, else
//! `Scan`; the cap is SQLite's √N rule on the planner's row estimate.
//!
//! One folding differs: the server's `lower()` under ICU applies Unicode's Final_Sigma
//! rule (a capital Σ at the end of a word becomes ς), which Rust's per-character
//! `to_lowercase`, and so SQLite's search, does not (Σ is always σ). A term holding σ or ς
//! is therefore matched in two steps: the indexed `fold(title)` with each σ/ς of the term a
//! one-character wildcard (it finds a superset), then `fold(translate(title, 'Σ', 'σ'))`,
//! which is the per-character folding exactly. Every other term is matched exactly by the
//! first test alone, since the two foldings differ only at those letters.

use postgres::types::ToSql;

use super::{Get, PgTx, ts};
use crate::error::{Error, Result};
use crate::model::{Media, MediaType};
use crate::store::traits::*;
use crate::store::{
    HeadKinds, HeadQuery, MediaKey, MediaPlace, MediaQuery, SEARCH_CAP_MAX, SEARCH_CAP_MIN,
    SearchPlan,
};

macro_rules! cols {
    () => {
        "m.id, m.profile_id, m.type, m.title, m.year, m.tmdb_id, m.imdb_id, m.infohash, \
         m.file_path, m.parent_id, m.season_number, m.episode_number, m.status, m.added_by, \
         m.added_at"
    };
}

fn from_row(r: &postgres::Row) -> Result<Media> {
    let kind = r.text(2)?;
    let kind = MediaType::parse(&kind)
        .ok_or_else(|| Error::internal(format!("unknown media type {kind:?}")))?;
    Ok(Media {
        id: r.text(0)?,
        profile_id: r.text(1)?,
        kind,
        title: r.text(3)?,
        year: r.int_opt(4)?,
        tmdb_id: r.int_opt(5)?,
        imdb_id: r.text_opt(6)?,
        infohash: r.text_opt(7)?,
        file_path: r.text_opt(8)?,
        parent_id: r.text_opt(9)?,
        season_number: r.int_opt(10)?,
        episode_number: r.int_opt(11)?,
        status: r.text(12)?,
        added_by: r.text_opt(13)?,
        added_at: r.time(14)?,
    })
}

/// Lower-cases every character (Unicode), as SQLite's backend folds both sides of a
/// search (`sqlite::media::fold`, private to that backend): per character, without
/// Final_Sigma.
pub(super) fn sqlite_fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

fn first(row: Option<postgres::Row>) -> Result<Option<Media>> {
    row.as_ref().map(from_row).transpose()
}

/// `s` with LIKE's wildcards and its escape character (`\`, the default) escaped.
pub(super) fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The LIKE patterns of a search term: the one tested against the indexed `fold(title)`,
/// and, when the term holds a σ or ς, the exact one tested against
/// `fold(translate(title, 'Σ', 'σ'))` (see the module documentation).
fn search_patterns(term: &str) -> (String, Option<String>) {
    let folded = sqlite_fold(term);
    let exact = format!("%{}%", like_escape(&folded));
    if !folded.contains(['σ', 'ς']) {
        return (exact, None);
    }
    let loose: String = like_escape(&folded)
        .chars()
        .map(|c| if matches!(c, 'σ' | 'ς') { '_' } else { c })
        .collect();
    (format!("%{loose}%"), Some(exact))
}

/// A constraint the insert or update broke, as SQLite's backend words it: 68.
fn write_error(e: postgres::Error, m: &Media) -> Error {
    let constraint = e
        .as_db_error()
        .is_some_and(|db| db.code().code().starts_with("23"));
    if constraint {
        Error::conflict(format!(
            "media item {:?} ({}) conflicts with an existing item: {}",
            m.title,
            m.id,
            super::error::describe(&e)
        ))
    } else {
        e.into()
    }
}

/// The queries of one list page, by (type filter, search): `$1` profile, `$2`/`$3` the
/// cursor's (title, id), `$4` the limit, then the type, then the search patterns.
/// An item's [`MediaPlace`] as SQL: the ORDER BY of `media list` and the row its keyset
/// compares with the cursor's (`$2, $3, $5…$8`), titles by SQLite's NOCASE.
macro_rules! place {
    () => {
        "nocase(coalesce(s.title, m.title)), coalesce(m.parent_id, m.id), \
         m.parent_id IS NOT NULL, coalesce(m.season_number, -1), coalesce(m.episode_number, -1), m.id"
    };
}

macro_rules! page {
    ($($cond:literal),*) => {
        concat!(
            "SELECT ", cols!(), ", coalesce(s.title, m.title) FROM media m
             LEFT JOIN media s ON s.id = m.parent_id
             WHERE m.profile_id = $1 AND (", place!(), ") > (nocase($2), $3, $5, $6, $7, $8)",
            $($cond,)*
            " ORDER BY ", place!(), " LIMIT $4"
        )
    };
}

impl PgTx<'_> {
    fn media_write(&self, sql: &'static str, params: super::Params<'_>, m: &Media) -> Result<()> {
        let s = self.stmt(sql)?;
        self.txn
            .borrow_mut()
            .execute(&s, params)
            .map_err(|e| write_error(e, m))?;
        Ok(())
    }
}

impl MediaReads for PgTx<'_> {
    fn media_by_id(&self, id: &str) -> Result<Option<Media>> {
        first(self.opt(
            concat!("SELECT ", cols!(), " FROM media m WHERE m.id = $1"),
            &[&id],
        )?)
    }

    fn media_by_infohash(&self, profile_id: &str, infohash: &str) -> Result<Option<Media>> {
        first(self.opt(
            concat!(
                "SELECT ",
                cols!(),
                " FROM media m WHERE m.profile_id = $1 AND m.infohash = $2"
            ),
            &[&profile_id, &infohash],
        )?)
    }

    fn media_find(
        &self,
        profile_id: &str,
        key: &MediaKey<'_>,
        except_id: &str,
    ) -> Result<Option<Media>> {
        match key {
            MediaKey::Tmdb { kind, tmdb_id } => first(self.opt(
                concat!(
                    "SELECT ",
                    cols!(),
                    " FROM media m
                     WHERE m.profile_id = $1 AND m.type = $2 AND m.tmdb_id = $3 AND m.id <> $4
                     ORDER BY m.id LIMIT 1"
                ),
                &[&profile_id, &kind.as_str(), tmdb_id, &except_id],
            )?),
            MediaKey::Episode {
                parent_id,
                season,
                episode,
                without_tmdb,
            } => first(self.opt(
                concat!(
                    "SELECT ",
                    cols!(),
                    " FROM media m
                     WHERE m.parent_id = $1 AND m.season_number IS NOT DISTINCT FROM $2
                       AND m.episode_number = $3
                       AND m.profile_id = $4 AND m.type = 'episode'
                       AND (NOT $5 OR m.tmdb_id IS NULL) AND m.id <> $6
                     ORDER BY m.id LIMIT 1"
                ),
                &[
                    parent_id,
                    season,
                    episode,
                    &profile_id,
                    without_tmdb,
                    &except_id,
                ],
            )?),
            MediaKey::Title {
                kind,
                title,
                year,
                parent_id,
                without_tmdb,
            } => first(self.opt(
                concat!(
                    "SELECT ",
                    cols!(),
                    " FROM media m
                     WHERE m.profile_id = $1 AND m.type = $2 AND nocase(m.title) = nocase($3)
                       AND m.year IS NOT DISTINCT FROM $4
                       AND m.parent_id IS NOT DISTINCT FROM $5
                       AND (NOT $6 OR m.tmdb_id IS NULL) AND m.id <> $7
                     ORDER BY m.id LIMIT 1"
                ),
                &[
                    &profile_id,
                    &kind.as_str(),
                    title,
                    year,
                    parent_id,
                    without_tmdb,
                    &except_id,
                ],
            )?),
        }
    }

    fn media_children(&self, parent_id: &str, user_id: Option<&str>) -> Result<(i64, i64)> {
        let r = self.one(
            "SELECT count(*),
                    count(*) FILTER (WHERE added_by IS DISTINCT FROM $2 OR added_by IS NULL)
             FROM media WHERE parent_id = $1",
            &[&parent_id, &user_id],
        )?;
        Ok((r.int(0)?, r.int(1)?))
    }

    /// Descriptive only (see the module documentation): SQLite's √N rule, N being the
    /// planner's estimate of the rows of `media` (no count: 0 before the first ANALYZE).
    fn media_search_cap(&self) -> Result<i64> {
        let n = self
            .one(
                "SELECT greatest(c.reltuples, 0)::bigint FROM pg_class c
                  WHERE c.oid = to_regclass(quote_ident(current_schema()) || '.media')",
                &[],
            )?
            .int(0)?;
        let root = (n.max(0) as f64).sqrt().ceil() as i64;
        Ok(root.clamp(SEARCH_CAP_MIN, SEARCH_CAP_MAX))
    }

    /// Descriptive only (see the module documentation): `Index` when the trigram index
    /// can serve the term (3+ characters, `media_title_trgm` exists), else `Scan`. The
    /// planner may still walk the title index for a common term.
    fn media_search_plan(&self, term: &str) -> Result<SearchPlan> {
        if term.chars().count() < 3 {
            return Ok(SearchPlan::Scan);
        }
        let indexed = self
            .one(
                "SELECT to_regclass(quote_ident(current_schema()) || '.media_title_trgm') IS NOT NULL",
                &[],
            )?
            .flag(0)?;
        Ok(if indexed {
            SearchPlan::Index
        } else {
            SearchPlan::Scan
        })
    }

    fn media_window_end(
        &self,
        profile_id: &str,
        after: (&str, &str),
        size: i64,
    ) -> Result<Option<(String, String)>> {
        let offset = (size - 1).max(0);
        self.opt(
            "SELECT title, id FROM media WHERE profile_id = $1
               AND (nocase(title), id) > (nocase($2), $3)
             ORDER BY nocase(title), id LIMIT 1 OFFSET $4",
            &[&profile_id, &after.0, &after.1, &offset],
        )?
        .map(|r| Ok((r.text(0)?, r.text(1)?)))
        .transpose()
    }

    /// Whenever `pg_trgm`'s index can look the term up: the server's planner weighs its
    /// candidates itself (so the walk runs here only for terms it cannot answer).
    fn media_index_page(
        &self,
        q: &MediaQuery<'_>,
        _candidates: i64,
    ) -> Result<Option<Vec<(Media, MediaPlace)>>> {
        let Some(term) = q.search else {
            return Ok(None);
        };
        if self.media_search_plan(term)? != SearchPlan::Index {
            return Ok(None);
        }
        self.media_page(&MediaQuery {
            plan: Some(SearchPlan::Index),
            ..q.clone()
        })
        .map(Some)
    }

    fn media_page(&self, q: &MediaQuery<'_>) -> Result<Vec<(Media, MediaPlace)>> {
        let start = MediaPlace::start();
        let after = q.after.unwrap_or(&start);
        let kind = q.kind.map(MediaType::as_str);
        let patterns = q.search.map(search_patterns);
        let mut args: Vec<&(dyn ToSql + Sync)> = vec![
            &q.profile_id,
            &after.title,
            &after.group,
            &q.limit,
            &after.episode,
            &after.season,
            &after.number,
            &after.id,
        ];
        let sql = match (&kind, &patterns) {
            (None, None) => page!(),
            (Some(_), None) => page!(" AND m.type = $9"),
            (None, Some((_, None))) => page!(" AND fold(m.title) LIKE $9"),
            (Some(_), Some((_, None))) => page!(" AND m.type = $9", " AND fold(m.title) LIKE $10"),
            (None, Some((_, Some(_)))) => page!(
                " AND fold(m.title) LIKE $9",
                " AND fold(translate(m.title, 'Σ', 'σ')) LIKE $10"
            ),
            (Some(_), Some((_, Some(_)))) => page!(
                " AND m.type = $9",
                " AND fold(m.title) LIKE $10",
                " AND fold(translate(m.title, 'Σ', 'σ')) LIKE $11"
            ),
        };
        if let Some(kind) = &kind {
            args.push(kind);
        }
        if let Some((loose, exact)) = &patterns {
            args.push(loose);
            if let Some(exact) = exact {
                args.push(exact);
            }
        }
        self.query(sql, &args)?
            .iter()
            .map(|r| {
                let m = from_row(r)?;
                let place = MediaPlace::of(&m, r.text(15)?);
                Ok((m, place))
            })
            .collect()
    }

    fn media_heads(&self, q: &HeadQuery<'_>) -> Result<Vec<(Media, bool, bool)>> {
        let kind = match q.kinds {
            HeadKinds::Only(kind) => Some(kind.as_str()),
            _ => None,
        };
        let patterns = q.search.map(search_patterns);
        let mut args: Vec<&(dyn ToSql + Sync)> =
            vec![&q.profile_id, &q.after.0, &q.after.1, &q.limit];
        // Whether a title (of `m`, or of an episode `e`) contains the term: SQLite's
        // folding, as media_page tests it.
        let contains = |t: &str, args: &[&(dyn ToSql + Sync)]| match &patterns {
            None => "true".to_string(),
            Some((_, exact)) => {
                let n = args.len() + 1;
                let mut cond = format!("fold({t}.title) LIKE ${n}");
                if exact.is_some() {
                    cond.push_str(&format!(
                        " AND fold(translate({t}.title, 'Σ', 'σ')) LIKE ${}",
                        n + 1
                    ));
                }
                format!("({cond})")
            }
        };
        let (matched, in_episode) = (contains("m", &args), contains("e", &args));
        if let Some((loose, exact)) = &patterns {
            args.push(loose);
            if let Some(exact) = exact {
                args.push(exact);
            }
        }
        // A show with an episode to list: one probe of the parent index per show.
        let episodes = if q.episodes {
            format!(
                "(m.type = 'show' AND EXISTS (SELECT 1 FROM media e WHERE e.parent_id = m.id AND {in_episode}))"
            )
        } else {
            "false".to_string()
        };
        let mut sql = format!(
            "SELECT {}, {matched}, {episodes} FROM media m
             WHERE m.profile_id = $1 AND m.parent_id IS NULL
             AND (nocase(m.title), m.id) > (nocase($2), $3)",
            cols!()
        );
        if let Some(kind) = &kind {
            args.push(kind);
            sql.push_str(&format!(" AND m.type = ${}", args.len()));
        } else if q.kinds == HeadKinds::NotMovies {
            sql.push_str(" AND m.type <> 'movie'");
        }
        let (until_title, until_id) = q.until.unwrap_or(("", ""));
        if q.until.is_some() {
            args.push(&until_title);
            args.push(&until_id);
            sql.push_str(&format!(
                " AND (nocase(m.title), m.id) <= (nocase(${}), ${})",
                args.len() - 1,
                args.len()
            ));
        }
        if patterns.is_some() {
            sql.push_str(&format!(" AND ({matched} OR {episodes})"));
        }
        sql.push_str(" ORDER BY nocase(m.title), m.id LIMIT $4");
        self.query_dyn(&sql, &args)?
            .iter()
            .map(|r| Ok((from_row(r)?, r.flag(15)?, r.flag(16)?)))
            .collect()
    }

    fn media_episodes(
        &self,
        profile_id: &str,
        parent_id: &str,
        search: Option<&str>,
        after: (i64, i64, &str),
        limit: i64,
    ) -> Result<Vec<Media>> {
        macro_rules! episodes {
            ($($cond:literal),*) => {
                concat!(
                    "SELECT ", cols!(), " FROM media m WHERE m.parent_id = $1 AND m.profile_id = $6
                     AND (coalesce(m.season_number, -1), coalesce(m.episode_number, -1), m.id) > ($2, $3, $4)",
                    $($cond,)*
                    " ORDER BY coalesce(m.season_number, -1), coalesce(m.episode_number, -1), m.id LIMIT $5"
                )
            };
        }
        let patterns = search.map(search_patterns);
        let mut args: Vec<&(dyn ToSql + Sync)> = vec![
            &parent_id,
            &after.0,
            &after.1,
            &after.2,
            &limit,
            &profile_id,
        ];
        let sql = match &patterns {
            None => episodes!(),
            Some((_, None)) => episodes!(" AND fold(m.title) LIKE $7"),
            Some((_, Some(_))) => episodes!(
                " AND fold(m.title) LIKE $7",
                " AND fold(translate(m.title, 'Σ', 'σ')) LIKE $8"
            ),
        };
        if let Some((loose, exact)) = &patterns {
            args.push(loose);
            if let Some(exact) = exact {
                args.push(exact);
            }
        }
        self.query(sql, &args)?.iter().map(from_row).collect()
    }

    fn media_each(&self, visit: &mut dyn FnMut(Media, &str) -> Result<()>) -> Result<()> {
        for kind in MediaType::ALL {
            self.each(
                concat!(
                    "SELECT ",
                    cols!(),
                    ", p.slug FROM media m JOIN profiles p ON p.id = m.profile_id
                     WHERE m.type = $1 ORDER BY m.id"
                ),
                &[&kind],
                &mut |r| {
                    let slug = r.text(15)?;
                    visit(from_row(r)?, &slug)?;
                    Ok(true)
                },
            )?;
        }
        Ok(())
    }
}

impl MediaWrites for PgTx<'_> {
    fn media_insert(&self, m: &Media) -> Result<()> {
        self.media_write(
            "INSERT INTO media (id, profile_id, type, title, year, tmdb_id, imdb_id, infohash,
                 file_path, parent_id, season_number, episode_number, status, added_by, added_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
            &[
                &m.id,
                &m.profile_id,
                &m.kind.as_str(),
                &m.title,
                &m.year,
                &m.tmdb_id,
                &m.imdb_id,
                &m.infohash,
                &m.file_path,
                &m.parent_id,
                &m.season_number,
                &m.episode_number,
                &m.status,
                &m.added_by,
                &ts(&m.added_at)?,
            ],
            m,
        )
    }

    fn media_update(&self, m: &Media) -> Result<()> {
        self.media_write(
            "UPDATE media SET title = $2, year = $3, tmdb_id = $4, imdb_id = $5, infohash = $6,
                 file_path = $7, parent_id = $8, season_number = $9, episode_number = $10,
                 status = $11
             WHERE id = $1",
            &[
                &m.id,
                &m.title,
                &m.year,
                &m.tmdb_id,
                &m.imdb_id,
                &m.infohash,
                &m.file_path,
                &m.parent_id,
                &m.season_number,
                &m.episode_number,
                &m.status,
            ],
            m,
        )
    }

    fn media_delete(&self, id: &str) -> Result<()> {
        self.exec("DELETE FROM media WHERE id = $1", &[&id])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_are_escaped() {
        assert_eq!(like_escape(r"50%_off\x"), r"50\%\_off\\x");
        assert_eq!(search_patterns("Dark K"), ("%dark k%".to_string(), None));
        assert_eq!(search_patterns("a_b"), (r"%a\_b%".to_string(), None));
    }

    #[test]
    fn a_sigma_is_matched_in_two_steps() {
        assert_eq!(
            search_patterns("ΟΔΟΣ"),
            ("%οδο_%".to_string(), Some("%οδοσ%".to_string()))
        );
        assert_eq!(
            search_patterns("ς%"),
            ("%_\\%%".to_string(), Some("%ς\\%%".to_string()))
        );
    }
}
