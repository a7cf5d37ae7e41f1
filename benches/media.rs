//! Media listing benchmark (BENCHMARKS.md, "Media listing").
//!
//! Builds database A with two profiles, `small` (10 000 items) and `big` (1 000 000), and
//! database B holding only the same `small` profile, then times on each profile the first
//! page, a page from the middle (by cursor), and title searches: a rare term (20 titles per
//! profile), a rare phrase (a fixed share, about 0.03%), a common term (about 3%), and a
//! term common in `small` only (25% of its titles, none of `big`'s: the worst case of the
//! plan choice). Each figure is the median of many repetitions of the action the CLI runs
//! (`actions::media::list`, in a read transaction, as a member user), next to the `sqlite3`
//! shell running the same SQL, and the release binary end to end (a new process, so a cold
//! SQLite cache).
//!
//!     cargo bench --bench media
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it runs a small, quick version
//! that checks the results but not the times.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use roster::actions::media::{self, ListQuery};
use roster::actions::{Actor, Ctx, OnExists};
use roster::model::{Media, MediaType, Role, User, new_id, timestamp};
use roster::store::{MediaPlace, OpenMode, SearchPlan, Store};

const WORDS: &[&str] = &[
    "The", "Dark", "Night", "Return", "Star", "War", "Love", "Story", "Last", "King", "Ring",
    "Lord", "Ghost", "City", "River", "Blue", "Red", "Silent", "House", "Dragon", "Empire",
    "Secret", "Garden", "Island", "Winter", "Summer", "Storm", "Fire", "Ice", "Moon", "Sun",
    "Shadow", "Light", "Iron", "Golden", "Lost", "World", "Road", "Journey", "Dream", "Heart",
    "Time", "Machine", "Wild", "West", "North", "Ocean", "Mountain", "Forest", "Sky", "Queen",
    "Prince", "Legend", "Hunter", "Killer", "Angel", "Devil", "Saint", "Crown", "Blood", "Stone",
    "Glass", "Paper", "Tiger", "Wolf", "Eagle", "Rose", "Thunder", "Rain", "Snow", "Wind", "Echo",
    "Signal", "Code", "Protocol", "Mission", "Agent", "Spy", "Doctor", "Captain", "Soldier",
    "Pilot", "Station", "Harbor", "Bridge", "Tower", "Castle", "Palace", "Street", "Avenue",
    "Valley", "Desert", "Jungle", "Planet", "Galaxy", "Comet", "Orbit", "Zero", "Infinity",
    "Memory",
];
const RARE: &str = "zyzzyva";
const RARE_PER_PROFILE: usize = 20;
const PHRASE: &str = "dragon fire";
const COMMON: &str = "dragon";
/// In a quarter of `small`'s titles and none of `big`'s.
const ELSEWHERE: &str = "kraken";
const PAGE: i64 = 50;
const EMAIL: &str = "bench@example.com";

/// splitmix64: a small deterministic generator, so every run builds the same libraries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn die(what: &str, e: impl std::fmt::Display) -> ! {
    eprintln!("bench: {what}: {e}");
    std::process::exit(1);
}

fn operator(now: chrono::DateTime<chrono::Utc>) -> Ctx {
    Ctx::new(
        Actor::Operator {
            login: "bench".into(),
        },
        now,
        "cli",
    )
}

/// A database with the member user and the given profiles, each with `n` generated items.
fn build(path: &Path, profiles: &[(&str, usize, u64)]) -> (Store, User) {
    let mut store = Store::open(path, OpenMode::Create, 5000).unwrap_or_else(|e| die("open", e));
    let now = chrono::Utc::now();
    let op = operator(now);
    let user = store
        .write(|tx| {
            let input = roster::actions::user::NewUser {
                email: Some(EMAIL.into()),
                name: Some("Bench".into()),
                ..Default::default()
            };
            roster::actions::user::create(tx, &op, input, OnExists::Fail)
        })
        .unwrap_or_else(|e| die("user", e))
        .into_value();
    for &(slug, n, seed) in profiles {
        store
            .write(|tx| {
                let input = roster::actions::profile::NewProfile {
                    name: Some(slug.into()),
                    ..Default::default()
                };
                let p =
                    roster::actions::profile::create(tx, &op, input, OnExists::Fail)?.into_value();
                tx.member_insert(&roster::model::Member {
                    id: new_id(),
                    profile_id: p.id.clone(),
                    user_id: user.id.clone(),
                    role: Role::member(),
                    created_at: timestamp(now),
                    updated_at: timestamp(now),
                    profile_slug: p.slug.clone(),
                    user_email: user.email.clone(),
                    user_username: None,
                    user_name: user.name.clone(),
                })?;
                let mut rng = Rng(seed);
                let rare_every = n / RARE_PER_PROFILE;
                for i in 0..n {
                    let words = 2 + rng.below(3);
                    let mut title = (0..words)
                        .map(|_| WORDS[rng.below(WORDS.len())])
                        .collect::<Vec<_>>()
                        .join(" ");
                    if i % rare_every == rare_every / 2 {
                        title.push_str(" Zyzzyva");
                    }
                    if slug == "small" && i % 4 == 1 {
                        title.push_str(" Kraken");
                    }
                    if rng.below(10) < 3 {
                        title.push_str(&format!(" {}", 1 + rng.below(9)));
                    }
                    let kind =
                        [MediaType::Movie, MediaType::Show, MediaType::Episode][rng.below(3)];
                    tx.media_insert(&Media {
                        id: new_id(),
                        profile_id: p.id.clone(),
                        kind,
                        file_path: Some(format!("/srv/media/{title}.mkv")),
                        title,
                        year: Some(1950 + rng.below(76) as i64),
                        tmdb_id: None,
                        imdb_id: None,
                        infohash: None,
                        parent_id: None,
                        season_number: None,
                        episode_number: None,
                        status: "pending".into(),
                        added_by: None,
                        added_at: timestamp(now),
                    })?;
                }
                Ok(())
            })
            .unwrap_or_else(|e| die("populate", e));
    }
    (store, user)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

#[derive(Debug, Clone, Copy)]
enum Expect {
    Exactly(usize),
    Some,
    /// The smoke libraries are too small to promise anything.
    Any,
}

/// One measured query: how to ask the action, and what the page must hold.
struct Case {
    name: &'static str,
    search: Option<&'static str>,
    after: Option<(&'static str, &'static str)>,
    expect: Expect,
    /// Part of the growth comparison (the worst case is reported on its own).
    growth: bool,
}

fn sql_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

const COLS: &str = "m.id, m.profile_id, m.type, m.title, m.year, m.tmdb_id, m.imdb_id, \
    m.infohash, m.file_path, m.parent_id, m.season_number, m.episode_number, m.status, \
    m.added_by, m.added_at";

/// The SQL of a page of a library of movies (each its own group, so the natural order is
/// the title index's), with LIKE standing in for roster_contains() (the same for ASCII
/// terms; the shell does not have roster's function).
fn page_sql(
    profile_id: &str,
    search: Option<(&str, SearchPlan)>,
    after: Option<(&str, &str)>,
) -> String {
    let (t, i) = after.unwrap_or(("", ""));
    let from = match search {
        Some((term, SearchPlan::Index)) => format!(
            "media_fts f CROSS JOIN media m ON m.rowid = f.rowid WHERE f.media_fts MATCH {} AND",
            sql_quote(&format!("\"{term}\""))
        ),
        _ => "media m WHERE".to_string(),
    };
    let like = match search {
        Some((term, _)) => format!(" AND m.title LIKE {}", sql_quote(&format!("%{term}%"))),
        None => String::new(),
    };
    format!(
        "SELECT {COLS} FROM {from} m.profile_id = {} AND (m.title, m.id) > ({}, {}){like} \
         ORDER BY m.title, m.id LIMIT {};",
        sql_quote(profile_id),
        sql_quote(t),
        sql_quote(i),
        PAGE + 1
    )
}

/// Median CPU time (user + sys, from `.timer on`) of `reps` runs of `sql` in the sqlite3
/// shell; None when the shell is not installed.
fn sqlite3_median(db: &Path, sql: &str, reps: usize) -> Option<Duration> {
    let mut script = String::from(".timer on\n.output /dev/null\n");
    for _ in 0..reps {
        script.push_str(sql);
        script.push('\n');
    }
    let out = Command::new("sqlite3")
        .arg("-batch")
        .arg(db)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(script.as_bytes())?;
            }
            child.wait_with_output()
        })
        .ok()?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let times: Vec<Duration> = text
        .lines()
        .filter_map(|l| l.strip_prefix("Run Time: "))
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let user: f64 = f.get(3)?.parse().ok()?;
            let sys: f64 = f.get(5)?.parse().ok()?;
            Some(Duration::from_secs_f64(user + sys))
        })
        .collect();
    if times.len() != reps {
        eprintln!(
            "bench: sqlite3 gave {} timings for {reps} runs:\n{text}",
            times.len()
        );
        return None;
    }
    Some(median(times))
}

/// Median wall time of the release binary running `media list` end to end.
fn cli_median(db: &Path, args: &[String], reps: usize) -> Duration {
    let exe = env!("CARGO_BIN_EXE_roster");
    let mut times = Vec::with_capacity(reps);
    for _ in 0..reps {
        let start = Instant::now();
        let out = Command::new(exe)
            .arg("--db")
            .arg(db)
            .args(["--as", EMAIL, "--json", "media", "list"])
            .args(args)
            .output()
            .unwrap_or_else(|e| die("run roster", e));
        times.push(start.elapsed());
        if !out.status.success() {
            die(
                "roster media list",
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
    }
    median(times)
}

fn plan_label(plan: Option<SearchPlan>) -> &'static str {
    match plan {
        None => "keyset",
        Some(SearchPlan::Index) => "trigram index",
        Some(SearchPlan::Scan) => "ordered scan",
    }
}

struct Measured {
    case: &'static str,
    label: String,
    micros: f64,
}

#[allow(clippy::too_many_arguments)]
fn measure(
    label: &str,
    db: &Path,
    store: &mut Store,
    ctx: &Ctx,
    slug: &str,
    n: usize,
    case: &Case,
    reps: usize,
    cli_reps: usize,
) -> Measured {
    let (profile_id, cap, plan) = store
        .read(|tx| {
            let p = media::list(
                tx,
                ctx,
                slug,
                ListQuery {
                    limit: Some(1),
                    ..Default::default()
                },
            )?
            .profile;
            let plan = case.search.map(|t| tx.media_search_plan(t)).transpose()?;
            Ok((p.id, tx.media_search_cap()?, plan))
        })
        .unwrap_or_else(|e| die("setup", e));
    let query = ListQuery {
        search: case.search.map(str::to_string),
        // The libraries hold movies only: each item heads its own group.
        after: case.after.map(|(t, i)| {
            media::encode_cursor(&MediaPlace {
                title: t.to_string(),
                group: i.to_string(),
                episode: false,
                season: -1,
                number: -1,
                id: i.to_string(),
            })
        }),
        ..Default::default()
    };
    let mut times = Vec::with_capacity(reps);
    let mut got = 0;
    for _ in 0..reps {
        let q = query.clone();
        let start = Instant::now();
        let page = store
            .read(|tx| media::list(tx, ctx, slug, q))
            .unwrap_or_else(|e| die(case.name, e));
        times.push(start.elapsed());
        got = page.items.len();
    }
    let expected = match (case.expect, case.search) {
        // The term common elsewhere is not in big at all.
        (_, Some(ELSEWHERE)) if slug == "big" => Expect::Exactly(0),
        (e, _) => e,
    };
    let ok = match expected {
        Expect::Exactly(e) => got == e,
        Expect::Some => got > 0,
        Expect::Any => true,
    };
    if !ok {
        die(
            case.name,
            format!("{slug}: {got} items, expected {expected:?}"),
        );
    }
    let ours = median(times);
    let sql = page_sql(&profile_id, case.search.zip(plan), case.after);
    let shell = sqlite3_median(db, &sql, reps);
    let mut args = vec![slug.to_string()];
    if let Some(s) = &query.search {
        args.extend(["--search".to_string(), s.clone()]);
    }
    if let Some(c) = &query.after {
        args.extend(["--after".to_string(), c.clone()]);
    }
    let cli = cli_median(db, &args, cli_reps);
    println!(
        "| {} | {label} | {n} | {got} | {} (cap {cap}) | {:.0} | {} | {:.1} |",
        case.name,
        plan_label(plan),
        micros(ours),
        shell.map_or("n/a".to_string(), |d| format!("{:.0}", micros(d))),
        cli.as_secs_f64() * 1e3
    );
    Measured {
        case: case.name,
        label: label.to_string(),
        micros: micros(ours),
    }
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let (small_n, big_n, reps, cli_reps) = if bench {
        (10_000, 1_000_000, 301, 31)
    } else {
        (200, 2_000, 3, 1)
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| die("temp dir", e));
    let db_a: PathBuf = dir.path().join("a.db");
    let db_b: PathBuf = dir.path().join("b.db");
    let started = Instant::now();
    let (mut store_a, user) = build(&db_a, &[("small", small_n, 4), ("big", big_n, 5)]);
    let build_a = started.elapsed();
    let (mut store_b, user_b) = build(&db_b, &[("small", small_n, 4)]);
    let now = chrono::Utc::now();
    let ctx_a = operator(now).with_actor(Actor::User(Box::new(user)));
    let ctx_b = operator(now).with_actor(Actor::User(Box::new(user_b)));

    println!(
        "# roster media listing benchmark ({})",
        if bench { "release" } else { "smoke" }
    );
    println!(
        "database A: {small_n} + {big_n} items, built in {:.1} s, {:.0} MB; database B: {small_n} items",
        build_a.as_secs_f64(),
        std::fs::metadata(&db_a).map_or(0.0, |m| m.len() as f64 / 1e6)
    );
    println!();
    println!(
        "| query | profile | items | page | plan | roster action, median µs | sqlite3 shell, median CPU µs | roster CLI end to end, median ms |"
    );
    println!("|---|---|---:|---:|---|---:|---:|---:|");

    let cases = [
        Case {
            name: "first page",
            search: None,
            after: None,
            expect: Expect::Exactly(PAGE as usize),
            growth: true,
        },
        Case {
            name: "page from the middle (--after)",
            search: None,
            after: Some(("M", "0")),
            expect: Expect::Exactly(PAGE as usize),
            growth: true,
        },
        Case {
            name: "search, rare term",
            search: Some(RARE),
            after: None,
            expect: Expect::Exactly(RARE_PER_PROFILE),
            growth: true,
        },
        Case {
            name: "search, rare phrase",
            search: Some(PHRASE),
            after: None,
            expect: if bench { Expect::Some } else { Expect::Any },
            growth: true,
        },
        Case {
            name: "search, common term",
            search: Some(COMMON),
            after: None,
            expect: if bench {
                Expect::Exactly(PAGE as usize)
            } else {
                Expect::Some
            },
            growth: true,
        },
        Case {
            name: "search, term common only in the other profile",
            search: Some(ELSEWHERE),
            after: None,
            expect: Expect::Exactly(PAGE as usize),
            growth: false,
        },
    ];
    let mut results = Vec::new();
    for case in &cases {
        results.push(measure(
            "small (A)",
            &db_a,
            &mut store_a,
            &ctx_a,
            "small",
            small_n,
            case,
            reps,
            cli_reps,
        ));
        results.push(measure(
            "small (B)",
            &db_b,
            &mut store_b,
            &ctx_b,
            "small",
            small_n,
            case,
            reps,
            cli_reps,
        ));
        results.push(measure(
            "big (A)",
            &db_a,
            &mut store_a,
            &ctx_a,
            "big",
            big_n,
            case,
            reps,
            cli_reps,
        ));
    }
    println!();
    println!("Growth from {small_n} to {big_n} items (roster action, median, big ÷ small):");
    let mut worst: f64 = 0.0;
    for case in cases.iter().filter(|c| c.growth) {
        let get = |label: &str| {
            results
                .iter()
                .find(|m| m.case == case.name && m.label == label)
                .map_or(f64::NAN, |m| m.micros)
        };
        let big = get("big (A)");
        let (vs_a, vs_b) = (big / get("small (A)"), big / get("small (B)"));
        worst = worst.max(vs_a).max(vs_b);
        println!(
            "- {}: {vs_a:.2}× (same database), {vs_b:.2}× ({small_n} alone in its database)",
            case.name
        );
    }
    if bench && worst > 1.5 {
        println!("WARNING: a query grew by more than 1.5×");
    }
}
