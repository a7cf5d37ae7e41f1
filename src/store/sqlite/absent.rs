//! What a write transaction knows is *not* in a table, so that the look-ups a seed's rules
//! make before each insert (is this id, this natural key, this infohash, this membership
//! already there?) are answered without a B-tree search when the answer is no — which, in
//! a seed into an empty database, it nearly always is (issue 15: those searches were most
//! of what the seed did beyond the engine's own bulk copy).
//!
//! The knowledge is exact in one direction only. The first time a transaction asks about a
//! table, the table is either empty — then every row it will ever hold in this transaction
//! is one the transaction writes, and each insert and update adds the keys of the row it
//! writes to a Bloom filter — or it is not, and the filter is never used. A key the filter
//! has never seen is therefore in no row; a key it may have seen (or any key, for a table
//! that was not empty) is looked up in the database as before. Deleted rows stay in the
//! filter, and keys of rows a savepoint rolled back too: both only send a look-up to the
//! database. The filter has a fixed size (1 MiB a table), so memory stays flat however
//! long the seed (2 MiB in all: 1 MiB for media, whose rows have the most keys, 512 KiB
//! each for users and memberships); past a few million keys it answers "maybe" more
//! often, never wrongly.

use std::hash::{Hash, Hasher};

use rusqlite::Connection;

use crate::error::Result;
use crate::model::Media;

/// Probes a key: with the sizes below, a million-event seed (1.4 million media keys,
/// 300 000 memberships, 500 000 user keys) still answers most absent keys from memory.
const PROBES: u64 = 4;

/// One table's knowledge.
pub(super) struct Absent {
    /// The table it knows of: one of roster's table names, never user input.
    table: &'static str,
    /// The filter has 2^bits_log2 bits.
    bits_log2: u32,
    /// None: not asked yet. Some(None): the table had rows when first asked, so nothing is
    /// known. Some(Some(bits)): it was empty, and these are the keys written since.
    state: Option<Option<Vec<u64>>>,
}

/// A key: which look-up, then its values, hashed (SipHash with fixed keys: the same value
/// gives the same hash within the process, which is all a filter needs).
pub(super) fn key(parts: &[&dyn KeyPart]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    for p in parts {
        p.feed(&mut h);
    }
    h.finish()
}

/// A value that is part of a key.
pub(super) trait KeyPart {
    fn feed(&self, h: &mut std::hash::DefaultHasher);
}
impl KeyPart for str {
    fn feed(&self, h: &mut std::hash::DefaultHasher) {
        self.hash(h);
    }
}
impl KeyPart for &str {
    fn feed(&self, h: &mut std::hash::DefaultHasher) {
        (**self).hash(h);
    }
}
impl KeyPart for String {
    fn feed(&self, h: &mut std::hash::DefaultHasher) {
        self.as_str().hash(h);
    }
}
impl KeyPart for i64 {
    fn feed(&self, h: &mut std::hash::DefaultHasher) {
        self.hash(h);
    }
}
impl KeyPart for Option<i64> {
    fn feed(&self, h: &mut std::hash::DefaultHasher) {
        self.hash(h);
    }
}

fn probes(key: u64, bits_log2: u32) -> impl Iterator<Item = usize> {
    let step = key.rotate_left(32) | 1;
    let mask = (1u64 << bits_log2) - 1;
    (0..PROBES).map(move |i| (key.wrapping_add(i.wrapping_mul(step)) & mask) as usize)
}

impl Absent {
    /// Knowledge of `table`, with a filter of 2^bits_log2 bits once it is used (2^23:
    /// 1 MiB).
    pub(super) fn new(table: &'static str, bits_log2: u32) -> Absent {
        Absent {
            table,
            bits_log2,
            state: None,
        }
    }

    /// True when `key` is surely in no row of the table. Asks once per transaction whether
    /// the table is empty; the key is computed only when the filter is in use.
    pub(super) fn surely(&mut self, conn: &Connection, key: impl FnOnce() -> u64) -> Result<bool> {
        if self.state.is_none() {
            let any: bool = conn
                .prepare_cached(&format!("SELECT EXISTS (SELECT 1 FROM {})", self.table))?
                .query_row([], |r| r.get(0))?;
            self.state = Some((!any).then(|| vec![0u64; 1 << (self.bits_log2 - 6)]));
        }
        Ok(match &self.state {
            Some(Some(bits)) => {
                probes(key(), self.bits_log2).any(|b| bits[b >> 6] & (1 << (b & 63)) == 0)
            }
            _ => false,
        })
    }

    /// Records that a row with `key` may now be in the table.
    pub(super) fn add(&mut self, key: u64) {
        if let Some(Some(bits)) = &mut self.state {
            for b in probes(key, self.bits_log2) {
                bits[b >> 6] |= 1 << (b & 63);
            }
        }
    }
}

/// The keys media items are looked up by (`store::MediaKey`, `media_by_id`,
/// `media_by_infohash`). A title key leaves out the year and the parent, and folds ASCII
/// case as the column's NOCASE does: a look-up that names more only matches a row that
/// has this key.
pub(super) fn media_id(id: &str) -> u64 {
    key(&[&"id", &id])
}
pub(super) fn media_tmdb(profile_id: &str, kind: &str, tmdb_id: i64) -> u64 {
    key(&[&"tmdb", &profile_id, &kind, &tmdb_id])
}
pub(super) fn media_title(profile_id: &str, kind: &str, title: &str) -> u64 {
    key(&[&"title", &profile_id, &kind, &title.to_ascii_lowercase()])
}
pub(super) fn media_episode(parent_id: &str, season: Option<i64>, episode: i64) -> u64 {
    key(&[&"episode", &parent_id, &season, &episode])
}
pub(super) fn media_infohash(profile_id: &str, infohash: &str) -> u64 {
    key(&[&"infohash", &profile_id, &infohash])
}

/// Every key of a media row, as written.
pub(super) fn media_keys(m: &Media) -> impl Iterator<Item = u64> {
    let kind = m.kind.as_str();
    [
        Some(media_id(&m.id)),
        Some(media_title(&m.profile_id, kind, &m.title)),
        m.tmdb_id.map(|t| media_tmdb(&m.profile_id, kind, t)),
        m.infohash
            .as_deref()
            .map(|h| media_infohash(&m.profile_id, h)),
        match (&m.parent_id, m.episode_number) {
            (Some(p), Some(e)) => Some(media_episode(p, m.season_number, e)),
            _ => None,
        },
    ]
    .into_iter()
    .flatten()
}

/// A membership's key: (profile, user).
pub(super) fn member(profile_id: &str, user_id: &str) -> u64 {
    key(&[&"member", &profile_id, &user_id])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_added_is_never_surely_absent_and_most_others_are() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
        let mut a = Absent::new("t", 20);
        assert!(a.surely(&conn, || 1).unwrap());
        let added: Vec<u64> = (0..50_000).map(|i| key(&[&"k", &(i as i64)])).collect();
        for k in &added {
            a.add(*k);
        }
        assert!(added.iter().all(|k| !a.surely(&conn, || *k).unwrap()));
        let others = (50_000..60_000)
            .filter(|i| a.surely(&conn, || key(&[&"k", &(*i as i64)])).unwrap())
            .count();
        assert!(others > 9_900, "{others} of 10 000 known absent");
    }

    #[test]
    fn a_table_with_rows_when_first_asked_is_never_known() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
            .unwrap();
        let mut a = Absent::new("t", 20);
        assert!(!a.surely(&conn, || 7).unwrap());
        conn.execute_batch("DELETE FROM t").unwrap();
        assert!(!a.surely(&conn, || 7).unwrap());
    }
}
