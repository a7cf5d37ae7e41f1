//! Seed inputs, each read exactly once: what pass one checked is what pass two applies.
//!
//! A regular file is opened once; pass one reads it through, digesting every byte, and
//! pass two reads the same open handle again from the start and must see the same digest,
//! or the seed is refused (rolled back) as changed while it was read. Renaming another
//! file into its place changes nothing: the handle still names the file that was checked.
//! Anything else — standard input, a FIFO, `<(generate)`, `/dev/stdin` — is copied during
//! pass one into an unlinked temporary file (never visible by name, gone with the process
//! however it ends), and pass two reads that private copy. Every input is bounded by
//! [`Limit`], so `roster seed - < /dev/zero` is refused before it fills the disk.
//!
//! Every input is opened before the database is, so nothing waits for input while the
//! write lock is held.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use super::scan::{Layout, Scanner};
use crate::error::{Error, Kind, Result};

/// The default [`Limit`]: 4 GiB per input.
pub const DEFAULT_MAX_INPUT: u64 = 4 << 30;

/// The largest input accepted, in bytes (`ROSTER_MAX_INPUT`, read by the CLI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(pub u64);

impl Default for Limit {
    fn default() -> Self {
        Limit(DEFAULT_MAX_INPUT)
    }
}

/// Where one seed input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    /// `-`: standard input.
    Stdin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub source: Source,
    /// JSON Lines (`.jsonl`, or `--jsonl` for stdin).
    pub lines: bool,
    /// How its events are written (`--from`).
    pub from: super::Dialect,
}

impl Source {
    /// How the input is named in messages.
    pub fn name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }

    /// Opens the input, refusing a missing file, a directory, or a regular file over the
    /// limit; `what` names it in messages (`seed file`, `CSV file`). Also says whether it
    /// is a stream (standard input, a FIFO, a process substitution), which can be read
    /// only once.
    fn open(&self, what: &str, limit: Limit) -> Result<(Handle, bool)> {
        let name = self.name();
        let path = match self {
            Source::Stdin => return Ok((Handle::Stdin(std::io::stdin()), true)),
            Source::File(path) => path,
        };
        let file = File::open(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::no_input(format!("{what} not found: {name}")).hint(format!(
                    "give the path of a {what}, or - to read standard input"
                ))
            } else {
                Error::no_input(format!("cannot read the {what} {name}: {e}"))
            }
        })?;
        let meta = file
            .metadata()
            .map_err(|e| Error::no_input(format!("cannot read the {what} {name}: {e}")))?;
        if meta.is_dir() {
            return Err(Error::no_input(format!(
                "{name} is a directory, not a {what}"
            )));
        }
        if meta.is_file() && meta.len() > limit.0 {
            return Err(too_large(&name, limit, what));
        }
        Ok((Handle::File(file), !meta.is_file()))
    }

    /// The whole input in memory, read once, at most `limit` bytes: for inputs small
    /// enough to hold whole (`invite send --csv`). Files, FIFOs and standard input alike.
    pub fn read_whole(&self, what: &str, limit: Limit) -> Result<Vec<u8>> {
        let name = self.name();
        let (handle, _) = self.open(what, limit)?;
        let mut bytes = Vec::new();
        handle
            .take(limit.0.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Error::no_input(format!("cannot read the {what} {name}: {e}")))?;
        if bytes.len() as u64 > limit.0 {
            return Err(too_large(&name, limit, what));
        }
        Ok(bytes)
    }
}

impl Input {
    /// How the input is named in messages.
    pub fn name(&self) -> String {
        self.source.name()
    }

    /// How the input is named in the audit log's `source`: stored escaped
    /// ([`crate::output::safe`]), so a file name never reaches a terminal raw.
    pub fn audit_source(&self) -> String {
        match &self.source {
            Source::File(p) => format!(
                "seed:{}",
                crate::output::safe(&p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned()
                ))
            ),
            Source::Stdin => "seed:<stdin>".to_string(),
        }
    }

    /// Opens the input for pass one.
    pub(super) fn open(&self, limit: Limit) -> Result<Opened> {
        let name = self.name();
        let (reader, stream) = self.source.open(SEED_FILE, limit)?;
        // A stream can be read only once, so it is copied as it is read.
        let spool = if stream {
            Some(spool_file(&name)?)
        } else {
            None
        };
        Ok(Opened {
            name,
            lines: self.lines,
            pass_one: Some(Scanner::new(
                BufReader::with_capacity(
                    256 * 1024,
                    Counted {
                        inner: reader,
                        spool,
                        hasher: blake3::Hasher::new(),
                        len: 0,
                        limit,
                        over: false,
                        spool_error: None,
                    },
                ),
                self.lines.then_some(Layout::Lines),
            )),
            replay: None,
            digest: [0; 32],
            len: 0,
        })
    }
}

/// What a seed input is called in messages.
const SEED_FILE: &str = "seed file";

fn too_large(name: &str, limit: Limit, what: &str) -> Error {
    let split = if what == SEED_FILE {
        "split the seed into several files"
    } else {
        "split the input"
    };
    Error::invalid(format!(
        "{name} is larger than the input limit of {} bytes; nothing was written",
        limit.0
    ))
    .hint(format!("{split}, or raise ROSTER_MAX_INPUT (bytes)"))
}

/// An unlinked temporary file in `TMPDIR`: never visible by name, so nothing of it (the
/// seed's plain-text passwords included) outlives the process, however it ends.
fn spool_file(name: &str) -> Result<File> {
    tempfile::tempfile().map_err(|e| {
        Error::new(
            Kind::Output,
            format!("cannot create a temporary copy of {name}: {e}"),
        )
        .hint("point TMPDIR at a writable directory")
    })
}

/// Pass one's reader: counts, digests and (for streams) copies every byte it reads, and
/// stops at the limit.
pub(super) struct Counted {
    inner: Handle,
    spool: Option<File>,
    hasher: blake3::Hasher,
    len: u64,
    limit: Limit,
    over: bool,
    spool_error: Option<std::io::Error>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.len += n as u64;
        if self.len > self.limit.0 {
            self.over = true;
            return Err(std::io::Error::other("the input limit was reached"));
        }
        self.hasher.update(&buf[..n]);
        if let Some(spool) = &mut self.spool
            && let Err(e) = spool.write_all(&buf[..n])
        {
            let message = e.to_string();
            self.spool_error = Some(e);
            return Err(std::io::Error::other(message));
        }
        Ok(n)
    }
}

/// Pass two's reader: the checked bytes again, digested to prove they are the same.
pub(super) struct Replay {
    inner: File,
    hasher: blake3::Hasher,
    len: u64,
}

impl Read for Replay {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.len += n as u64;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

pub(super) type PassOne = Scanner<BufReader<Counted>>;
pub(super) type PassTwo = Scanner<BufReader<Replay>>;

/// One input, opened once.
pub(super) struct Opened {
    pub name: String,
    lines: bool,
    pass_one: Option<PassOne>,
    /// The handle pass two reads: the file itself, or the private copy of a stream.
    replay: Option<File>,
    digest: [u8; 32],
    len: u64,
}

impl Opened {
    /// Pass one's scanner.
    pub fn scanner(&mut self) -> Result<&mut PassOne> {
        self.pass_one
            .as_mut()
            .ok_or_else(|| Error::internal("seed input read a second time in pass one"))
    }

    /// Ends pass one: refuses an input that went over the limit or could not be copied,
    /// and keeps the handle and digest pass two will need.
    pub fn end_pass_one(&mut self, limit: Limit) -> Result<()> {
        let scanner = self
            .pass_one
            .take()
            .ok_or_else(|| Error::internal("seed input: pass one ended twice"))?;
        let counted = scanner.into_inner().into_inner();
        if counted.over {
            return Err(too_large(&self.name, limit, SEED_FILE));
        }
        if let Some(e) = counted.spool_error {
            return Err(Error::new(
                Kind::Output,
                format!("cannot keep a temporary copy of {}: {e}", self.name),
            )
            .hint("free space in TMPDIR (or point it elsewhere), or give the seed as a file"));
        }
        self.digest = *counted.hasher.finalize().as_bytes();
        self.len = counted.len;
        let file = match (counted.spool, counted.inner) {
            (Some(spool), _) => spool,
            (None, Handle::File(file)) => file,
            (None, Handle::Stdin(_)) => {
                return Err(Error::internal("seed input: standard input was not copied"));
            }
        };
        self.replay = Some(file);
        Ok(())
    }

    /// Pass two's scanner: the same bytes, from the start (again, should the seed have to
    /// be applied a second time).
    pub fn replay(&self) -> Result<PassTwo> {
        let mut file = self
            .replay
            .as_ref()
            .ok_or_else(|| Error::internal("seed input replayed before pass one ended"))?
            .try_clone()
            .map_err(|e| {
                Error::no_input(format!("cannot read {} a second time: {e}", self.name))
            })?;
        file.seek(SeekFrom::Start(0)).map_err(|e| {
            Error::no_input(format!("cannot read {} a second time: {e}", self.name))
        })?;
        Ok(Scanner::new(
            BufReader::with_capacity(
                256 * 1024,
                Replay {
                    inner: file,
                    hasher: blake3::Hasher::new(),
                    len: 0,
                },
            ),
            self.lines.then_some(Layout::Lines),
        ))
    }

    /// Ends pass two: reads what is left and proves the bytes applied are the bytes
    /// checked. On a mismatch the caller's transaction must not commit.
    pub fn end_replay(&self, scanner: PassTwo) -> Result<()> {
        let mut replay = scanner.into_inner();
        std::io::copy(&mut replay, &mut std::io::sink()).map_err(|e| {
            Error::no_input(format!("cannot read {} a second time: {e}", self.name))
        })?;
        let replay = replay.into_inner();
        let digest: [u8; 32] = *replay.hasher.finalize().as_bytes();
        if digest != self.digest || replay.len != self.len {
            return Err(Error::conflict(format!(
                "{} changed while the seed was being applied; nothing was written",
                self.name
            ))
            .hint("write a seed to a new file and rename it into place when it is complete"));
        }
        Ok(())
    }
}

/// What pass one reads from.
enum Handle {
    File(File),
    Stdin(std::io::Stdin),
}

impl Read for Handle {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Handle::File(f) => f.read(buf),
            Handle::Stdin(s) => s.read(buf),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain_pass_one(opened: &mut Opened) -> Result<usize> {
        let scanner = opened.scanner()?;
        let mut n = 0;
        while let Some(e) = scanner.next_event() {
            e.map_err(|e| Error::invalid(e.message))?;
            n += 1;
        }
        Ok(n)
    }

    fn drain_replay(opened: &Opened) -> Result<()> {
        let mut scanner = opened.replay()?;
        while let Some(e) = scanner.next_event() {
            e.map_err(|e| Error::invalid(e.message))?;
        }
        opened.end_replay(scanner)
    }

    const SEED: &str = r#"[{"event": "user-create", "data": {"email": "a@x.io", "name": "A"}}]"#;

    /// A seed file written, opened and read through pass one (one event).
    fn checked() -> Result<(tempfile::TempDir, std::path::PathBuf, Opened)> {
        let dir = tempfile::tempdir().map_err(|e| Error::internal(e.to_string()))?;
        let path = dir.path().join("s.json");
        std::fs::write(&path, SEED).map_err(|e| Error::internal(e.to_string()))?;
        let input = Input {
            source: Source::File(path.clone()),
            lines: false,
            from: crate::seed::Dialect::Roster,
        };
        let mut opened = input.open(Limit::default())?;
        assert_eq!(drain_pass_one(&mut opened)?, 1);
        opened.end_pass_one(Limit::default())?;
        Ok((dir, path, opened))
    }

    #[test]
    fn a_file_changed_in_place_between_the_passes_is_refused() -> Result<()> {
        let (_dir, path, opened) = checked()?;
        // Unchanged: replays as often as needed.
        drain_replay(&opened)?;
        drain_replay(&opened)?;
        // The same inode rewritten with another admin: refused.
        std::fs::write(&path, SEED.replace("a@x.io", "b@x.io"))
            .map_err(|e| Error::internal(e.to_string()))?;
        let e = drain_replay(&opened).err().map(|e| (e.kind, e.message));
        assert_eq!(
            e.map(|(k, m)| (k, m.contains("changed while the seed was being applied"))),
            Some((Kind::Conflict, true))
        );
        Ok(())
    }

    #[test]
    fn a_file_renamed_over_the_path_changes_nothing() -> Result<()> {
        let (dir, path, opened) = checked()?;
        let other = dir.path().join("other.json");
        std::fs::write(&other, "[]").map_err(|e| Error::internal(e.to_string()))?;
        std::fs::rename(&other, &path).map_err(|e| Error::internal(e.to_string()))?;
        // Pass two reads the file pass one checked, not the one now at its name.
        let mut scanner = opened.replay()?;
        let mut n = 0;
        while let Some(e) = scanner.next_event() {
            e.map_err(|e| Error::invalid(e.message))?;
            n += 1;
        }
        opened.end_replay(scanner)?;
        assert_eq!(n, 1);
        Ok(())
    }
}
