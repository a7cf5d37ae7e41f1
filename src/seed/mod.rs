//! Seeds (README "Seeds and export"): ordered events applied through the very actions the commands
//! call, in one `BEGIN IMMEDIATE` transaction, after every event of every file was checked.
//!
//! Two passes keep memory flat however large the input: the first streams every input to
//! check shapes and collect plain-text passwords (which are then hashed on all cores,
//! outside the write lock); the second streams the same bytes again and applies each
//! event, read and checked on a thread of its own a few batches ahead of the transaction
//! ([`pass_two`]). Each input is opened and read once ([`input`]): a file is re-read through the
//! handle pass one checked, and proven unchanged; a stream is copied to a private,
//! unlinked file as pass one reads it.

pub mod env;
pub mod events;
pub mod export;
#[cfg(test)]
mod fuzz;
pub mod input;
pub mod scan;
pub mod schema;
pub mod stackpress;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::actions::{self, Ctx};
use crate::error::{Error, Result};
use crate::password;
use crate::store::{Published, Store, Tx};
use events::{Checked, Event, ShapeError};
use input::Opened;
pub use input::{DEFAULT_MAX_INPUT, Input, Limit, Source};
use scan::Pos;
pub use stackpress::Dialect;
use stackpress::{Events, Next};

/// Who runs the seed: the operator's login name, and the user named by `--as`, if any.
/// Events without an `"as"` are applied as that user (else as the operator); an event's
/// `"as"` may name another user only when the seed runs as the operator.
#[derive(Debug, Clone, Copy)]
pub struct RunAs<'a> {
    pub login: &'a str,
    pub user: Option<&'a str>,
}

/// What the caller wants done.
#[derive(Debug, Clone)]
pub struct Options {
    /// Apply in a transaction that is rolled back.
    pub rollback: bool,
    /// Threads for password hashing; from 2, pass two is read on a thread of its own.
    pub threads: usize,
    /// The largest input accepted.
    pub max_input: Limit,
    /// `seed --notify`: the invitations the seed sends are emailed (queued in the
    /// outbox; the caller delivers them once the seed has committed).
    pub notify: Option<std::sync::Arc<crate::actions::mail::Notify>>,
    /// Set (by Ctrl-C or SIGTERM) when the seed is to stop: every phase looks at it
    /// between events and passwords, and stops with [`Error::interrupted`] before
    /// anything is committed, so the transaction rolls back and a database this run
    /// was creating is removed.
    pub stop: Arc<AtomicBool>,
}

impl Options {
    /// [`Error::interrupted`] once [`Options::stop`] is set.
    fn go_on(&self) -> Result<()> {
        go_on(&self.stop)
    }
}

fn go_on(stop: &AtomicBool) -> Result<()> {
    if stop.load(Ordering::Relaxed) {
        return Err(Error::interrupted());
    }
    Ok(())
}

/// Created / updated / unchanged / removed counts of one event name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub removed: u64,
}

impl Counts {
    pub fn total(&self) -> u64 {
        self.created + self.updated + self.unchanged + self.removed
    }
}

/// The result of a seed run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub events: u64,
    /// Per event name, in the order of [`events::catalogue`].
    pub summary: Vec<(&'static str, Counts)>,
    pub elapsed: Duration,
    pub passwords_hashed: usize,
    /// Time spent in each phase: checking every event, hashing passwords, applying.
    pub phases: [(&'static str, Duration); 3],
}

impl Report {
    /// True when anything was (or would be) written.
    pub fn changed(&self) -> bool {
        self.summary
            .iter()
            .any(|(_, c)| c.created + c.updated + c.removed > 0)
    }

    /// One object per event name: `{event, created, updated, unchanged, removed}`.
    pub fn summary_rows(&self) -> Vec<Value> {
        self.summary
            .iter()
            .map(|(name, c)| {
                json!({
                    "event": name,
                    "created": c.created,
                    "updated": c.updated,
                    "unchanged": c.unchanged,
                    "removed": c.removed,
                })
            })
            .collect()
    }

    pub fn to_json(&self) -> Value {
        let summary = self.summary_rows();
        json!({
            "events": self.events,
            "changed": self.changed(),
            "summary": summary,
            "elapsed_ms": self.elapsed.as_millis() as u64,
        })
    }
}

/// The phases of a seed, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Pass one: every event read and checked (how many there are is not known yet).
    Checking,
    /// The plain-text passwords hashed, on every thread (skipped when there are none).
    Hashing,
    /// Pass two: every event applied, in the write transaction.
    Applying,
}

impl Phase {
    /// How progress names it.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Checking => "checking",
            Phase::Hashing => "hashing passwords",
            Phase::Applying => "applying",
        }
    }
}

/// Watches the run: progress and the plan. Shared with the hashing threads, hence `Sync`.
pub trait Observer: Sync {
    /// A phase begins, with the number of steps it will take when that is known (the
    /// passwords to hash, the events to apply).
    fn phase(&mut self, _phase: Phase, _steps: Option<u64>) {}
    /// One more step of the phase: an event checked, a password hashed (from any thread).
    fn step(&self) {}
    /// One event applied, with its outcome (`created`, `updated`, `unchanged`, `removed`)
    /// and what it acted on (also the step of [`Phase::Applying`]).
    fn applied(&mut self, _event: &Event, _outcome: &'static str, _subject: &str) {}
}

impl Observer for () {}

/// The prefix of every message about an event: `FILE:LINE:COLUMN: event N (name)`.
fn locate(file: &str, pos: Pos, index: usize, name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{file}:{pos}: event {index} ({n})"),
        None => format!("{file}:{pos}: event {index}"),
    }
}

const MAX_SHOWN_ERRORS: usize = 200;

/// A plain-text password in an event: the user it belongs to, the password.
pub type PlainPassword = (Box<actions::user::NewUser>, String);

/// A plain-text password found in pass one: the event index, the user it belongs to, the
/// password.
type PendingPassword = (usize, Box<actions::user::NewUser>, String);

/// A password hashed before the write transaction, tied to the event it came from.
#[derive(Debug, Clone)]
struct Prehashed {
    /// BLAKE2b of the plain text it was made from: pass two must read the same text.
    text: [u8; 32],
    /// The user's stored hash when it was read (outside the lock), if any.
    seen: Option<String>,
    /// The hash to store: `seen` itself when it verified the password, else a new one.
    hash: String,
}

fn text_digest(text: &str) -> [u8; 32] {
    use blake2::{Blake2b256, Digest};
    Blake2b256::digest(text.as_bytes()).into()
}

/// Pass one: opens and checks every input once, returning the opened inputs (for pass
/// two), the event count and the plain-text passwords to hash (by event index), or every
/// shape error at once.
fn check_all(
    inputs: &[Input],
    now: DateTime<Utc>,
    env: &(dyn Fn(&str) -> Option<String> + Sync),
    options: &Options,
    observer: &dyn Observer,
) -> Result<(Vec<Opened>, u64, Vec<PendingPassword>)> {
    let limit = options.max_input;
    let mut errors: Vec<String> = Vec::new();
    let mut total_errors = 0usize;
    let mut passwords = Vec::new();
    let mut index = 0usize;
    let mut total = 0u64;
    let mut opened = Vec::with_capacity(inputs.len());
    for input in inputs {
        let mut file = input.open(limit)?;
        let name = file.name.clone();
        let scanner = file.scanner()?;
        let mut shown = |pos: Pos, index: usize, event: Option<&str>, message: &str| {
            total_errors += 1;
            if errors.len() < MAX_SHOWN_ERRORS {
                errors.push(format!("{}: {message}", locate(&name, pos, index, event)));
            }
        };
        for next in Events::new(scanner, input.from) {
            options.go_on()?;
            observer.step();
            match next {
                Next::Syntax(e) => {
                    // The file cannot be read past here: name the event it was reading.
                    shown(e.pos, index + 1, None, &e.message);
                    break;
                }
                Next::Folded => index += 1,
                Next::Refused(event, problems) => {
                    index += 1;
                    for p in problems {
                        shown(p.pos, index, Some(event), &p.message);
                    }
                }
                Next::Event(raw) => {
                    index += 1;
                    total += 1;
                    let event_name = raw
                        .top("event")
                        .and_then(|f| f.value.as_str())
                        .and_then(events::find)
                        .map(|d| events::shown_name(d.name, raw.alias));
                    match events::check(raw, index, now, env, true) {
                        Ok(checked) => {
                            if let Some((user, plain)) = checked.op.into_password() {
                                passwords.push((index, user, plain));
                            }
                        }
                        Err(errs) => {
                            for ShapeError { pos, message } in errs {
                                shown(pos, index, event_name.as_deref(), &message);
                            }
                        }
                    }
                }
            }
        }
        for e in scanner.doc_errors.drain(..) {
            total_errors += 1;
            errors.push(format!("{name}:{}: {}", e.pos, e.message));
        }
        // An input over the limit, or one whose copy failed, is refused whatever else it
        // held: its errors past that point are an artefact of the cut.
        file.end_pass_one(limit)?;
        opened.push(file);
    }
    if total_errors > 0 {
        return Err(refusal(total_errors, &errors));
    }
    Ok((opened, total, passwords))
}

/// The error of a seed with shape errors: how many, and the first of them.
fn refusal(total_errors: usize, shown: &[String]) -> Error {
    let mut message = format!(
        "the seed has {total_errors} error{}; nothing was written",
        if total_errors == 1 { "" } else { "s" }
    );
    for e in shown {
        message.push_str("\n  ");
        message.push_str(e);
    }
    if total_errors > shown.len() {
        message.push_str(&format!("\n  … and {} more", total_errors - shown.len()));
    }
    Error::invalid(message)
}

/// Hashes the seed's plain-text passwords on `threads` threads. A user who already has a
/// hash that verifies the same password keeps it, so a second run writes nothing.
fn hash_passwords(
    store: &mut Store,
    passwords: Vec<PendingPassword>,
    options: &Options,
    observer: &dyn Observer,
) -> Result<HashMap<usize, Prehashed>> {
    let threads = options.threads;
    let stop = &*options.stop;
    if passwords.is_empty() {
        return Ok(HashMap::new());
    }
    let existing: Vec<Option<String>> = store.read(|tx| {
        passwords
            .iter()
            .map(
                |(_, user, _)| Ok(actions::user::existing(tx, user)?.and_then(|u| u.password_hash)),
            )
            .collect()
    })?;
    let jobs: Vec<(usize, String, Option<String>)> = passwords
        .into_iter()
        .zip(existing)
        .map(|((i, _, pw), old)| (i, pw, old))
        .collect();
    let threads = threads.clamp(1, jobs.len());
    let chunk = jobs.len().div_ceil(threads);
    let results: Vec<Result<Vec<(usize, Prehashed)>>> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    // One working memory per thread, reused for every password.
                    let mut hasher = password::Hasher::new();
                    part.iter()
                        .map(|(i, pw, old)| {
                            go_on(stop)?;
                            let hash = match old {
                                Some(h) if hasher.verify(pw, h) => h.clone(),
                                _ => hasher.hash(pw)?,
                            };
                            observer.step();
                            Ok((
                                *i,
                                Prehashed {
                                    text: text_digest(pw),
                                    seen: old.clone(),
                                    hash,
                                },
                            ))
                        })
                        .collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::internal("a hashing thread panicked")))
            })
            .collect()
    });
    let mut out = HashMap::new();
    for r in results {
        out.extend(r?);
    }
    Ok(out)
}

/// The hash a seeded user's plain-text password is stored as, decided inside the write
/// transaction. Usually that is what was decided outside it; but when the stored hash
/// changed in between (another seed of the same file committed first), the password is
/// verified against what is stored now, so an unchanged password stays unchanged.
fn settle_password(
    tx: &Tx<'_>,
    user: &actions::user::NewUser,
    plain: &str,
    pre: &Prehashed,
) -> Result<String> {
    if text_digest(plain) != pre.text {
        return Err(Error::internal(
            "a password read in pass two differs from the one hashed in pass one",
        ));
    }
    let stored = actions::user::existing(tx, user)?.and_then(|u| u.password_hash);
    Ok(match stored {
        Some(now) if now == pre.hash || Some(&now) == pre.seen.as_ref() => pre.hash.clone(),
        Some(now) if password::verify(plain, &now) => now,
        _ => pre.hash.clone(),
    })
}

/// What applying one event needs besides its input: the passwords hashed in pass one.
pub struct Prepared<'a> {
    index: usize,
    hashes: &'a HashMap<usize, Prehashed>,
}

impl Prepared<'_> {
    /// The hash to store for this event's plain-text password `plain` of `user`: the one
    /// pass one made from this very text, settled inside the write transaction
    /// ([`settle_password`]).
    pub fn password_hash(
        &self,
        tx: &Tx<'_>,
        user: &actions::user::NewUser,
        plain: &str,
    ) -> Result<String> {
        let pre = self
            .hashes
            .get(&self.index)
            .ok_or_else(|| Error::internal("a seeded password was not hashed in pass one"))?;
        settle_password(tx, user, plain, pre)
    }
}

/// Runs a seed: checks everything, opens the store with `open`, hashes passwords, then
/// applies every event in one transaction (rolled back with `rollback`), as `who`. `env`
/// looks up `${env:…}` variables.
pub fn run(
    open: &dyn Fn() -> Result<Store>,
    who: RunAs<'_>,
    now: DateTime<Utc>,
    inputs: &[Input],
    options: Options,
    env: &(dyn Fn(&str) -> Option<String> + Sync),
    observer: &mut dyn Observer,
) -> Result<Report> {
    let started = Instant::now();
    observer.phase(Phase::Checking, None);
    let (opened, total, passwords) = check_all(inputs, now, env, &options, observer)?;
    let checked = started.elapsed();
    // Only now, every event checked, is the database opened (and created when missing): a
    // malformed seed leaves no empty database behind.
    let mut store = open()?;
    store.expect_many_rows();
    let login = who.login;
    let passwords_hashed = passwords.len();
    if passwords_hashed > 0 {
        observer.phase(Phase::Hashing, Some(passwords_hashed as u64));
    }
    let hashes = hash_passwords(&mut store, passwords, &options, observer)?;
    let hashed = started.elapsed();
    options.go_on()?;
    observer.phase(Phase::Applying, Some(total));

    let mut apply = |tx: &mut Tx<'_>| -> Result<Vec<(&'static str, Counts)>> {
        let mut counts: Vec<(&'static str, Counts)> = events::catalogue()
            .map(|d| (d.name, Counts::default()))
            .collect();
        // The actor of the whole run, as for any command: the operator, or the `--as` user
        // (who must exist and be active).
        let runner = actions::resolve_actor(tx, login, who.user)?;
        let mut index = 0usize;
        for (input, file) in inputs.iter().zip(opened.iter()) {
            let base = Ctx::new(runner.clone(), now, input.audit_source())
                .notifying(options.notify.clone());
            let scanner = file.replay()?;
            let (scanner, applied) = pass_two(
                scanner,
                options.threads,
                &file.name,
                input.from,
                &mut index,
                now,
                env,
                |events| {
                    apply_input(
                        tx,
                        &options,
                        &base,
                        login,
                        &runner,
                        &file.name,
                        events,
                        &hashes,
                        &mut counts,
                        observer,
                    )
                },
            );
            // Whatever happened, the bytes applied must be the bytes checked: a file
            // changed under the seed is reported as such, not as the error it caused.
            file.end_replay(scanner)?;
            applied?;
        }
        // The last look before the commit: once committed, a seed is done.
        options.go_on()?;
        Ok(counts)
    };
    let counts = if options.rollback {
        store.write_rolled_back(apply)?
    } else {
        let counts = store.write_unpublished(&mut apply)?;
        match store.publish()? {
            Published::Done => counts,
            // A new database, created by another roster while this seed ran into its own:
            // apply it again, into that one (unchanged events stay unchanged there).
            Published::Taken => open()?.write(&mut apply)?,
        }
    };
    Ok(Report {
        events: total,
        summary: counts.into_iter().filter(|(_, c)| c.total() > 0).collect(),
        elapsed: started.elapsed(),
        passwords_hashed,
        phases: [
            ("check", checked),
            ("hash passwords", hashed - checked),
            ("apply", started.elapsed() - hashed),
        ],
    })
}

/// How many events pass two's reader hands over at a time, and how many such batches may
/// wait: a few hundred events in flight at most, so memory stays flat.
const PASS_TWO_BATCH: usize = 256;
const PASS_TWO_BATCHES: usize = 2;

/// Pass two over one input: its events read and checked again (cheaply: their values were
/// validated in pass one) and handed, in order, to `apply`. With two threads or more the
/// reading runs on a thread of its own, a few batches ahead of `apply` (which holds the
/// transaction); with one it runs in between. Either way `apply` sees the same events in
/// the same order, and the first that cannot be read is the last it sees, as an error.
/// Returns the scanner, to be read to its end and its digest compared, and what `apply`
/// returned.
#[allow(clippy::too_many_arguments)]
fn pass_two<T>(
    mut scanner: input::PassTwo,
    threads: usize,
    name: &str,
    dialect: Dialect,
    index: &mut usize,
    now: DateTime<Utc>,
    env: &(dyn Fn(&str) -> Option<String> + Sync),
    apply: impl FnOnce(&mut dyn Iterator<Item = Result<Checked>>) -> Result<T>,
) -> (input::PassTwo, Result<T>) {
    if threads < 2 {
        let applied = apply(&mut read_checked(
            &mut scanner,
            name,
            dialect,
            index,
            now,
            env,
        ));
        return (scanner, applied);
    }
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<Checked>>>(PASS_TWO_BATCHES);
    let start = *index;
    std::thread::scope(|s| {
        let reader = s.spawn(move || {
            let mut at = start;
            let mut batch = Vec::with_capacity(PASS_TWO_BATCH);
            for item in read_checked(&mut scanner, name, dialect, &mut at, now, env) {
                batch.push(item);
                if batch.len() == PASS_TWO_BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(PASS_TWO_BATCH));
                    // A closed channel: `apply` stopped (at an error) and reads no more.
                    if tx.send(full).is_err() {
                        batch.clear();
                        break;
                    }
                }
            }
            // The rest, which ends with the error that stopped the reading, if one did.
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
            (scanner, at)
        });
        let applied = apply(&mut rx.iter().flatten());
        // Unblocks a reader waiting to hand over a batch `apply` will not take.
        drop(rx);
        match reader.join() {
            Ok((scanner, at)) => {
                *index = at;
                (scanner, applied)
            }
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Pass two's reading of one input: each event, checked again, with its 1-based index
/// across the seed (counted in `index`); the first that cannot be read ends it, as an
/// error.
fn read_checked<'a, R: std::io::Read>(
    scanner: &'a mut scan::Scanner<R>,
    name: &'a str,
    dialect: Dialect,
    index: &'a mut usize,
    now: DateTime<Utc>,
    env: &'a (dyn Fn(&str) -> Option<String> + Sync),
) -> impl Iterator<Item = Result<Checked>> + 'a {
    let mut events = Events::new(scanner, dialect);
    let mut done = false;
    // Stops at the first error: nothing after it is scanned (the digest check reads the
    // rest as bytes).
    std::iter::from_fn(move || {
        while !done {
            let next = events.next()?;
            *index += 1;
            let index = *index;
            let checked = match next {
                Next::Event(raw) => events::check(raw, index, now, env, false).map_err(|errs| {
                    let first = errs
                        .into_iter()
                        .next()
                        .map(|e| e.message)
                        .unwrap_or_default();
                    Error::invalid(format!("{name}: event {index}: {first}"))
                }),
                Next::Folded => continue,
                Next::Syntax(e) => Err(Error::invalid(format!("{name}:{}: {}", e.pos, e.message))),
                Next::Refused(event, problems) => {
                    let first = problems.into_iter().next();
                    Err(Error::invalid(format!(
                        "{name}:{}: event {index} ({event}): {}",
                        first.as_ref().map(|p| p.pos).unwrap_or_default(),
                        first.map(|p| p.message).unwrap_or_default()
                    )))
                }
            };
            done = checked.is_err();
            return Some(checked);
        }
        None
    })
}

/// Applies one input's checked events through their actions, in order; the first error
/// (of reading or of applying) stops it.
#[allow(clippy::too_many_arguments)]
fn apply_input(
    tx: &mut Tx<'_>,
    options: &Options,
    base: &Ctx,
    login: &str,
    runner: &actions::Actor,
    name: &str,
    events: &mut dyn Iterator<Item = Result<Checked>>,
    hashes: &HashMap<usize, Prehashed>,
    counts: &mut [(&'static str, Counts)],
    observer: &mut dyn Observer,
) -> Result<()> {
    for checked in events {
        options.go_on()?;
        let Checked { event: ev, op } = checked?;
        let index = ev.index;
        // Where the event is, for messages: built only when one is needed.
        let where_ = || locate(name, ev.pos, ev.index, Some(&ev.shown_name()));
        let acting_as;
        let ctx = match &ev.as_user {
            None => base,
            Some(as_user) => {
                let actor = actions::resolve_actor(tx, login, Some(as_user))
                    .map_err(|e| e.context(where_()))?;
                // A seed run as a user applies every event as that user: an event may not
                // act as someone else.
                if let Some(me) = runner.user()
                    && !actor.is(me)
                {
                    return Err(Error::denied(format!(
                        "permission denied: acting as {as_user:?} in a seed run as {}",
                        me.label()
                    ))
                    .hint("only the operator (without --as) may apply events as other users")
                    .context(where_()));
                }
                acting_as = base.with_actor(actor);
                &acting_as
            }
        };
        let prepared = Prepared { index, hashes };
        let (outcome, subject) = op
            .apply(tx, ctx, &prepared)
            .map_err(|e| e.context(where_()))?;
        if let Some((_, c)) = counts.iter_mut().find(|(n, _)| *n == ev.name) {
            match outcome {
                "created" => c.created += 1,
                "updated" => c.updated += 1,
                "removed" => c.removed += 1,
                _ => c.unchanged += 1,
            }
        }
        observer.applied(&ev, outcome, &subject);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::input::{Input, Source};

    /// A seed of `n` user-create events, the `bad`th (1-based) not JSON, opened and read
    /// through pass one (which, unlike a real run, goes on past the error).
    fn opened(n: usize, bad: Option<usize>) -> (tempfile::TempDir, Opened) {
        let events: Vec<String> = (1..=n)
            .map(|i| match bad {
                Some(b) if b == i => r#"{"event": "user-create", "data": }"#.to_string(),
                _ => format!(
                    r#"{{"event": "user-create", "data": {{"email": "u{i}@x.io", "name": "U {i}"}}}}"#
                ),
            })
            .collect();
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.json");
        std::fs::write(&path, format!("[{}]", events.join(",\n"))).expect("write seed");
        let input = Input {
            source: Source::File(path),
            lines: false,
            from: Dialect::Roster,
        };
        let mut file = input.open(input::Limit::default()).expect("open");
        let scanner = file.scanner().expect("pass one");
        while let Some(e) = scanner.next_event() {
            if e.is_err() {
                break;
            }
        }
        file.end_pass_one(input::Limit::default())
            .expect("end of pass one");
        (dir, file)
    }

    /// What `apply` saw: each event's index, name and input, or the error that ended it.
    fn seen(file: &Opened, threads: usize, stop_after: Option<usize>) -> (Vec<String>, usize) {
        let mut index = 0;
        let mut got = Vec::new();
        let (scanner, applied) = pass_two(
            file.replay().expect("replay"),
            threads,
            "s.json",
            Dialect::Roster,
            &mut index,
            DateTime::<Utc>::UNIX_EPOCH,
            &|_| None,
            |events| {
                for e in events {
                    let c = e?;
                    got.push(format!("{} {} {:?}", c.event.index, c.event.name, c.op));
                    if Some(got.len()) == stop_after {
                        return Err(Error::invalid("stopped by apply"));
                    }
                }
                Ok(())
            },
        );
        if let Err(e) = applied {
            got.push(format!("error: {}", e.message));
        }
        // Read to its end and proven unchanged, however early `apply` stopped.
        file.end_replay(scanner).expect("the same bytes");
        (got, index)
    }

    #[test]
    fn pass_two_on_its_own_thread_hands_over_what_it_reads_inline() {
        // More events than the batches in flight, so the reader waits on `apply`.
        let n = PASS_TWO_BATCH * PASS_TWO_BATCHES * 3 + 5;
        let (_dir, file) = opened(n, None);
        let inline = seen(&file, 1, None);
        assert_eq!(inline.0.len(), n);
        assert_eq!(inline.1, n);
        assert!(
            inline.0[n - 1].starts_with(&format!("{n} user-create ")),
            "{:?}",
            inline.0[n - 1]
        );
        assert_eq!(seen(&file, 2, None), inline);
        assert_eq!(seen(&file, 4, None), inline);
    }

    #[test]
    fn pass_two_stops_at_the_first_event_it_cannot_read_on_either_thread() {
        let n = PASS_TWO_BATCH * PASS_TWO_BATCHES * 2;
        let (_dir, file) = opened(n, Some(300));
        let (inline, _) = seen(&file, 1, None);
        assert_eq!(inline.len(), 300, "299 events, then the error");
        assert!(inline[299].starts_with("error: s.json:"), "{}", inline[299]);
        assert_eq!(seen(&file, 2, None).0, inline);
    }

    #[test]
    fn an_apply_that_stops_early_stops_the_reader_without_waiting_for_it() {
        let n = PASS_TWO_BATCH * PASS_TWO_BATCHES * 4;
        let (_dir, file) = opened(n, None);
        for threads in [1, 2] {
            let (got, _) = seen(&file, threads, Some(3));
            assert_eq!(got.len(), 4, "{got:?}");
            assert_eq!(got[3], "error: stopped by apply");
        }
    }
}
