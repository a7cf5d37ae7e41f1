//! Media items: lookups by id and by natural key, writes, and the keyset-paginated list
//! with its title search.
//!
//! Search is a case-insensitive substring match on the title, answered one of two ways,
//! chosen per query by [`Tx::media_search_plan`]:
//!
//! - [`SearchPlan::Index`]: the trigram index `media_fts` finds the titles that may contain
//!   the term, which are then looked up, tested, filtered to the profile and sorted. It
//!   costs the index's work on the term's trigrams plus about 1-2 µs per candidate, so it
//!   is used only when the index says the candidates are few — a rare term.
//! - [`SearchPlan::Scan`]: walk the profile's (title, id) index in list order from the
//!   cursor and keep the titles that match, stopping when the page is full. It costs
//!   0.1-0.2 µs per title walked, that is the page size divided by the share of titles that
//!   match, so it is used for common terms, and for terms shorter than three characters,
//!   which a trigram index cannot look up.
//!
//! With N items in the database and G of them containing the term, spread evenly, the
//! index costs about k·G and the scan s·page·N/G; they cross near G = √(page·N·s/k), about
//! √N for the measured s and k (BENCHMARKS.md, "Media listing"). `media list` asks the index
//! first for at most 4·[`Tx::media_search_cap`] ≈ 4·√N candidates
//! ([`MediaReads::media_index_page`]: more, and it walks), since matches are not always
//! spread evenly: a few gathered far into a large library would make the walk read
//! everything before them. The walk reads a window of titles at a time and asks the index
//! again after each (`actions::media::walk`), so a term common in the rest of the database
//! but rare in a large profile no longer costs a pass over that profile.
//!
//! Both plans end with the same test, `roster_contains(title, term)` (Unicode lower-case
//! on both sides, registered by [`register_functions`]), so they return exactly the same
//! items; the trigram index only narrows the candidates. `media list` asks it for the
//! titles holding the term's rare trigrams, not for the phrase
//! ([`SqliteTx::rare_trigrams`]): FTS5 matches a phrase by walking the postings of all its
//! trigrams, the common ones too.

use std::rc::Rc;

use rusqlite::functions::FunctionFlags;
use rusqlite::types::{ToSql, Value as SqlValue};
use rusqlite::vtab::array::Array;
use rusqlite::{Connection, params};

use super::{SqliteTx, absent, one};
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
const COLS: &str = cols!();

/// An item's group title in `media list` (its show's, for an episode of one).
const GROUP_TITLE: &str = "coalesce(s.title, m.title)";

/// An item's [`MediaPlace`] as SQL, the ORDER BY of `media list` and the row its keyset
/// compares with the cursor's: NOCASE titles, as the column compares.
const PLACE: &str = "coalesce(s.title, m.title) COLLATE NOCASE, coalesce(m.parent_id, m.id), \
     m.parent_id IS NOT NULL, coalesce(m.season_number, -1), coalesce(m.episode_number, -1), m.id";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Media> {
    let kind: String = r.get(2)?;
    let kind = MediaType::parse(&kind).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("unknown media type {kind:?}").into(),
        )
    })?;
    Ok(Media {
        id: r.get(0)?,
        profile_id: r.get(1)?,
        kind,
        title: r.get(3)?,
        year: r.get(4)?,
        tmdb_id: r.get(5)?,
        imdb_id: r.get(6)?,
        infohash: r.get(7)?,
        file_path: r.get(8)?,
        parent_id: r.get(9)?,
        season_number: r.get(10)?,
        episode_number: r.get(11)?,
        status: r.get(12)?,
        added_by: r.get(13)?,
        added_at: r.get(14)?,
    })
}

/// Lower-cases every character (Unicode), the one folding search uses on both sides.
pub fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// True when `haystack`, folded, contains `folded_needle`. ASCII titles, the common case,
/// are compared in place without allocating.
pub fn contains_folded(haystack: &str, folded_needle: &str) -> bool {
    if folded_needle.is_empty() {
        return true;
    }
    if haystack.is_ascii() && folded_needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), folded_needle.as_bytes());
        return n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    fold(haystack).contains(folded_needle)
}

/// Registers `roster_contains(text, folded_term)` on a connection, and `rarray(?)`, the
/// table of a bound list of values (the index's candidates for a page). Queries only: no schema
/// object refers to it, so other programs can read the file without it.
pub fn register_functions(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        "roster_contains",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let haystack = ctx.get_raw(0);
            let needle = ctx.get_raw(1);
            match (haystack.as_str_or_null()?, needle.as_str_or_null()?) {
                (Some(h), Some(n)) => Ok(contains_folded(h, n)),
                _ => Ok(false),
            }
        },
    )?;
    rusqlite::vtab::array::load_module(conn)?;
    Ok(())
}

/// The FTS5 query for a substring: one quoted phrase, so no character of the term is read
/// as query syntax.
fn phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

fn insert_error(e: rusqlite::Error, m: &Media) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => Error::conflict(format!(
            "media item {:?} ({}) conflicts with an existing item: {e}",
            m.title, m.id
        )),
        _ => e.into(),
    }
}

impl MediaReads for SqliteTx<'_> {
    fn media_by_id(&self, id: &str) -> Result<Option<Media>> {
        if self.media_surely_absent(|| absent::media_id(id))? {
            return Ok(None);
        }
        one(
            self.conn,
            concat!("SELECT ", cols!(), " FROM media m WHERE m.id = ?1"),
            [id],
            from_row,
        )
    }

    fn media_by_infohash(&self, profile_id: &str, infohash: &str) -> Result<Option<Media>> {
        if self.media_surely_absent(|| absent::media_infohash(profile_id, infohash))? {
            return Ok(None);
        }
        one(
            self.conn,
            concat!(
                "SELECT ",
                cols!(),
                " FROM media m WHERE m.profile_id = ?1 AND m.infohash = ?2"
            ),
            [profile_id, infohash],
            from_row,
        )
    }

    fn media_find(
        &self,
        profile_id: &str,
        key: &MediaKey<'_>,
        except_id: &str,
    ) -> Result<Option<Media>> {
        let probe = || match key {
            MediaKey::Tmdb { kind, tmdb_id } => {
                absent::media_tmdb(profile_id, kind.as_str(), *tmdb_id)
            }
            MediaKey::Episode {
                parent_id,
                season,
                episode,
                ..
            } => absent::media_episode(parent_id, *season, *episode),
            MediaKey::Title { kind, title, .. } => {
                absent::media_title(profile_id, kind.as_str(), title)
            }
        };
        if self.media_surely_absent(probe)? {
            return Ok(None);
        }
        match key {
            MediaKey::Tmdb { kind, tmdb_id } => one(
                self.conn,
                concat!(
                    "SELECT ",
                    cols!(),
                    " FROM media m
                     WHERE m.profile_id = ?1 AND m.type = ?2 AND m.tmdb_id = ?3 AND m.id <> ?4"
                ),
                params![profile_id, kind.as_str(), tmdb_id, except_id],
                from_row,
            ),
            MediaKey::Episode {
                parent_id,
                season,
                episode,
                without_tmdb,
            } => one(
                self.conn,
                concat!(
                    "SELECT ",
                    cols!(),
                    " FROM media m
                     WHERE m.parent_id = ?1 AND m.season_number IS ?2 AND m.episode_number = ?3
                       AND m.profile_id = ?4 AND m.type = 'episode'
                       AND (?5 = 0 OR m.tmdb_id IS NULL) AND m.id <> ?6
                     ORDER BY m.id LIMIT 1"
                ),
                params![
                    parent_id,
                    season,
                    episode,
                    profile_id,
                    without_tmdb,
                    except_id
                ],
                from_row,
            ),
            MediaKey::Title {
                kind,
                title,
                year,
                parent_id,
                without_tmdb,
            } => one(
                self.conn,
                concat!(
                    "SELECT ",
                    cols!(),
                    " FROM media m
                     WHERE m.profile_id = ?1 AND m.type = ?2 AND m.title = ?3 AND m.year IS ?4
                       AND m.parent_id IS ?5 AND (?6 = 0 OR m.tmdb_id IS NULL) AND m.id <> ?7
                     ORDER BY m.id LIMIT 1"
                ),
                params![
                    profile_id,
                    kind.as_str(),
                    title,
                    year,
                    parent_id,
                    without_tmdb,
                    except_id
                ],
                from_row,
            ),
        }
    }

    fn media_children(&self, parent_id: &str, user_id: Option<&str>) -> Result<(i64, i64)> {
        Ok(self
            .stmt(
                "SELECT count(*), count(*) FILTER (WHERE added_by IS NOT ?2 OR added_by IS NULL)
                 FROM media WHERE parent_id = ?1",
            )?
            .query_row(params![parent_id, user_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    fn media_search_cap(&self) -> Result<i64> {
        let n = self.media_items()?;
        let root = (n.max(0) as f64).sqrt().ceil() as i64;
        Ok(root.clamp(SEARCH_CAP_MIN, SEARCH_CAP_MAX))
    }

    fn media_search_plan(&self, term: &str) -> Result<SearchPlan> {
        if term.chars().count() < 3 {
            return Ok(SearchPlan::Scan);
        }
        let cap = self.media_search_cap()?;
        let candidates = self.fts_rowids(&phrase(term), cap)?.len() as i64;
        Ok(if candidates < cap {
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
        // Along the (profile_id, title, id) index alone: no row is read.
        let mut stmt = self.stmt(
            "SELECT title, id FROM media INDEXED BY media_by_title
             WHERE profile_id = ?1 AND (title, id) > (?2, ?3)
             ORDER BY title, id LIMIT 1 OFFSET ?4",
        )?;
        let mut rows = stmt.query(params![profile_id, after.0, after.1, (size - 1).max(0)])?;
        Ok(match rows.next()? {
            Some(r) => Some((r.get(0)?, r.get(1)?)),
            None => None,
        })
    }

    /// The index is asked for the candidates' rowids, fewer than `candidates` of them,
    /// which the page's query then looks up and tests (so no posting list is read twice):
    /// the titles holding the term's rarest trigrams ([`SqliteTx::rare_trigrams`]), or,
    /// when none is rare, the titles FTS5 matches the whole phrase in.
    fn media_index_page(
        &self,
        q: &MediaQuery<'_>,
        candidates: i64,
    ) -> Result<Option<Vec<(Media, MediaPlace)>>> {
        let Some(term) = q.search else {
            return Ok(None);
        };
        if !self.search_index || term.chars().count() < 3 {
            return Ok(None);
        }
        let candidates = candidates.max(0);
        let rowids = match self.rare_trigrams(term, candidates)? {
            Rarity::Absent => return Ok(Some(Vec::new())),
            Rarity::Rare(rowids) => rowids,
            Rarity::Phrase => {
                let rowids = self.fts_rowids(&phrase(term), candidates)?;
                if rowids.len() as i64 >= candidates {
                    return Ok(None);
                }
                rowids
            }
        };
        let list = Rc::new(rowids.into_iter().map(SqlValue::from).collect());
        self.page(q, Some(list)).map(Some)
    }

    fn media_page(&self, q: &MediaQuery<'_>) -> Result<Vec<(Media, MediaPlace)>> {
        self.page(q, None)
    }

    fn media_heads(&self, q: &HeadQuery<'_>) -> Result<Vec<(Media, bool, bool)>> {
        let mut args: Vec<SqlValue> = vec![
            q.profile_id.to_string().into(),
            q.after.0.to_string().into(),
            q.after.1.to_string().into(),
            q.limit.into(),
        ];
        // ?5: the folded search term, or NULL (every title matches).
        args.push(q.search.map(fold).into());
        const MATCHED: &str = "(?5 IS NULL OR roster_contains(m.title, ?5))";
        // A show with an episode to list: one probe of the parent index per show.
        let episodes = if q.episodes {
            "(m.type = 'show' AND EXISTS (SELECT 1 FROM media e WHERE e.parent_id = m.id
               AND (?5 IS NULL OR roster_contains(e.title, ?5))))"
        } else {
            "0"
        };
        // `+m.parent_id`: never the parent index (NULL for most rows), always the title
        // index, in list order.
        let mut sql = format!(
            "SELECT {COLS}, {MATCHED}, {episodes} FROM media m
             WHERE m.profile_id = ?1 AND +m.parent_id IS NULL AND (m.title, m.id) > (?2, ?3)"
        );
        match q.kinds {
            HeadKinds::All => {}
            HeadKinds::Only(kind) => {
                args.push(kind.as_str().to_string().into());
                sql.push_str(&format!(" AND m.type = ?{}", args.len()));
            }
            HeadKinds::NotMovies => sql.push_str(" AND m.type <> 'movie'"),
        }
        if let Some((title, id)) = q.until {
            args.push(title.to_string().into());
            args.push(id.to_string().into());
            sql.push_str(&format!(
                " AND (m.title, m.id) <= (?{}, ?{})",
                args.len() - 1,
                args.len()
            ));
        }
        if q.search.is_some() {
            sql.push_str(&format!(" AND ({MATCHED} OR {episodes})"));
        }
        sql.push_str(" ORDER BY m.title, m.id LIMIT ?4");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((from_row(r)?, r.get::<_, bool>(15)?, r.get::<_, bool>(16)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn media_episodes(
        &self,
        profile_id: &str,
        parent_id: &str,
        search: Option<&str>,
        after: (i64, i64, &str),
        limit: i64,
    ) -> Result<Vec<Media>> {
        const ORDER: &str = "coalesce(m.season_number, -1), coalesce(m.episode_number, -1), m.id";
        let search_sql = if search.is_some() {
            " AND roster_contains(m.title, ?6)"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {COLS} FROM media m WHERE m.parent_id = ?1 AND m.profile_id = ?7
             AND ({ORDER}) > (?2, ?3, ?4){search_sql}
             ORDER BY {ORDER} LIMIT ?5"
        );
        let mut args: Vec<SqlValue> = vec![
            parent_id.to_string().into(),
            after.0.into(),
            after.1.into(),
            after.2.to_string().into(),
            limit.into(),
            // ?6, unused without a search.
            SqlValue::Null,
            profile_id.to_string().into(),
        ];
        if let Some(term) = search {
            args[5] = fold(term).into();
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn media_each(&self, visit: &mut dyn FnMut(Media, &str) -> Result<()>) -> Result<()> {
        let sql = format!(
            "SELECT {COLS}, p.slug FROM media m INDEXED BY sqlite_autoindex_media_1
             JOIN profiles p ON p.id = m.profile_id WHERE m.type = ?1 ORDER BY m.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        for kind in MediaType::ALL {
            let mut rows = stmt.query([kind])?;
            while let Some(r) = rows.next()? {
                let m = from_row(r)?;
                let slug: String = r.get(15)?;
                visit(m, &slug)?;
            }
        }
        Ok(())
    }
}

impl MediaWrites for SqliteTx<'_> {
    fn media_insert(&self, m: &Media) -> Result<()> {
        let mut stmt = self.stmt(
            "INSERT INTO media (id, profile_id, type, title, year, tmdb_id, imdb_id, infohash,
                 file_path, parent_id, season_number, episode_number, status, added_by, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?;
        stmt.execute(params![
            m.id,
            m.profile_id,
            m.kind.as_str(),
            m.title,
            m.year,
            m.tmdb_id,
            m.imdb_id,
            m.infohash,
            m.file_path,
            m.parent_id,
            m.season_number,
            m.episode_number,
            m.status,
            m.added_by,
            m.added_at
        ])
        .map_err(|e| insert_error(e, m))?;
        self.media_written(m);
        // Indexed here rather than by an AFTER INSERT trigger: a trigger makes the INSERT a
        // statement with its own savepoint, and FTS5 flushes its pending terms to disk at
        // every savepoint, which made each media insert write a new index segment.
        if self.search_index {
            let rowid = self.conn.last_insert_rowid();
            self.stmt("INSERT INTO media_fts (rowid, title) VALUES (?1, ?2)")?
                .execute(params![rowid, m.title])?;
        }
        self.tapped(|| crate::store::Written::Media(m.clone()))?;
        Ok(())
    }

    fn media_update(&self, m: &Media) -> Result<()> {
        self.untapped(crate::store::table::MEDIA);
        self.media_written(m);
        let mut stmt = self.stmt(
            "UPDATE media SET title = ?2, year = ?3, tmdb_id = ?4, imdb_id = ?5, infohash = ?6,
                 file_path = ?7, parent_id = ?8, season_number = ?9, episode_number = ?10,
                 status = ?11
             WHERE id = ?1",
        )?;
        stmt.execute(params![
            m.id,
            m.title,
            m.year,
            m.tmdb_id,
            m.imdb_id,
            m.infohash,
            m.file_path,
            m.parent_id,
            m.season_number,
            m.episode_number,
            m.status
        ])
        .map_err(|e| insert_error(e, m))?;
        Ok(())
    }

    fn media_delete(&self, id: &str) -> Result<()> {
        self.untapped(crate::store::table::MEDIA);
        self.stmt("DELETE FROM media WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }
}

impl SqliteTx<'_> {
    /// Whether no media row has this key ([`absent`]): then the look-up is not made.
    fn media_surely_absent(&self, key: impl FnOnce() -> u64) -> Result<bool> {
        self.absent_media.borrow_mut().surely(self.conn, key)
    }

    /// Records the keys of a media row just written.
    fn media_written(&self, m: &Media) {
        let mut absent = self.absent_media.borrow_mut();
        for key in absent::media_keys(m) {
            absent.add(key);
        }
    }

    /// [`MediaReads::media_page`]; with `rowids`, over those items only:
    /// the candidates [`MediaReads::media_index_page`] found.
    fn page(&self, q: &MediaQuery<'_>, rowids: Option<Array>) -> Result<Vec<(Media, MediaPlace)>> {
        // The plan the caller asked for (the index's plan, or the scan's SQL without one).
        let plan = q.search.and(q.plan);
        let start = MediaPlace::start();
        let after = q.after.unwrap_or(&start);
        let mut args: Vec<SqlValue> = vec![
            q.profile_id.to_string().into(),
            after.title.clone().into(),
            after.group.clone().into(),
            q.limit.into(),
            i64::from(after.episode).into(),
            after.season.into(),
            after.number.into(),
            after.id.clone().into(),
        ];
        // The candidates' parameter, bound apart: a list is no SQL value.
        let mut list_at = None;
        let mut sql = match (&rowids, plan) {
            (Some(_), _) => {
                args.push(SqlValue::Null);
                list_at = Some(args.len() - 1);
                format!(
                    "SELECT {COLS}, {GROUP_TITLE} FROM rarray(?{}) c CROSS JOIN media m ON m.rowid = c.value
                     LEFT JOIN media s ON s.id = m.parent_id
                     WHERE m.profile_id = ?1",
                    args.len()
                )
            }
            (None, Some(SearchPlan::Index)) => {
                args.push(phrase(q.search.unwrap_or_default()).into());
                format!(
                    "SELECT {COLS}, {GROUP_TITLE} FROM media_fts f CROSS JOIN media m ON m.rowid = f.rowid
                     LEFT JOIN media s ON s.id = m.parent_id
                     WHERE f.media_fts MATCH ?{} AND m.profile_id = ?1",
                    args.len()
                )
            }
            _ => format!(
                "SELECT {COLS}, {GROUP_TITLE} FROM media m LEFT JOIN media s ON s.id = m.parent_id
                 WHERE m.profile_id = ?1"
            ),
        };
        sql.push_str(&format!(" AND ({PLACE}) > (?2, ?3, ?5, ?6, ?7, ?8)"));
        if let Some(kind) = q.kind {
            args.push(kind.as_str().to_string().into());
            sql.push_str(&format!(" AND m.type = ?{}", args.len()));
        }
        if let Some(term) = q.search {
            args.push(fold(term).into());
            sql.push_str(&format!(" AND roster_contains(m.title, ?{})", args.len()));
        }
        sql.push_str(&format!(" ORDER BY {PLACE} LIMIT ?4"));
        let params = args
            .iter()
            .enumerate()
            .map(|(i, a)| match (&rowids, list_at) {
                (Some(list), Some(at)) if at == i => list as &dyn ToSql,
                _ => a as &dyn ToSql,
            });
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            let m = from_row(r)?;
            let title: String = r.get(15)?;
            Ok((m, title))
        })?;
        let rows: Vec<(Media, String)> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(rows
            .into_iter()
            .map(|(m, title)| {
                let place = MediaPlace::of(&m, title);
                (m, place)
            })
            .collect())
    }
}

/// What the index says of a term's trigrams ([`SqliteTx::rare_trigrams`]).
#[derive(Debug, PartialEq)]
enum Rarity {
    /// A trigram of the term is in no title: nothing matches.
    Absent,
    /// The rowids of the titles holding every trigram read (fewer than the limit asked
    /// with), ascending: a superset of the titles containing the term.
    Rare(Vec<i64>),
    /// Asking for trigrams would not be quicker than for the phrase.
    Phrase,
}

/// How the index's trigrams are weighed ([`SqliteTx::index_weights`]).
struct Weights {
    /// The largest segments, with their last leaf page.
    segments: Vec<(i64, i64)>,
    /// Postings a leaf page holds, on average.
    per_page: f64,
}

/// The leaf pages a trigram's postings can span ([`SqliteTx::trigram_pages`]).
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    /// At most this many: the weight trigrams are read in order of.
    most: i64,
    /// The pages between two that start terms, wholly one term's postings (the trigram's,
    /// or a term's that starts after it on the same page): how common it likely is. Pages
    /// after a segment's last term-starting page are left out, since which term fills
    /// them is not known.
    filled: i64,
}

/// Weighing looks at this many of the index's segments at most, the largest: FTS5 merges
/// small segments into larger ones, so these hold nearly every posting.
const SEGMENTS_WEIGHED: usize = 4;

/// Trigrams are weighed in a database of this many media items or more
/// ([`SqliteTx::rare_trigrams`]); below, the phrase is asked for. The crate's own tests
/// weigh them in any library, so that their small ones take the rare trigrams' path.
#[cfg(not(test))]
const WEIGHED_FROM: i64 = 50_000;
#[cfg(test)]
const WEIGHED_FROM: i64 = 0;

/// The trigrams read with the lightest span at most this many times its pages: one
/// that spans more costs more postings to step through than the candidates it would rule
/// out cost to look up (1-2 µs each, against a fraction of that a posting).
const LIGHT_SPAN: i64 = 4;

/// At most this many of the lightest trigrams are read.
const LIGHT_READ: usize = 5;

/// At most this many of a term's trigrams are weighed (spread evenly over it): a longer
/// term has rare ones among them as surely, and weighing costs a few look-ups each.
const TRIGRAMS_WEIGHED: usize = 16;

/// The distinct trigrams of `term` (of characters, as FTS5's trigram tokenizer cuts them),
/// at most [`TRIGRAMS_WEIGHED`], spread evenly from its first to its last.
fn trigrams(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let windows = chars.len().saturating_sub(2);
    let picks = windows.min(TRIGRAMS_WEIGHED);
    let mut out: Vec<String> = Vec::new();
    for k in 0..picks {
        let at = if picks > 1 {
            k * (windows - 1) / (picks - 1)
        } else {
            0
        };
        let t: String = chars[at..at + 3].iter().collect();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// A trigram as FTS5 keys it in its `%_idx` table: the main index's prefix byte `0`, then
/// the trigram folded as the tokenizer folds it (ASCII exactly; other letters by their
/// simple lower case, close enough for an estimate).
fn idx_key(trigram: &str) -> Vec<u8> {
    let mut key = String::from("0");
    for c in trigram.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => key.push(l),
            _ => key.push(c),
        }
    }
    key.into_bytes()
}

impl SqliteTx<'_> {
    /// About how many media items the database holds, one look-up: the largest rowid
    /// (deletes below it leave it as it was).
    fn media_items(&self) -> Result<i64> {
        Ok(self
            .stmt("SELECT coalesce(max(rowid), 0) FROM media")?
            .query_row([], |r| r.get(0))?)
    }

    /// The rowids of the titles FTS5 finds for `query`, at most `limit`, ascending.
    fn fts_rowids(&self, query: &str, limit: i64) -> Result<Vec<i64>> {
        let mut stmt =
            self.stmt("SELECT rowid FROM media_fts WHERE media_fts MATCH ?1 LIMIT ?2")?;
        let mut rows = stmt.query(params![query, limit])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(r.get::<_, i64>(0)?);
        }
        out.sort_unstable();
        Ok(out)
    }

    /// What [`Self::trigram_pages`] weighs with: the index's largest segments (at most
    /// [`SEGMENTS_WEIGHED`]), each with its last leaf page, the largest `%_data` id of the
    /// segment (FTS5 numbers a leaf `segid << 37` plus its page), and the postings a leaf
    /// page holds on average, from FTS5's averages record (`%_data` id 1: two varints, the
    /// rows and the trigrams indexed) over all leaf pages. None when FTS5's tables cannot
    /// be read so; the phrase is then asked for.
    fn index_weights(&self) -> Option<Weights> {
        let mut stmt = self
            .stmt(
                // The segments one seek each (not a scan of the whole `%_idx`).
                "WITH RECURSIVE s(segid) AS (
                     SELECT min(segid) FROM media_fts_idx
                     UNION ALL
                     SELECT (SELECT min(segid) FROM media_fts_idx WHERE segid > s.segid)
                     FROM s WHERE s.segid IS NOT NULL)
                 SELECT segid, (SELECT max(id) - (segid << 37) FROM media_fts_data
                                WHERE id BETWEEN segid << 37 AND (segid << 37) + (1 << 31) - 1)
                 FROM s WHERE segid IS NOT NULL",
            )
            .ok()?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(1)))
            })
            .ok()?;
        let mut segments: Vec<(i64, i64)> = rows.collect::<rusqlite::Result<_>>().ok()?;
        let pages = segments
            .iter()
            .fold(0i64, |sum, (_, last)| sum.saturating_add(*last));
        let averages: Vec<u8> = self
            .stmt("SELECT block FROM media_fts_data WHERE id = 1")
            .ok()?
            .query_row([], |r| r.get(0))
            .ok()?;
        let mut at = &averages[..];
        let _rows = varint(&mut at)?;
        let postings = varint(&mut at)?;
        segments.sort_by_key(|(_, last)| std::cmp::Reverse(*last));
        segments.truncate(SEGMENTS_WEIGHED);
        Some(Weights {
            segments,
            per_page: postings as f64 / pages.max(1) as f64,
        })
    }

    /// How many leaf pages each trigram's postings span, summed over the index's largest
    /// segments ([`Self::index_weights`]), from FTS5's `%_idx` table: it has a row per leaf
    /// page that starts a term (`pgno` is the page number shifted left one bit), so the
    /// postings of a term lie between the page whose first term is at most it and the next
    /// such page, or the segment's last leaf. Two look-ups a segment, however common the
    /// trigram. The answer is one [`Span`] a trigram; None when the table cannot be read so.
    fn trigram_pages(&self, weights: &Weights, trigrams: &[String]) -> Option<Vec<Span>> {
        // One statement for every (trigram, segment) pair, each row two seeks.
        let mut stmt = self
            .stmt(
                "SELECT k.rowid - 1, s.rowid - 1,
                        (SELECT pgno >> 1 FROM media_fts_idx WHERE segid = s.value
                         AND term <= k.value ORDER BY term DESC LIMIT 1),
                        (SELECT pgno >> 1 FROM media_fts_idx WHERE segid = s.value
                         AND term > k.value ORDER BY term LIMIT 1)
                 FROM rarray(?1) k, rarray(?2) s",
            )
            .ok()?;
        let keys: Array = Rc::new(
            trigrams
                .iter()
                .map(|t| SqlValue::Blob(idx_key(t)))
                .collect(),
        );
        let segids: Array = Rc::new(
            weights
                .segments
                .iter()
                .map(|&(segid, _)| SqlValue::Integer(segid))
                .collect(),
        );
        let mut spans = vec![Span::default(); trigrams.len()];
        let mut rows = stmt.query(params![keys, segids]).ok()?;
        while let Some(r) = rows.next().ok()? {
            let (k, seg): (i64, i64) = (r.get(0).ok()?, r.get(1).ok()?);
            let (k, seg) = (usize::try_from(k).ok()?, usize::try_from(seg).ok()?);
            let (from, to): (Option<i64>, Option<i64>) = (r.get(2).ok()?, r.get(3).ok()?);
            let (span, last) = (spans.get_mut(k)?, weights.segments.get(seg)?.1);
            let from = from.unwrap_or(1);
            // Saturating: the numbers are read from the file.
            let most = to.unwrap_or(last).saturating_sub(from).saturating_add(1);
            span.most = span.most.saturating_add(most.max(0));
            if let Some(to) = to {
                span.filled = span
                    .filled
                    .saturating_add(to.saturating_sub(from).saturating_sub(1).max(0));
            }
        }
        Some(spans)
    }

    /// The titles holding the term's rare trigrams, found without reading the postings of
    /// its common ones: a title containing the term holds every trigram of it, so the
    /// titles holding all the rare ones are a superset of the matches, no larger than the
    /// rarest's list (`page` then tests each with `roster_contains`). The trigrams are
    /// weighed first by the pages their postings span ([`Self::trigram_pages`]); the
    /// lightest and those spanning at most [`LIGHT_SPAN`] times its pages (at most
    /// [`LIGHT_READ`]) are then asked for together, up to `limit` titles: with fewer, those
    /// are the candidates. When the trigrams weigh alike, the lightest is likely to hold four
    /// times `limit`, or the light ones together hold `limit`, the phrase is asked for, as
    /// before (a term of common trigrams reads none). Only speed depends on these: which
    /// trigrams are read never changes the page, since `page` tests every candidate. This
    /// is what keeps a phrase of trigrams that are in nearly every title (`Film 0123` among
    /// `Film 0000000`…) from costing FTS5 a walk through all their postings to match
    /// positions.
    fn rare_trigrams(&self, term: &str, limit: i64) -> Result<Rarity> {
        // A small library's phrase is quick whatever its trigrams; weighing them would cost
        // more than it could save. (No candidate asked for: nothing to weigh for.)
        if limit < 1 || self.media_items()? < WEIGHED_FROM {
            return Ok(Rarity::Phrase);
        }
        let weights = self.index_weights();
        let trigrams = trigrams(term);
        let spans = weights
            .as_ref()
            .and_then(|w| self.trigram_pages(w, &trigrams))
            .unwrap_or_else(|| vec![Span::default(); trigrams.len()]);
        let mut weighed: Vec<(Span, String)> = spans.into_iter().zip(trigrams).collect();
        // Stable: equal weights keep the term's order.
        weighed.sort_by_key(|(span, _)| span.most);
        let per_page = weights.as_ref().map_or(0.0, |w| w.per_page);
        // Likely to hold four times the limit: not worth reading.
        let heavy = |span: &Span| (span.filled as f64 * per_page) as i64 >= limit.saturating_mul(4);
        let Some((first, _)) = weighed.first() else {
            return Ok(Rarity::Phrase);
        };
        // All about as heavy (or not weighed): the phrase reads no list much longer than
        // the lightest's, so it is asked for as it is.
        let heaviest = weighed.last().map_or(0, |(span, _)| span.most);
        if heavy(first) || heaviest < first.most.max(1).saturating_mul(2) {
            return Ok(Rarity::Phrase);
        }
        // The lightest and those about as light (ties are common: a page holds hundreds
        // of postings), asked for together: FTS5 steps their lists side by side.
        let light: Vec<String> = weighed
            .iter()
            .take_while(|(span, _)| span.most <= first.most.max(1).saturating_mul(LIGHT_SPAN))
            .take(LIGHT_READ)
            .map(|(_, t)| phrase(t))
            .collect();
        let rowids = self.fts_rowids(&light.join(" AND "), limit)?;
        Ok(if rowids.is_empty() {
            Rarity::Absent
        } else if rowids.len() as i64 >= limit {
            Rarity::Phrase
        } else {
            Rarity::Rare(rowids)
        })
    }
}

/// Reads one SQLite varint (big-endian, 7 bits a byte, the ninth byte whole), as FTS5
/// writes its records, and moves past it. None when the bytes end first.
fn varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut v: u64 = 0;
    for i in 0..9 {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        if i == 8 {
            return Some((v << 8) | u64::from(b));
        }
        v = (v << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_unicode_and_ascii_is_fast_path() {
        assert!(contains_folded("The Dark Knight", "dark k"));
        assert!(contains_folded("THE DARK KNIGHT", &fold("Dark")));
        assert!(!contains_folded("The Dark Knight", "light"));
        assert!(contains_folded("МАТРИЦА", &fold("Матрица")));
        assert!(contains_folded("Amélie", &fold("AMÉLIE")));
        assert!(contains_folded("anything", ""));
        assert!(!contains_folded("ab", "abc"));
    }

    #[test]
    fn trigrams_are_of_characters_distinct_and_spread_over_a_long_term() {
        assert_eq!(
            trigrams("Film 0123"),
            ["Fil", "ilm", "lm ", "m 0", " 01", "012", "123"]
        );
        assert_eq!(trigrams("aaaaa"), ["aaa"]);
        assert_eq!(trigrams("Amélie"), ["Amé", "mél", "éli", "lie"]);
        assert!(trigrams("ab").is_empty());
        let long = "abcdefghijklmnopqrstuvwxyz";
        let picked = trigrams(long);
        assert_eq!(picked.len(), TRIGRAMS_WEIGHED);
        assert_eq!((picked[0].as_str(), picked[15].as_str()), ("abc", "xyz"));
    }

    #[test]
    fn index_keys_are_the_main_index_byte_then_the_folded_trigram() {
        assert_eq!(idx_key("FiL"), b"0fil");
        assert_eq!(idx_key("ÉCO"), "0éco".as_bytes());
    }

    /// `Film 00000`…`Film 59999`, in one segment.
    fn films(dir: &std::path::Path) -> crate::store::sqlite::SqliteStore {
        let path = dir.join("films.db");
        let mut store =
            crate::store::sqlite::SqliteStore::open(&path, crate::store::OpenMode::Create, 1000)
                .unwrap();
        store
            .write(|tx| {
                tx.conn.execute_batch(
                    "INSERT INTO profiles (id, slug, name, created_at, updated_at)
                     VALUES ('p', 'p', 'P', '2026-12-03T00:00:00Z', '2026-12-03T00:00:00Z');
                     WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 59999)
                     INSERT INTO media (id, profile_id, type, title, added_at)
                     SELECT printf('m%05d', i), 'p', 'movie', printf('Film %05d', i),
                            '2026-12-03T00:00:00Z' FROM n;
                     INSERT INTO media_fts (media_fts) VALUES ('rebuild');",
                )?;
                Ok(())
            })
            .unwrap();
        store
    }

    /// The rowids whose titles contain `term` (ignoring case), every title tested.
    fn holding(tx: &SqliteTx<'_>, term: &str) -> Vec<i64> {
        let mut stmt = tx
            .conn
            .prepare("SELECT rowid FROM media WHERE roster_contains(title, ?1) ORDER BY rowid")
            .unwrap();
        stmt.query_map([fold(term)], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_term_of_common_trigrams_is_found_by_its_rare_ones_and_nothing_is_missed() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = films(dir.path());
        store
            .read(|tx| {
                // `Fil`, `ilm`, `lm ` are in every title, `m 0` in a quarter: only the light
                // ` 01`, `012` and `123` are read (their titles are then tested against the
                // whole term).
                let want = holding(tx, "Film 0123");
                assert_eq!(want.len(), 10);
                match tx.rare_trigrams("Film 0123", 800)? {
                    Rarity::Rare(rowids) => {
                        assert!(rowids.len() < 800, "{}", rowids.len());
                        assert!(want.iter().all(|r| rowids.binary_search(r).is_ok()));
                    }
                    other => panic!("{other:?}"),
                }
                // Another: its light trigrams read together, the match among their titles.
                match tx.rare_trigrams("Film 12345", 800)? {
                    Rarity::Rare(rowids) => {
                        let want = holding(tx, "Film 12345");
                        assert!(want.iter().all(|r| rowids.binary_search(r).is_ok()));
                    }
                    other => panic!("{other:?}"),
                }
                // A trigram no title holds, though the rest are everywhere.
                assert_eq!(tx.rare_trigrams("Film 0x", 800)?, Rarity::Absent);
                // Every trigram in every title: the phrase is asked for.
                assert_eq!(tx.rare_trigrams("Film", 800)?, Rarity::Phrase);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn varints_read_as_sqlite_writes_them() {
        let mut at: &[u8] = &[0x8c, 0x9a, 0x40, 0xfa, 0x89, 0x00, 0x81];
        assert_eq!(varint(&mut at), Some(200_000));
        assert_eq!(varint(&mut at), Some(2_000_000));
        assert_eq!(varint(&mut at), None);
        let mut nine: &[u8] = &[0xff; 9];
        assert_eq!(varint(&mut nine), Some(u64::MAX));
    }

    #[test]
    fn phrases_quote_everything() {
        assert_eq!(phrase(r#"say "hi" OR x*"#), r#""say ""hi"" OR x*""#);
    }
}
