//! `roster seed` and `roster export`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use clap::Args;
use serde_json::{Value, json};

use super::App;
use crate::error::{Error, Result};
use crate::output::{
    Format, Record, Shape, render_csv, render_csv_row, render_json, render_jsonl, render_table,
    safe,
};
use crate::seed::events::Event;
use crate::seed::{self, Dialect, Input, Observer, Options, Phase, Report, RunAs, Source};
use crate::store::OpenMode;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  roster seed                          load ./seed.json\n  \
    roster seed users.jsonl profiles.json  several files, one transaction\n  \
    roster seed --dry-run seed.json       show what would change, write nothing\n  \
    roster seed --dry-run -v seed.json    ... and every unchanged event too\n  \
    roster seed --check seed.json         exit 1 if the database differs\n  \
    generate | roster seed --jsonl -      JSON Lines from stdin\n  \
    roster seed --from stackpress populate.json   a Stackpress populate list\n  \
    roster seed --schema > seed.schema.json      the JSON Schema, for editors"
)]
pub struct SeedArgs {
    /// Seed files, applied in order in one transaction; '-' reads stdin [default: seed.json]
    pub files: Vec<String>,
    /// Read the files as another tool writes them: stackpress (profile-create and auth-create events are people)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<SeedFrom>,
    /// Print the JSON Schema (draft 2020-12) of seed files, and exit
    #[arg(long, conflicts_with_all = ["files", "dry_run", "check", "jsonl", "from"])]
    pub schema: bool,
    /// Apply inside a transaction that is rolled back, and print the plan: the events that
    /// would change, then the totals (-v lists the unchanged ones too)
    #[arg(long)]
    pub dry_run: bool,
    /// Like --dry-run but silent: exit 0 when nothing would change, 1 otherwise
    #[arg(long, conflicts_with = "dry_run")]
    pub check: bool,
    /// Standard input is JSON Lines (files ending in .jsonl always are)
    #[arg(long)]
    pub jsonl: bool,
    /// Email the invitations the seed sends (needs ROSTER_SMTP_URL); without it a seed
    /// never emails anyone
    #[arg(long)]
    pub notify: bool,
}

/// The formats `--from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SeedFrom {
    /// A Stackpress populate list
    Stackpress,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  roster export -o backup.json\n  \
    roster export --with-secrets -o full.json   (includes password hashes; mode 0600)")]
pub struct ExportArgs {
    /// Write to this file (created with mode 0600) instead of stdout ('-' is stdout)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Include password hashes
    #[arg(long)]
    pub with_secrets: bool,
}

/// One event of a `--dry-run` plan: what it did (or would do) and to what.
struct Step<'a> {
    index: usize,
    event: &'a str,
    outcome: &'a str,
    subject: &'a str,
}

impl Record for Step<'_> {
    const SHAPE: Shape = Shape {
        noun: "plan step",
        fields: &["index", "event", "outcome", "subject"],
        columns: &[
            crate::output::Column::number("index", 9),
            crate::output::Column::whole("event", 8),
            crate::output::Column::whole("outcome", 7),
            crate::output::Column::whole("subject", 6),
        ],
    };

    fn to_json(&self) -> Value {
        json!({ "index": self.index, "event": self.event, "outcome": self.outcome, "subject": self.subject })
    }
}

/// Progress on a terminal, and the plan for --dry-run.
struct Watch {
    bar: Option<indicatif::ProgressBar>,
    plan: bool,
    /// The table plan lists unchanged events too (`-v`); it lists only the changes
    /// otherwise, as `terraform plan` does. JSON, JSON Lines and CSV list every event.
    unchanged_too: bool,
    format: Format,
    json_plan: Vec<Value>,
    failed: Option<Error>,
}

impl Observer for Watch {
    fn phase(&mut self, phase: Phase, steps: Option<u64>) {
        let Some(old) = self.bar.take() else {
            return;
        };
        old.finish_and_clear();
        // The phase, how far it is, its rate and (when its length is known) its ETA. A bar
        // of its own for each phase: its rate and ETA are that phase's.
        let unit = if phase == Phase::Hashing {
            "passwords"
        } else {
            "events"
        };
        let template = match steps {
            None => "{spinner} {prefix:<17} {human_pos} {msg}  {per_sec:0}  {elapsed}",
            Some(_) => {
                "{spinner} {prefix:<17} {wide_bar} {human_pos}/{human_len} {msg}  {per_sec:0}  ETA {eta}"
            }
        };
        let bar = indicatif::ProgressBar::with_draw_target(
            steps,
            indicatif::ProgressDrawTarget::stderr(),
        )
        .with_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
        .with_prefix(phase.name())
        .with_message(unit);
        // The spinner turns and the rate moves even while one slow step runs; and every
        // phase is shown, however short (redraws are otherwise rate-limited).
        bar.enable_steady_tick(std::time::Duration::from_millis(100));
        bar.force_draw();
        self.bar = Some(bar);
    }

    fn step(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn applied(&mut self, event: &Event, outcome: &'static str, subject: &str) {
        self.step();
        if !self.plan || self.failed.is_some() {
            return;
        }
        if outcome == "unchanged" && self.format == Format::Table && !self.unchanged_too {
            return;
        }
        let step = Step {
            index: event.index,
            event: event.name,
            outcome,
            subject,
        };
        // Printed as each event is applied: in csv a row at a time, without a header.
        let text = match self.format {
            Format::Json => {
                self.json_plan.push(step.to_json());
                return;
            }
            Format::Jsonl => render_jsonl(&[step.to_json()]),
            Format::Csv => render_csv_row(Step::SHAPE.fields, &step.to_json()),
            Format::Table => format!(
                "{:>6}  {:<15} {:<9} {}\n",
                step.index,
                step.event,
                step.outcome,
                safe(step.subject)
            ),
        };
        // Printed above the bar, which is drawn again below it.
        let write = || std::io::stdout().lock().write_all(text.as_bytes());
        let written = match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        };
        if let Err(e) = written {
            self.failed = Some(e.into());
        }
    }
}

/// Ctrl-C (SIGINT) and SIGTERM set `stop`, which the seed looks at between events and
/// passwords: it then rolls back and says so (130). A second one ends roster at once.
fn on_interrupt(stop: &Arc<AtomicBool>) -> Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    for signal in [SIGINT, SIGTERM] {
        // The shutdown first: it looks at the flag before the second registration sets it.
        signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(stop))
            .and_then(|_| signal_hook::flag::register(signal, Arc::clone(stop)))
            .map_err(|e| Error::internal(format!("cannot watch for Ctrl-C: {e}")))?;
    }
    Ok(())
}

pub fn seed(app: &App, a: SeedArgs) -> Result<()> {
    if a.schema {
        return app.out.out(&schema());
    }
    if a.files.is_empty() && a.from.is_some() {
        // seed.json is roster's own demo, never another tool's file.
        return Err(
            Error::usage("seed --from stackpress: name the populate file to read").hint(
                "for example `roster seed --from stackpress populate.json`, or '-' for stdin",
            ),
        );
    }
    let files = if a.files.is_empty() {
        vec!["seed.json".to_string()]
    } else {
        a.files.clone()
    };
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(Error::usage("seed: '-' (stdin) can be given only once"));
    }
    let from = match a.from {
        None => Dialect::Roster,
        Some(SeedFrom::Stackpress) => Dialect::Stackpress,
    };
    // Mail settings are checked before anything is read or written.
    let mailing = if a.notify {
        Some(super::mail::mailing(app)?.ok_or_else(|| {
            Error::usage("seed --notify: ROSTER_SMTP_URL is not set, so there is no server to email through")
                .hint("set ROSTER_SMTP_URL, ROSTER_MAIL_FROM and ROSTER_INVITE_LINK (README \"Mail\"), or leave out --notify")
        })?)
    } else {
        None
    };
    let inputs = inputs(&files, a.jsonl, from)?;
    let mut watch = watch(app, &a);
    let rollback = a.dry_run || a.check;
    let stop = Arc::new(AtomicBool::new(false));
    on_interrupt(&stop)?;
    let options = Options {
        rollback,
        threads: app.threads,
        max_input: app.max_input,
        notify: mailing.as_ref().map(|m| m.notify.clone()),
        stop,
    };
    let env = |name: &str| std::env::var(name).ok();
    let who = RunAs {
        login: &app.login,
        user: app.as_user.as_deref(),
    };
    // A new database is built under a private name and put in place only when the seed
    // commits: a dry run, a check, or a failed seed leaves no database behind.
    let open = || app.open(OpenMode::Create);
    let result = seed::run(&open, who, app.now, &inputs, options, &env, &mut watch);
    if let Some(bar) = &watch.bar {
        bar.finish_and_clear();
    }
    let report = result?;
    if let Some(e) = watch.failed.take() {
        return Err(e);
    }
    // Committed: the invitation emails the seed queued go now (a dry run queued none
    // that lasted).
    if let Some(m) = &mailing {
        if rollback {
            m.notify.take_queued();
        } else {
            let statuses = super::mail::deliver_queued(app, m);
            let sent = statuses
                .values()
                .filter(|s| **s == crate::model::MailStatus::Sent)
                .count();
            if !statuses.is_empty() {
                app.out.note(&format!(
                    "emailed {sent} of {} invitation{}",
                    statuses.len(),
                    if statuses.len() == 1 { "" } else { "s" }
                ));
            }
        }
    }
    if app.out.verbose > 0 {
        let phases: Vec<String> = report
            .phases
            .iter()
            .map(|(name, d)| format!("{name} {}", millis(*d)))
            .collect();
        app.out.note(&format!(
            "seed: {}, {} hashed; {}",
            count(report.events, "event"),
            count(report.passwords_hashed as u64, "password"),
            phases.join(", ")
        ));
    }
    if a.check {
        return check(&report);
    }
    if app.out.quiet {
        return Ok(());
    }
    print_report(
        app,
        &report,
        a.dry_run,
        watch.unchanged_too,
        watch.json_plan,
    )
}

/// `1,234,567`: a count as people read it.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A row of the summary table with its counts as [`thousands`] writes them.
fn grouped(mut row: Value) -> Value {
    if let Some(fields) = row.as_object_mut() {
        for v in fields.values_mut() {
            if let Some(n) = v.as_u64() {
                *v = Value::String(thousands(n));
            }
        }
    }
    row
}

/// `1 event`, `100,000 events`.
fn count(n: u64, noun: &str) -> String {
    format!("{} {noun}{}", thousands(n), if n == 1 { "" } else { "s" })
}

/// `1,234 ms`.
fn millis(d: std::time::Duration) -> String {
    format!("{} ms", thousands(d.as_millis() as u64))
}

/// `81,037 events/s` over the whole run.
fn rate(events: u64, d: std::time::Duration) -> String {
    let per_second = events as f64 / d.as_secs_f64().max(1e-6);
    format!("{} events/s", thousands(per_second.round() as u64))
}

/// `roster seed --schema`: the schema of the event catalogue, described by the help of
/// the commands the events are (an event's `data` fields are its command's flags).
pub fn schema() -> String {
    let tree = super::help::command();
    let command = |event: &str| {
        let (family, verb) = event.split_once('-')?;
        tree.find_subcommand(family)?.find_subcommand(verb).cloned()
    };
    let describe = |event: &str, field: Option<&str>| -> Option<String> {
        let cmd = command(event)?;
        let text = match field {
            None => cmd.get_about()?.to_string(),
            Some(field) => {
                let flag = field.replace('_', "-");
                cmd.get_arguments()
                    .find(|a| a.get_long() == Some(flag.as_str()) || a.get_id() == field)?
                    .get_help()?
                    .to_string()
            }
        };
        Some(text)
    };
    seed::schema::render(&describe)
}

/// The inputs named on the command line. Each is opened once, by the seed runner,
/// before the database is; a missing file is named here first, before anything is read.
fn inputs(files: &[String], jsonl: bool, from: Dialect) -> Result<Vec<Input>> {
    let mut inputs = Vec::with_capacity(files.len());
    for f in files {
        if f == "-" {
            inputs.push(Input {
                source: Source::Stdin,
                lines: jsonl,
                from,
            });
            continue;
        }
        let path = PathBuf::from(f);
        if std::fs::symlink_metadata(&path).is_err() {
            let mut e = Error::no_input(format!("seed file not found: {f}"));
            if f == "seed.json" {
                e = e
                    .hint("run roster where seed.json is, or name the seed file: roster seed FILE");
            }
            return Err(e);
        }
        let lines = path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"));
        inputs.push(Input {
            source: Source::File(path),
            lines,
            from,
        });
    }
    Ok(inputs)
}

/// The progress bar (on a terminal, unless `-q` or `--check`) and the plan (`--dry-run`).
fn watch(app: &App, a: &SeedArgs) -> Watch {
    // Never in -q, nor with JSON output (whose reader is a program), nor for --check.
    let show_bar = !app.out.quiet
        && std::io::stderr().is_terminal()
        && !a.check
        && app.out.format != Format::Json;
    Watch {
        // Hidden until the first phase starts: each phase draws a bar of its own.
        bar: show_bar.then(indicatif::ProgressBar::hidden),
        plan: a.dry_run && !app.out.quiet,
        unchanged_too: app.out.verbose > 0,
        format: app.out.format,
        json_plan: Vec::new(),
        failed: None,
    }
}

/// `--check`: exit 0 when nothing would change, 1 (naming how much) otherwise.
fn check(report: &Report) -> Result<()> {
    if report.changed() {
        return Err(Error::differs(format!(
            "the database differs from the seed: {} of {} would change it",
            thousands(changes(report)),
            count(report.events, "event")
        ))
        .hint("apply it with `roster seed`, or see what would change with --dry-run"));
    }
    Ok(())
}

/// How many events change (or would change) anything.
fn changes(report: &Report) -> u64 {
    report
        .summary
        .iter()
        .map(|(_, c)| c.created + c.updated + c.removed)
        .sum()
}

fn print_report(
    app: &App,
    report: &Report,
    dry_run: bool,
    unchanged_listed: bool,
    plan: Vec<Value>,
) -> Result<()> {
    match app.out.format {
        Format::Table => {
            // The counts as the line under the table writes them: `100,000`.
            let rows: Vec<Value> = report.summary_rows().into_iter().map(grouped).collect();
            let mut text = if rows.is_empty() {
                String::new()
            } else {
                render_table(&SUMMARY, &rows, app.out.width, app.out.color)
            };
            let took = format!(
                "{}, {}",
                millis(report.elapsed),
                rate(report.events, report.elapsed)
            );
            let events = count(report.events, "event");
            let unchanged: u64 = report.summary.iter().map(|(_, c)| c.unchanged).sum();
            text.push_str(&if dry_run {
                format!(
                    "dry run: {events} checked ({took}): {} would change, {} unchanged; nothing was written\n",
                    thousands(changes(report)),
                    thousands(unchanged),
                )
            } else if report.changed() {
                format!("applied {events} ({took})\n")
            } else {
                format!("{events}, all unchanged ({took}); nothing was written\n")
            });
            app.out.out(&text)?;
            if dry_run && unchanged > 0 && !unchanged_listed {
                app.out.hint(&format!(
                    "not listed: {} unchanged; `--dry-run -v` lists every event",
                    count(unchanged, "event")
                ));
            }
            Ok(())
        }
        Format::Json => {
            let mut v = report.to_json();
            if let Some(obj) = v.as_object_mut() {
                obj.insert("dry_run".into(), dry_run.into());
                if dry_run {
                    obj.insert("plan".into(), Value::Array(plan));
                }
            }
            app.out.out(&render_json(&v))
        }
        Format::Jsonl | Format::Csv => {
            let rows = report.summary_rows();
            if app.out.format == Format::Csv {
                app.out.out(&render_csv(&SUMMARY, &rows))
            } else {
                app.out.out(&render_jsonl(&rows))
            }
        }
    }
}

/// The per-event totals of a seed run (`Report::summary_rows`), in a table, jsonl and csv.
const SUMMARY: Shape = Shape {
    noun: "event",
    fields: &["event", "created", "updated", "unchanged", "removed"],
    columns: &[
        crate::output::Column::whole("event", 9),
        crate::output::Column::number("created", 8),
        crate::output::Column::number("updated", 7),
        crate::output::Column::number("unchanged", 5),
        crate::output::Column::number("removed", 6),
    ],
};

pub fn export(app: &App, a: ExportArgs) -> Result<()> {
    let mut store = app.open(OpenMode::Existing)?;
    // The database's files, and the audit key: an export over the key would lose it.
    let mut protected = store.own_files();
    protected.extend(app.audit_key_file.clone());
    store.read(|tx| {
        let ctx = app.ctx(tx)?;
        // `-o -` (or `/dev/stdout`) is stdout, written through its descriptor, as `seed -`
        // is stdin.
        let output = a.output.as_ref().filter(|p| !crate::outfile::is_stdout(p));
        match output {
            None => {
                crate::outfile::check_stdout(&protected)?;
                let stdout = std::io::stdout();
                let mut out = std::io::BufWriter::new(stdout.lock());
                crate::seed::export::export(tx, &ctx, a.with_secrets, &mut out)?;
                out.flush()?;
                Ok(())
            }
            Some(path) => {
                // Checked before the file is created: a refused export must not create,
                // nor truncate, the file.
                crate::seed::export::authorize(tx, &ctx)?;
                let n = crate::outfile::write(path, &protected, |out| {
                    crate::seed::export::export(tx, &ctx, a.with_secrets, out)
                })?;
                app.out
                    .note(&format!("exported {n} events to {}", path.display()));
                Ok(())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_table_groups_thousands_as_the_line_below_it() {
        let row = serde_json::json!({
            "event": "user-create", "created": 100_000, "updated": 0, "unchanged": 1234, "removed": 7,
        });
        let table = render_table(&SUMMARY, &[grouped(row)], Some(80), false);
        assert!(table.contains("100,000"), "{table}");
        assert!(table.contains("1,234"), "{table}");
        assert!(!table.contains("100000"), "{table}");
        // Right-aligned still: the 7 ends where the header `removed` does.
        let header = table
            .lines()
            .find(|l| l.contains("removed"))
            .unwrap_or_default();
        let line = table
            .lines()
            .find(|l| l.contains("user-create"))
            .unwrap_or_default();
        assert_eq!(
            header.find("removed").map(|i| i + "removed".len()),
            line.rfind('7').map(|i| i + 1),
            "{table}"
        );
    }

    #[test]
    fn a_plan_step_has_one_shape() {
        let step = Step {
            index: 1,
            event: "user-create",
            outcome: "created",
            subject: "ann@example.com",
        };
        crate::output::assert_shape(&step, &[]);
    }

    #[test]
    fn the_summary_shape_is_the_reports_rows() {
        // The rows are the seed runner's (Report::summary_rows); their shape is here.
        let report = Report {
            summary: vec![("user-create", crate::seed::Counts::default())],
            ..Report::default()
        };
        let rows = report.summary_rows();
        let keys: Vec<&str> = rows[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, SUMMARY.fields);
        let columns: Vec<&str> = SUMMARY.columns.iter().map(|c| c.name).collect();
        assert_eq!(columns, SUMMARY.fields);
    }

    #[test]
    fn a_plan_row_in_csv_is_quoted_and_escaped_as_every_csv_is() {
        let step = Step {
            index: 3,
            event: "member-add",
            outcome: "created",
            subject: "family: \"ann\", \u{1b}[2J",
        };
        assert_eq!(
            render_csv_row(Step::SHAPE.fields, &step.to_json()),
            "3,member-add,created,\"family: \"\"ann\"\", \\u{1b}[2J\"\n"
        );
        let plain = Step {
            subject: "family: ann@example.com",
            ..step
        };
        assert_eq!(
            render_csv_row(Step::SHAPE.fields, &plain.to_json()),
            "3,member-add,created,family: ann@example.com\n"
        );
    }
}
