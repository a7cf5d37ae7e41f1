//! Files roster writes (`export -o`, `backup`): never over the database, never
//! half-written.
//!
//! A regular file (or a name not yet taken) is written to a temporary file in the same
//! directory, flushed to disk and renamed into place, so a failure — a full disk, a kill —
//! leaves the old file as it was. A symbolic link is followed, and the file it names is the
//! one replaced. Anything else (`/dev/stdout`, a FIFO, `>(gzip > x.gz)`, a device) is a
//! stream: written in place, since there is nothing to rename over. A path that names the
//! open database, or one of its companion files, is refused before anything is written.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Kind, Result, io_text};

/// Where an output path really leads.
enum Target {
    /// A regular file, existing or not: replaced by rename.
    File(PathBuf),
    /// A device, FIFO or socket: written in place, through the name given (`/dev/stdout`
    /// resolves to no path when stdout is a pipe); its resolved name, when it has one,
    /// is what is compared with the database.
    Stream { resolved: Option<PathBuf> },
}

fn cannot_write(path: &Path, e: &std::io::Error) -> Error {
    Error::new(
        Kind::Output,
        format!("could not write {}: {}", path.display(), io_text(e)),
    )
}

/// Whether `path` names standard output itself, which is written through the open
/// descriptor (so `>>` appends and nothing is renamed over the file behind it).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
        || ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
            .iter()
            .any(|p| path.as_os_str() == *p)
}

/// Refuses to write to standard output when it is one of `protected` (`roster export >>
/// roster.db`), before anything is written.
pub fn check_stdout(protected: &[PathBuf]) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else {
            return Ok(());
        };
        let Ok(out) = File::from(fd).metadata() else {
            return Ok(());
        };
        for p in protected {
            if let Ok(m) = std::fs::metadata(p)
                && m.dev() == out.dev()
                && m.ino() == out.ino()
            {
                return Err(Error::invalid(format!(
                    "refusing to write standard output: it is {}, a file roster has open (the database's, or its audit key)",
                    p.display()
                ))
                .hint("redirect the output to another file; the database was not touched"));
            }
        }
    }
    let _ = protected;
    Ok(())
}

/// Resolves `path` (following symbolic links) without creating anything. Paths under
/// `/dev` and `/proc` (`/dev/fd/3`, `>(gzip)`) are streams, whatever they lead to: roster
/// never renames a file into those trees.
fn resolve(path: &Path) -> Result<Target> {
    if path.starts_with("/dev") || path.starts_with("/proc") {
        return Ok(Target::Stream {
            resolved: std::fs::canonicalize(path).ok(),
        });
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::new(
            Kind::Output,
            format!("could not write {}: it is a directory", path.display()),
        )
        .hint("name a file inside it, for example DIR/export.json")),
        Ok(meta) if meta.is_file() => Ok(Target::File(
            std::fs::canonicalize(path).map_err(|e| cannot_write(path, &e))?,
        )),
        Ok(_) => Ok(Target::Stream {
            resolved: std::fs::canonicalize(path).ok(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Not there yet (or a dangling link): the file is created in the directory the
            // name (or the link) points into.
            let named = match std::fs::read_link(path) {
                Ok(link) if link.is_absolute() => link,
                Ok(link) => path.parent().unwrap_or(Path::new("")).join(link),
                Err(_) => path.to_path_buf(),
            };
            let file_name = named.file_name().ok_or_else(|| {
                Error::new(
                    Kind::Output,
                    format!("could not write {}: it names no file", path.display()),
                )
            })?;
            let dir = match named.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let dir = std::fs::canonicalize(&dir).map_err(|e| {
                Error::new(
                    Kind::Output,
                    format!(
                        "could not write {}: its directory {}: {}",
                        path.display(),
                        dir.display(),
                        io_text(&e)
                    ),
                )
            })?;
            Ok(Target::File(dir.join(file_name)))
        }
        Err(e) => Err(cannot_write(path, &e)),
    }
}

/// Where `p` is or would be: canonical when it exists, else its canonical directory and
/// its name (a companion file like `-journal` that is not there yet is still protected).
fn resolved(p: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(p) {
        return real;
    }
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(dir), p.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => p.to_path_buf(),
    }
}

/// Refuses `path` when it leads to one of `protected` (the database and its companion
/// files), by resolved name or by identity (a hard link).
fn refuse_protected(path: &Path, target: &Path, protected: &[PathBuf]) -> Result<()> {
    #[cfg(unix)]
    let same_inode = |a: &Path, b: &Path| {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    };
    #[cfg(not(unix))]
    let same_inode = |_: &Path, _: &Path| false;
    for p in protected {
        let real = resolved(p);
        if real == target || same_inode(target, p) {
            return Err(Error::invalid(format!(
                "refusing to write {}: that is {}, a file roster has open (the database's, or its audit key)",
                path.display(),
                p.display()
            ))
            .hint("choose another output file; the database was not touched"));
        }
    }
    Ok(())
}

/// Writes `path` through `write`, atomically where the path is a file, with mode 0600.
/// `protected` are the files roster has open, which the output may not be.
pub fn write<T>(
    path: &Path,
    protected: &[PathBuf],
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    match resolve(path)? {
        Target::Stream { resolved } => {
            refuse_protected(path, resolved.as_deref().unwrap_or(path), protected)?;
            // Appending: a stream that is a file after all (`/dev/fd/3` open on a log) is
            // added to, never overwritten from its start.
            let file = std::fs::OpenOptions::new()
                .append(true)
                .open(path)
                .map_err(|e| cannot_write(path, &e))?;
            let mut out = BufWriter::new(file);
            let value = write(&mut out).map_err(|e| rename_output(e, path))?;
            out.flush().map_err(|e| cannot_write(path, &e))?;
            Ok(value)
        }
        Target::File(real) => {
            refuse_protected(path, &real, protected)?;
            replace(path, &real, |tmp| {
                let mut out = BufWriter::new(tmp.as_file_mut());
                let value = write(&mut out).map_err(|e| rename_output(e, path))?;
                out.flush().map_err(|e| cannot_write(path, &e))?;
                Ok(value)
            })
        }
    }
}

/// Writes the file `path` through `fill`, which is given the path of an empty temporary
/// file (mode 0600) in the same directory to fill by itself (SQLite's backup opens it as a
/// database); once `fill` succeeds, the file is flushed to disk and renamed over `path`.
/// A stream (FIFO, device) is refused: what `fill` writes is a file, not a stream.
pub fn write_file<T>(
    path: &Path,
    protected: &[PathBuf],
    fill: impl FnOnce(&Path) -> Result<T>,
) -> Result<T> {
    match resolve(path)? {
        Target::Stream { .. } => Err(Error::new(
            Kind::Output,
            format!(
                "could not write {}: it is not a regular file (a FIFO, a device or a socket)",
                path.display()
            ),
        )
        .hint("name a regular file; it is written whole and then renamed into place")),
        Target::File(real) => {
            refuse_protected(path, &real, protected)?;
            refuse_journaled(path, &real)?;
            replace(path, &real, |tmp| {
                let value = fill(tmp.path())?;
                // Again, as the last thing before the rename: a process may have opened
                // the file meanwhile.
                refuse_journaled(path, &real)?;
                Ok(value)
            })
        }
    }
}

/// Refuses to replace `path` (really `real`) by a database file while a SQLite
/// write-ahead log or rollback journal lies beside it: SQLite, opening the new file, would
/// apply that journal of the old one to it and damage it. The log is there while some
/// process has the old database open, or after one that had it was killed.
fn refuse_journaled(path: &Path, real: &Path) -> Result<()> {
    for base in [path, real] {
        for suffix in ["-wal", "-journal"] {
            let mut companion = base.as_os_str().to_owned();
            companion.push(suffix);
            let companion = PathBuf::from(companion);
            if std::fs::metadata(&companion).is_ok_and(|m| m.len() > 0) {
                return Err(Error::conflict(format!(
                    "refusing to replace {}: {} beside it is a SQLite journal of the database there (it is open, or was not closed cleanly), which SQLite would apply to the new file",
                    path.display(),
                    companion.display()
                ))
                .hint(format!(
                    "choose another file name; or, when nothing has it open, let SQLite finish with it first (`roster --db {} doctor`), or remove {}",
                    path.display(),
                    companion.display()
                )));
            }
        }
    }
    Ok(())
}

/// Refuses `path` when it leads to one of `protected`, or when [`write_file`] would refuse
/// to replace it, before anything is asked or written (so that `backup roster.db` is
/// refused, not offered to be confirmed).
pub fn check(path: &Path, protected: &[PathBuf]) -> Result<()> {
    match resolve(path)? {
        Target::Stream { resolved } => {
            refuse_protected(path, resolved.as_deref().unwrap_or(path), protected)
        }
        Target::File(real) => {
            refuse_protected(path, &real, protected)?;
            refuse_journaled(path, &real)
        }
    }
}

/// Whether `path` is an existing file that [`write`] or [`write_file`] would replace
/// (following a symbolic link).
pub fn exists(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// A temporary file beside `real`, filled by `fill`, flushed, made private and renamed
/// over `real`; removed if anything fails on the way.
fn replace<T>(
    path: &Path,
    real: &Path,
    fill: impl FnOnce(&mut tempfile::NamedTempFile) -> Result<T>,
) -> Result<T> {
    let dir = real.parent().unwrap_or(Path::new("."));
    let prefix = format!(
        ".{}.",
        real.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    // tempfile creates the file with mode 0600 and removes it if we fail.
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| cannot_write(path, &e))?;
    let value = fill(&mut tmp)?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| cannot_write(path, &e))?;
    set_private(tmp.as_file(), path)?;
    tmp.persist(real)
        .map_err(|e| cannot_write(path, &e.error))?;
    // The rename itself is durable once the directory is.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(value)
}

/// An output error from inside `write` names the file instead of "output".
fn rename_output(e: Error, path: &Path) -> Error {
    if e.kind == Kind::Output {
        Error {
            message: e.message.replacen(
                "could not write output",
                &format!("could not write {}", path.display()),
                1,
            ),
            ..e
        }
    } else {
        e
    }
}

fn set_private(file: &File, path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| cannot_write(path, &e))?;
    }
    let _ = (file, path);
    Ok(())
}
