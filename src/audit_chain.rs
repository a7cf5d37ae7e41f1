//! The audit chain: how each row's hash is computed, how a new row is chained to the head,
//! and how the whole log is verified. This is arithmetic over rows, not SQL: the store only
//! reads and writes rows ([`Tx::audit_head`], [`Tx::audit_insert`], [`Tx::audit_each`]), so
//! every backend shares this one definition of the chain.
//!
//! A row is either **unkeyed** (BLAKE2b-256 over its fields: anyone who can write the
//! database can recompute it) or **keyed** (a BLAKE2b-256 MAC under the audit key, which is
//! kept outside the database: nobody without the key can forge or re-hash a row). The
//! `keyed` column says which; once the head of the chain is keyed, roster refuses to write
//! an unkeyed row after it, and verification refuses one.

use std::io::{Read, Write};
use std::path::Path;

use blake2::digest::consts::U32;
use blake2::digest::{FixedOutput, KeyInit, Update};
use blake2::{Blake2b256, Blake2b512, Blake2bMac, Digest};

use crate::error::{Error, Result};
use crate::model::AuditEntry;
use crate::store::Tx;

/// The `prev_hash` of the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The domain strings that open every hashed row, so that a keyed MAC and an unkeyed hash
/// never compute over the same input.
const DOMAIN: &[u8] = b"roster-audit-v1";
const DOMAIN_KEYED: &[u8] = b"roster-audit-v1-keyed";

/// The shortest key file accepted.
pub const KEY_MIN_LEN: usize = 32;
/// The longest key BLAKE2b takes directly; a longer file is hashed down to this (see
/// [`AuditKey::from_file_bytes`]).
const KEY_MAX_DIRECT: usize = 64;
/// A key file larger than this is refused as not a key.
const KEY_FILE_MAX: u64 = 1024 * 1024;
/// The size of a key written by `roster init --audit-key`.
pub const NEW_KEY_LEN: usize = 32;

/// The audit key: the BLAKE2b MAC key, 32 to 64 bytes. It never prints.
pub struct AuditKey {
    mac_key: Vec<u8>,
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(..)")
    }
}

impl Drop for AuditKey {
    fn drop(&mut self) {
        // Best effort: wipe the key before its memory is freed (black_box keeps the
        // compiler from dropping the writes as dead).
        self.mac_key.fill(0);
        std::hint::black_box(&mut self.mac_key);
    }
}

impl AuditKey {
    /// The key from a key file's bytes: at least [`KEY_MIN_LEN`] bytes. Up to 64 bytes are
    /// the MAC key as they are; a longer file is reduced to 64 bytes by unkeyed
    /// BLAKE2b-512 of the whole file (BLAKE2b takes keys of at most 64 bytes).
    /// `None` when the file is too short.
    pub fn from_file_bytes(bytes: &[u8]) -> Option<AuditKey> {
        if bytes.len() < KEY_MIN_LEN {
            return None;
        }
        let mac_key = if bytes.len() <= KEY_MAX_DIRECT {
            bytes.to_vec()
        } else {
            Blake2b512::digest(bytes).to_vec()
        };
        Some(AuditKey { mac_key })
    }
}

fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

/// Feeds one row: the domain, the sequence number, then every field length-prefixed (so
/// that no two different rows encode alike), the previous row's hash last.
fn feed(h: &mut impl Update, domain: &[u8], e: &AuditEntry) {
    h.update(domain);
    h.update(&e.seq.to_le_bytes());
    for field in [
        &e.at,
        &e.actor,
        &e.event,
        &e.subject,
        &e.data,
        &e.source,
        &e.prev_hash,
    ] {
        h.update(&(field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
}

/// The hash of an unkeyed row: BLAKE2b-256 over its fields. (`keyed` and `hash` are not
/// inputs.)
pub fn unkeyed_hash(e: &AuditEntry) -> String {
    let mut h = Blake2b256::new();
    feed(&mut h, DOMAIN, e);
    hex(&h.finalize_fixed())
}

/// The hash of a keyed row: the BLAKE2b-256 MAC (BLAKE2b's own keyed mode) under `key` over
/// the same fields, behind a different domain string.
pub fn keyed_hash(key: &AuditKey, e: &AuditEntry) -> String {
    match Blake2bMac::<U32>::new_from_slice(&key.mac_key) {
        Ok(mut mac) => {
            feed(&mut mac, DOMAIN_KEYED, e);
            hex(&mac.finalize_fixed())
        }
        // Unreachable: an AuditKey holds 32 to 64 bytes, which BLAKE2b always accepts. An
        // empty string matches no stored hash, so verification would fail rather than pass.
        Err(_) => String::new(),
    }
}

/// Appends one audit row chained to the head, inside the caller's write transaction. With
/// a key the row is keyed; without one it is unkeyed, which is refused (exit 2) once the
/// head is keyed, so that a missing `ROSTER_AUDIT_KEY_FILE` cannot silently downgrade the
/// log. A keyed head that does not verify with the key is refused too (exit 2): writing on
/// with another key would leave a log that no single key verifies.
pub fn append(
    tx: &mut Tx<'_>,
    at: &str,
    actor: &str,
    event: &str,
    subject: &str,
    data: String,
    source: &str,
) -> Result<()> {
    enum Refusal {
        NoKey,
        OtherKey,
    }
    let key = tx.audit_key();
    let (last_seq, prev_hash, refusal) = match tx.audit_head()? {
        None => (0, GENESIS_HASH.to_string(), None),
        Some(h) => {
            let refusal = match key {
                _ if !h.row.keyed => None,
                None => Some(Refusal::NoKey),
                // A head read from the database is checked once per transaction.
                Some(k) if !h.written_here && keyed_hash(k, &h.row) != h.row.hash => {
                    Some(Refusal::OtherKey)
                }
                Some(_) => None,
            };
            (h.row.seq, h.row.hash.clone(), refusal)
        }
    };
    match refusal {
        None => {}
        Some(Refusal::NoKey) => {
            let since = tx.audit_first_keyed()?.unwrap_or(last_seq);
            return Err(Error::usage(format!(
                "the audit log is keyed since row {since}; set ROSTER_AUDIT_KEY_FILE"
            ))
            .hint("point ROSTER_AUDIT_KEY_FILE at the key file this database's audit rows are written with; nothing was changed"));
        }
        Some(Refusal::OtherKey) => {
            return Err(Error::usage(format!(
                "the audit key does not verify the last audit row ({last_seq}): ROSTER_AUDIT_KEY_FILE names another key, or the row was altered; nothing was changed"
            ))
            .hint("point ROSTER_AUDIT_KEY_FILE at this database's key; `roster audit verify` shows whether the log was altered"));
        }
    }
    let mut entry = AuditEntry {
        seq: last_seq + 1,
        at: at.to_string(),
        actor: actor.to_string(),
        event: event.to_string(),
        subject: subject.to_string(),
        data,
        source: source.to_string(),
        prev_hash,
        hash: String::new(),
        keyed: key.is_some(),
    };
    entry.hash = match key {
        Some(k) => keyed_hash(k, &entry),
        None => unkeyed_hash(&entry),
    };
    tx.audit_insert(entry)
}

/// A head kept elsewhere: `SEQ:HASH`, as `roster audit anchor` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: i64,
    /// 64 lower-case hex digits.
    pub hash: String,
}

impl Anchor {
    /// Parses `SEQ:HASH` (hex in either case). A malformed anchor is invalid input (65).
    pub fn parse(text: &str) -> Result<Anchor> {
        let bad = |why: &str| {
            Error::invalid(format!("--anchor {text:?} is not an anchor: {why}")).hint(
                "an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)",
            )
        };
        let Some((seq, hash)) = text.trim().split_once(':') else {
            return Err(bad("expected SEQ:HASH"));
        };
        let seq: i64 = seq
            .parse()
            .ok()
            .filter(|s| *s >= 1)
            .ok_or_else(|| bad("SEQ must be a row number, 1 or more"))?;
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad("HASH must be 64 hex digits"));
        }
        Ok(Anchor {
            seq,
            hash: hash.to_ascii_lowercase(),
        })
    }
}

impl std::fmt::Display for Anchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)
    }
}

/// The first row that fails verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    pub seq: i64,
    /// What is wrong with it.
    pub problem: String,
    /// What to do about it.
    pub hint: String,
    /// The row could not be checked (it is keyed and no key is configured), rather than
    /// found wrong.
    pub unchecked: bool,
}

impl Break {
    /// `audit chain broken at row N: …`, or for a row that could not be checked, `audit
    /// chain not verified from row N: …`.
    pub fn message(&self) -> String {
        if self.unchecked {
            format!(
                "audit chain not verified from row {}: {}",
                self.seq, self.problem
            )
        } else {
            format!("audit chain broken at row {}: {}", self.seq, self.problem)
        }
    }
}

/// The result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verification {
    /// Rows read (the walk stops at the first bad one).
    pub rows: i64,
    /// Of those, how many are keyed and how many unkeyed.
    pub keyed: i64,
    pub unkeyed: i64,
    /// The last row read: (seq, hash).
    pub head: Option<(i64, String)>,
    pub first_bad: Option<Break>,
}

const ALTERED: &str = "the rows from this one on cannot be trusted; compare with a backup";

/// Walks the whole log, oldest first: sequence numbers have no gap; each row's prev_hash is
/// the hash of the row before; an unkeyed row's hash is its BLAKE2b-256, a keyed row's its
/// MAC under `key` (without a key, a keyed row cannot be checked and fails); no unkeyed row
/// follows a keyed one; no row is missing from the end (`high_water`, the highest sequence
/// number ever handed out); and, with an anchor, row `anchor.seq` exists with that hash.
pub fn verify(
    tx: &Tx<'_>,
    key: Option<&AuditKey>,
    anchor: Option<&Anchor>,
) -> Result<Verification> {
    let mut v = Verification::default();
    let mut expected_seq = 1i64;
    let mut prev = GENESIS_HASH.to_string();
    let mut first_keyed: Option<i64> = None;
    let mut anchor_seen = false;
    tx.audit_each(&mut |e| {
        v.rows += 1;
        if e.keyed {
            v.keyed += 1;
        } else {
            v.unkeyed += 1;
        }
        let problem = check_row(e, expected_seq, &prev, key, first_keyed, anchor);
        if let Some(b) = problem {
            v.first_bad = Some(b);
            return Ok(false);
        }
        if e.keyed && first_keyed.is_none() {
            first_keyed = Some(e.seq);
        }
        if anchor.is_some_and(|a| a.seq == e.seq) {
            anchor_seen = true;
        }
        expected_seq = e.seq + 1;
        prev = e.hash.clone();
        v.head = Some((e.seq, e.hash.clone()));
        Ok(true)
    })?;
    if v.first_bad.is_none() {
        let high = tx.audit_high_water()?;
        if high >= expected_seq {
            v.first_bad = Some(Break {
                seq: expected_seq,
                problem: format!(
                    "rows {expected_seq}..{high} were removed from the end of the log"
                ),
                hint: ALTERED.into(),
                unchecked: false,
            });
        }
    }
    if v.first_bad.is_none()
        && let Some(a) = anchor
        && !anchor_seen
    {
        let ends = match &v.head {
            Some((seq, _)) => format!("the log ends at row {seq}"),
            None => "the log is empty".to_string(),
        };
        v.first_bad = Some(Break {
            seq: a.seq,
            problem: format!(
                "row {} of the anchor is gone ({ends}): the log was truncated or rolled back since the anchor was taken",
                a.seq
            ),
            hint: "restore the database from a backup taken after the anchor; the rows since were lost or removed".into(),
            unchecked: false,
        });
    }
    Ok(v)
}

fn check_row(
    e: &AuditEntry,
    expected_seq: i64,
    prev: &str,
    key: Option<&AuditKey>,
    first_keyed: Option<i64>,
    anchor: Option<&Anchor>,
) -> Option<Break> {
    let broken = |problem: String| {
        Some(Break {
            seq: e.seq,
            problem,
            hint: ALTERED.into(),
            unchecked: false,
        })
    };
    if e.seq != expected_seq {
        return broken(format!(
            "sequence jumps from {} to {}: rows {}..{} were removed",
            expected_seq - 1,
            e.seq,
            expected_seq,
            e.seq - 1
        ));
    }
    if e.prev_hash != prev {
        return broken("its prev_hash does not match the hash of the row before it".into());
    }
    if e.keyed {
        let Some(key) = key else {
            return Some(Break {
                seq: e.seq,
                problem: "the row is keyed, and no audit key is configured to check it".into(),
                hint: "set ROSTER_AUDIT_KEY_FILE to the key file this database's audit rows are written with, and verify again".into(),
                unchecked: true,
            });
        };
        if keyed_hash(key, e) != e.hash {
            return Some(Break {
                seq: e.seq,
                problem: "its content does not match its MAC: the row was altered, or the audit key is not the one it was written with".into(),
                hint: "check that ROSTER_AUDIT_KEY_FILE names this database's key; if it does, the rows from this one on cannot be trusted: compare with a backup".into(),
                unchecked: false,
            });
        }
    } else {
        if let Some(k) = first_keyed {
            return broken(format!(
                "the row is unkeyed, but the log is keyed since row {k}: rows after a keyed row must be keyed (a downgrade)"
            ));
        }
        if unkeyed_hash(e) != e.hash {
            return broken("its content does not match its hash: the row was altered".into());
        }
    }
    if let Some(a) = anchor
        && a.seq == e.seq
        && a.hash != e.hash
    {
        return Some(Break {
            seq: e.seq,
            problem: format!(
                "its hash differs from the anchor {a}: the log was rewritten or rolled back since the anchor was taken"
            ),
            hint: "restore the database from a backup that matches the anchor, and find out who rewrote the log".into(),
            unchecked: false,
        });
    }
    None
}

/// Why a key file was refused: a usage error (2) naming the path, with a hint.
fn key_error(path: &Path, what: impl std::fmt::Display, hint: &str) -> Error {
    Error::usage(format!(
        "ROSTER_AUDIT_KEY_FILE {:?}: {what}",
        path.display().to_string()
    ))
    .hint(hint.to_string())
}

const KEY_HINT: &str =
    "create a key with `roster init --audit-key FILE`, or unset ROSTER_AUDIT_KEY_FILE";

/// Reads the key file named by `ROSTER_AUDIT_KEY_FILE`: whole, as raw bytes, at least
/// [`KEY_MIN_LEN`] bytes, a regular file of mode 0600 or stricter (no group or other
/// bits). The checks are made on the opened file, so a path swapped after them cannot
/// pass a different file. Every refusal is a usage error (exit 2) naming the path.
pub fn load_key_file(path: &Path) -> Result<AuditKey> {
    // A first look by path, so that a FIFO or a device is refused before opening it could
    // block; the checks that count are made on the opened file below.
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(key_error(path, "is a directory, not a key file", KEY_HINT));
        }
        Ok(m) if !m.is_file() => {
            return Err(key_error(path, "is not a regular file", KEY_HINT));
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(key_error(path, "no such file", KEY_HINT));
        }
        Err(e) => return Err(key_error(path, format!("cannot read it: {e}"), KEY_HINT)),
    }
    let mut file = std::fs::File::open(path)
        .map_err(|e| key_error(path, format!("cannot open it: {e}"), KEY_HINT))?;
    let meta = file
        .metadata()
        .map_err(|e| key_error(path, format!("cannot read it: {e}"), KEY_HINT))?;
    if !meta.is_file() {
        return Err(key_error(path, "is not a regular file", KEY_HINT));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(key_error(
                path,
                format!(
                    "its mode is {mode:04o}, which lets group or others read it; an audit key must be 0600 or stricter"
                ),
                &format!("chmod 600 {:?}", path.display().to_string()),
            ));
        }
    }
    if meta.len() > KEY_FILE_MAX {
        return Err(key_error(
            path,
            format!(
                "is {} bytes, too large for a key file (at most {KEY_FILE_MAX})",
                meta.len()
            ),
            KEY_HINT,
        ));
    }
    let mut bytes = Vec::new();
    let read = (&mut file)
        .take(KEY_FILE_MAX + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| key_error(path, format!("cannot read it: {e}"), KEY_HINT));
    let key = read.and_then(|_| {
        if bytes.len() as u64 > KEY_FILE_MAX {
            return Err(key_error(path, "grew while it was read", KEY_HINT));
        }
        AuditKey::from_file_bytes(&bytes).ok_or_else(|| {
            key_error(
                path,
                format!(
                    "is {} bytes; an audit key needs at least {KEY_MIN_LEN}",
                    bytes.len()
                ),
                KEY_HINT,
            )
        })
    });
    bytes.fill(0);
    key
}

/// Creates a new key file at `path`: [`NEW_KEY_LEN`] bytes from the operating system's
/// random source, mode 0600, never over an existing file (68). The file is complete or
/// absent: a failed write removes it.
pub fn create_key_file(path: &Path) -> Result<()> {
    let shown = format!("{:?}", path.display().to_string());
    let mut key = [0u8; NEW_KEY_LEN];
    getrandom::fill(&mut key).map_err(|e| {
        Error::internal(format!(
            "--audit-key {shown}: the operating system's random source failed: {e}"
        ))
    })?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            key.fill(0);
            return Err(Error::conflict(format!(
                "--audit-key {shown}: the file already exists; roster never overwrites a key"
            ))
            .hint(
                "choose a new file name, or keep using the existing key with ROSTER_AUDIT_KEY_FILE",
            ));
        }
        Err(e) => {
            key.fill(0);
            let why = if e.kind() == std::io::ErrorKind::NotFound {
                "its directory does not exist".to_string()
            } else {
                e.to_string()
            };
            return Err(Error::no_input(format!(
                "--audit-key {shown}: cannot create the key file: {why}"
            )));
        }
    };
    let written = file.write_all(&key).and_then(|()| file.sync_all());
    key.fill(0);
    if let Err(e) = written {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(Error::new(
            crate::error::Kind::Output,
            format!(
                "--audit-key {shown}: could not write the key: {}; the file was removed",
                crate::error::io_text(&e)
            ),
        ));
    }
    // umask may have narrowed the mode, never widened it; make it exactly 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Err(e) = file.set_permissions(std::fs::Permissions::from_mode(0o600)) {
            drop(file);
            let _ = std::fs::remove_file(path);
            return Err(Error::new(
                crate::error::Kind::Output,
                format!(
                    "--audit-key {shown}: could not set mode 0600: {}; the file was removed",
                    crate::error::io_text(&e)
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> AuditEntry {
        AuditEntry {
            seq: 1,
            at: "a".into(),
            actor: "b".into(),
            event: "c".into(),
            subject: "d".into(),
            data: "{}".into(),
            source: "cli".into(),
            prev_hash: GENESIS_HASH.into(),
            hash: String::new(),
            keyed: false,
        }
    }

    #[test]
    fn hash_depends_on_every_field() {
        let base = unkeyed_hash(&row());
        assert_eq!(base.len(), 64);
        assert_ne!(base, unkeyed_hash(&AuditEntry { seq: 2, ..row() }));
        assert_ne!(
            base,
            unkeyed_hash(&AuditEntry {
                source: "seed".into(),
                ..row()
            })
        );
        // Moving a byte between fields changes the hash.
        assert_ne!(
            unkeyed_hash(&AuditEntry {
                at: "ab".into(),
                actor: "".into(),
                ..row()
            }),
            base
        );
        // `keyed` and `hash` are not inputs of the unkeyed hash.
        assert_eq!(
            unkeyed_hash(&AuditEntry {
                keyed: true,
                hash: "x".into(),
                ..row()
            }),
            base
        );
    }

    #[test]
    fn unkeyed_hash_is_the_one_rows_were_always_written_with() {
        // Pinned: rows written before keys existed must keep verifying.
        let mut h = Blake2b256::new();
        Digest::update(&mut h, b"roster-audit-v1");
        Digest::update(&mut h, 1i64.to_le_bytes());
        for f in ["a", "b", "c", "d", "{}", "cli", GENESIS_HASH] {
            Digest::update(&mut h, (f.len() as u64).to_le_bytes());
            Digest::update(&mut h, f.as_bytes());
        }
        assert_eq!(unkeyed_hash(&row()), hex(&h.finalize()));
    }

    #[test]
    fn keyed_hash_depends_on_the_key_and_differs_from_the_unkeyed_one() {
        let k1 = AuditKey::from_file_bytes(&[1u8; 32]).unwrap();
        let k2 = AuditKey::from_file_bytes(&[2u8; 32]).unwrap();
        let r = row();
        let h1 = keyed_hash(&k1, &r);
        assert_eq!(h1.len(), 64);
        assert_ne!(h1, keyed_hash(&k2, &r));
        assert_ne!(h1, unkeyed_hash(&r));
        assert_eq!(h1, keyed_hash(&k1, &r));
        assert_ne!(h1, keyed_hash(&k1, &AuditEntry { seq: 2, ..row() }));
    }

    #[test]
    fn key_length_rules() {
        assert!(AuditKey::from_file_bytes(&[7u8; 31]).is_none());
        let k64 = AuditKey::from_file_bytes(&[7u8; 64]).unwrap();
        assert_eq!(k64.mac_key, vec![7u8; 64]);
        // Longer than 64 bytes: BLAKE2b-512 of the whole file.
        let long = [7u8; 100];
        let k = AuditKey::from_file_bytes(&long).unwrap();
        assert_eq!(k.mac_key, Blake2b512::digest(long).to_vec());
        assert_ne!(
            k.mac_key,
            AuditKey::from_file_bytes(&[7u8; 101]).unwrap().mac_key
        );
        assert_eq!(format!("{k:?}"), "AuditKey(..)");
    }

    #[test]
    fn anchors_parse_and_print() {
        let h = "ab".repeat(32);
        let a = Anchor::parse(&format!("12:{}", h.to_uppercase())).unwrap();
        assert_eq!(a.seq, 12);
        assert_eq!(a.hash, h);
        assert_eq!(a.to_string(), format!("12:{h}"));
        for bad in [
            "",
            "12",
            ":",
            &format!("0:{h}"),
            &format!("-1:{h}"),
            &format!("x:{h}"),
            "12:abc",
            &format!("12:{}", "g".repeat(64)),
            &format!("12:{h}0"),
        ] {
            let e = Anchor::parse(bad).unwrap_err();
            assert_eq!(e.kind, crate::error::Kind::Invalid, "{bad}");
            assert!(e.message.contains("--anchor"), "{bad}: {}", e.message);
        }
    }
}
