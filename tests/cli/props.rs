//! Laws of seeds and export that hold for every valid seed (CONVENTIONS.md, Tests):
//! applying a seed twice is the same as applying it once, and export → seed into an empty
//! database → export gives the same bytes. Seeds are generated at random: users with
//! random emails, names, tags and metadata (Unicode included), profiles with random names,
//! colours and limits, memberships among them, invitations in every state, media items.
//! Each case runs the binary several times, so cases are few.

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use crate::common::*;
use crate::seeds::{all_unchanged, write};

#[derive(Debug, Clone)]
struct UserSpec {
    with_id: bool,
    local: String,
    domain: String,
    upper: bool,
    name: String,
    username: Option<String>,
    phone: Option<u32>,
    tags: Vec<String>,
    metadata: Option<Vec<(String, Value)>>,
    editor: bool,
    service: bool,
    active: bool,
    password: Option<String>,
    image: bool,
}

#[derive(Debug, Clone)]
struct InviteSpec {
    /// A user (by index) or, when None or not possible, a guest.
    user: Option<usize>,
    role: usize,
    with_id: bool,
    expires_in: &'static str,
    /// 0: none, 1: accept, 2: reject, 3: cancel.
    answer: u8,
    by_manager: bool,
}

#[derive(Debug, Clone)]
struct MediaSpec {
    show: bool,
    title: String,
    year: Option<i64>,
    tmdb: bool,
    infohash: bool,
    path: bool,
    with_id: bool,
    /// A member (by index into the profile's members) who adds it.
    by: Option<usize>,
    status: Option<&'static str>,
    episodes: Vec<(Option<i64>, bool)>,
}

#[derive(Debug, Clone)]
struct ProfileSpec {
    with_id: bool,
    slug: Option<String>,
    name: String,
    color: Option<String>,
    extra_limit: Option<i64>,
    metadata: Option<Vec<(String, Value)>>,
    logo: bool,
    members: Vec<(usize, usize)>,
    invites: Vec<InviteSpec>,
    media: Vec<MediaSpec>,
}

const ROLES: [&str; 3] = ["owner", "admin", "member"];

/// Text a person might type: anything printable, Unicode included.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("\\PC{{0,{max}}}")).expect("regex")
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        (-1.0e6..1.0e6f64).prop_map(|f| json!(f)),
        text(8).prop_map(Value::from),
        prop::collection::vec(any::<i16>(), 0..3).prop_map(|v| json!(v)),
    ]
}

fn metadata() -> impl Strategy<Value = Option<Vec<(String, Value)>>> {
    prop::option::of(prop::collection::vec(
        (
            "[a-z_]{1,6}",
            prop_oneof![
                3 => leaf(),
                1 => prop::collection::vec(("[a-z]{1,3}", leaf()), 0..3).prop_map(|kv| {
                    Value::Object(kv.into_iter().collect::<Map<String, Value>>())
                }),
            ],
        ),
        0..4,
    ))
}

fn user() -> impl Strategy<Value = UserSpec> {
    (
        (
            any::<bool>(),
            "[a-z][a-z0-9_+-]{0,6}",
            "[a-z]{1,6}\\.(com|org|io)",
            prop::bool::weighted(0.2),
            ("[A-Za-z]", text(12)).prop_map(|(a, b)| format!("{a}{b}")),
            prop::option::of("[a-z0-9]{0,6}"),
            prop::option::of(0u32..1_000_000),
        ),
        (
            prop::collection::vec(
                ("[a-z]", text(6)).prop_map(|(a, b)| format!("{a}{b}")),
                0..4,
            ),
            metadata(),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.1),
            prop::bool::weighted(0.8),
            prop::option::weighted(0.3, "[a-z]{8,12}"),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (with_id, local, domain, upper, name, username, phone),
                (tags, metadata, editor, service, active, password, image),
            )| UserSpec {
                with_id,
                local,
                domain,
                upper,
                name,
                username,
                phone,
                tags,
                metadata,
                editor,
                service,
                active,
                password,
                image,
            },
        )
}

fn invite() -> impl Strategy<Value = InviteSpec> {
    (
        prop::option::weighted(0.8, 0usize..8),
        0usize..3,
        any::<bool>(),
        prop::sample::select(vec!["1h", "48h", "7d", "30d"]),
        0u8..4,
        any::<bool>(),
    )
        .prop_map(
            |(user, role, with_id, expires_in, answer, by_manager)| InviteSpec {
                user,
                role,
                with_id,
                expires_in,
                answer,
                by_manager,
            },
        )
}

fn media() -> impl Strategy<Value = MediaSpec> {
    (
        any::<bool>(),
        text(10),
        prop::option::of(1900i64..2024),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        prop::option::of(0usize..8),
        prop::option::weighted(0.2, prop::sample::select(vec!["ready", "missing"])),
        prop::collection::vec((prop::option::of(0i64..4), any::<bool>()), 0..3),
    )
        .prop_map(
            |(show, title, year, (tmdb, infohash, path, with_id), by, status, episodes)| {
                MediaSpec {
                    show,
                    title,
                    year,
                    tmdb,
                    infohash,
                    path,
                    with_id,
                    by,
                    status,
                    episodes,
                }
            },
        )
}

fn profile() -> impl Strategy<Value = ProfileSpec> {
    (
        (
            any::<bool>(),
            prop::option::of("[a-z0-9]{0,5}"),
            text(10),
            prop::option::of("#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})"),
            prop::option::of(0i64..3),
            metadata(),
            any::<bool>(),
        ),
        (
            prop::collection::vec((0usize..8, 0usize..3), 0..5),
            prop::collection::vec(invite(), 0..4),
            prop::collection::vec(media(), 0..4),
        ),
    )
        .prop_map(
            |(
                (with_id, slug, name, color, extra_limit, metadata, logo),
                (members, invites, media),
            )| ProfileSpec {
                with_id,
                slug,
                name,
                color,
                extra_limit,
                metadata,
                logo,
                members,
                invites,
                media,
            },
        )
}

fn object(kv: &[(String, Value)]) -> Value {
    Value::Object(kv.iter().cloned().collect())
}

fn event(name: &str, as_: Option<&str>, data: Value) -> Value {
    match as_ {
        Some(a) => json!({"event": name, "as": a, "data": data}),
        None => json!({"event": name, "data": data}),
    }
}

/// Builds a valid seed from the specs, keeping every rule: unique keys, limits that fit,
/// invitations only to non-members, answers only by the invitee, `as` only by active
/// users allowed to act.
fn build(users: &[UserSpec], profiles: &[ProfileSpec]) -> Value {
    let mut events = Vec::new();
    // Roles are defined before anyone holds them.
    if users.iter().any(|u| u.editor) {
        events.push(event(
            "role-create",
            None,
            json!({"name": "editor", "scope": "global", "allow": ["user-list", "media-*"]}),
        ));
    }
    // How each user is referred to: id when given, else email.
    let mut refs = Vec::new();
    let mut emails = Vec::new();
    for (i, u) in users.iter().enumerate() {
        let email = format!("{}{i}@{}", u.local, u.domain);
        let email = if u.upper { email.to_uppercase() } else { email };
        let mut d = Map::new();
        if u.with_id {
            d.insert("id".into(), json!(format!("user-{i}")));
        }
        d.insert("email".into(), json!(email));
        d.insert("name".into(), json!(u.name));
        if let Some(n) = &u.username {
            d.insert("username".into(), json!(format!("n{i}_{n}")));
        }
        if let Some(p) = u.phone {
            d.insert("phone".into(), json!(format!("+1555{i}{p:06}")));
        }
        if !u.tags.is_empty() {
            d.insert("tags".into(), json!(u.tags));
        }
        if let Some(m) = &u.metadata {
            d.insert("metadata".into(), object(m));
        }
        if u.editor {
            d.insert("roles".into(), json!(["editor"]));
        }
        if u.service {
            d.insert("type".into(), json!("service"));
        }
        if !u.active {
            d.insert("active".into(), json!(false));
        }
        if let Some(p) = &u.password {
            d.insert("password".into(), json!(p));
        }
        if u.image {
            d.insert(
                "image".into(),
                json!(format!("https://example.com/u/{i}.png")),
            );
        }
        events.push(event("user-create", None, Value::Object(d)));
        refs.push(if u.with_id {
            format!("user-{i}")
        } else {
            email.to_lowercase()
        });
        emails.push(email.to_lowercase());
    }
    let n = users.len();

    let mut later = Vec::new();
    for (p, spec) in profiles.iter().enumerate() {
        let name = format!("Club {p} {}", spec.name);
        let given = spec.slug.as_ref().map(|s| {
            if s.is_empty() {
                format!("club-{p}")
            } else {
                format!("club-{p}-{s}")
            }
        });
        // Referred to by id, or else by its slug, which is then always given; a profile
        // with an id may leave its slug to be derived from the name.
        let (reference, slug) = if spec.with_id {
            (format!("prof-{p}"), given)
        } else {
            let slug = given.unwrap_or_else(|| format!("club-{p}-x"));
            (slug.clone(), Some(slug))
        };

        let mut members: Vec<(usize, &str)> = Vec::new();
        for &(u, r) in &spec.members {
            let u = u % n;
            if !members.iter().any(|(m, _)| *m == u) {
                members.push((u, ROLES[r]));
            }
        }
        let member_set: BTreeSet<usize> = members.iter().map(|(u, _)| *u).collect();
        let active = |u: usize| users[u].active;
        let owner = members
            .iter()
            .find(|(u, r)| *r == "owner" && active(*u))
            .map(|(u, _)| *u);

        // Invitations: to users who are not members (at most once each), else guests.
        let mut invited: BTreeSet<usize> = BTreeSet::new();
        let mut accepted = 0i64;
        let mut invite_events = Vec::new();
        let mut answer_events = Vec::new();
        for (k, inv) in spec.invites.iter().enumerate() {
            let target = inv
                .user
                .map(|u| u % n)
                .filter(|u| !member_set.contains(u) && !invited.contains(u));
            let email = match target {
                Some(u) => {
                    invited.insert(u);
                    emails[u].clone()
                }
                None => format!("guest{p}.{k}@guest.example"),
            };
            let answer = match (inv.answer, target) {
                (1 | 2, Some(u)) if active(u) => inv.answer,
                (3, _) => 3,
                _ => 0,
            };
            let id = format!("inv-{p}-{k}");
            let mut d = Map::new();
            if inv.with_id || answer != 0 {
                d.insert("id".into(), json!(id));
            }
            d.insert("profile".into(), json!(reference));
            d.insert("email".into(), json!(email));
            d.insert("role".into(), json!(ROLES[inv.role]));
            d.insert("expires_in".into(), json!(inv.expires_in));
            let by = owner.filter(|_| inv.by_manager).map(|u| refs[u].as_str());
            invite_events.push(event("invite-send", by, Value::Object(d)));
            match answer {
                1 => {
                    accepted += 1;
                    let who = emails[target.unwrap()].to_uppercase();
                    answer_events.push(event(
                        "invite-accept",
                        Some(who.as_str()),
                        json!({"id": id}),
                    ));
                }
                2 => {
                    let who = refs[target.unwrap()].clone();
                    answer_events.push(event(
                        "invite-reject",
                        Some(who.as_str()),
                        json!({"id": id}),
                    ));
                }
                3 => answer_events.push(event("invite-cancel", by, json!({"id": id}))),
                _ => {}
            }
        }

        let mut d = Map::new();
        if spec.with_id {
            d.insert("id".into(), json!(format!("prof-{p}")));
        }
        if let Some(s) = &slug {
            d.insert("slug".into(), json!(s));
        }
        d.insert("name".into(), json!(name));
        if let Some(c) = &spec.color {
            d.insert("color".into(), json!(c));
        }
        if let Some(extra) = spec.extra_limit {
            let limit = (members.len() as i64 + accepted + extra).max(1);
            d.insert("member_limit".into(), json!(limit));
        }
        if let Some(m) = &spec.metadata {
            d.insert("metadata".into(), object(m));
        }
        if spec.logo {
            d.insert(
                "logo".into(),
                json!(format!("https://example.com/p/{p}.svg")),
            );
        }
        events.push(event("profile-create", None, Value::Object(d)));

        for (u, role) in &members {
            later.push(event(
                "member-add",
                None,
                json!({"profile": reference, "user": refs[*u], "role": role}),
            ));
        }
        later.extend(invite_events);
        later.extend(answer_events);

        // Media: added by an active member (or the operator); restored statuses by the
        // operator only.
        let actives: Vec<usize> = members
            .iter()
            .map(|(u, _)| *u)
            .filter(|u| active(*u))
            .collect();
        for (k, m) in spec.media.iter().enumerate() {
            let by =
                m.by.filter(|_| !actives.is_empty() && m.status.is_none())
                    .map(|b| refs[actives[b % actives.len()]].clone());
            let mut d = Map::new();
            let id = format!("m-{p}-{k}");
            if m.with_id || (m.show && !m.episodes.is_empty()) {
                d.insert("id".into(), json!(id));
            }
            d.insert("profile".into(), json!(reference));
            d.insert("type".into(), json!(if m.show { "show" } else { "movie" }));
            d.insert("title".into(), json!(format!("T{k} {}", m.title)));
            if let Some(y) = m.year {
                d.insert("year".into(), json!(y));
            }
            if m.tmdb {
                d.insert("tmdb_id".into(), json!(1000 * p + k + 1));
            }
            if m.infohash {
                d.insert(
                    "infohash".into(),
                    json!(format!("{:040X}", 1000 * p + k + 1)),
                );
            }
            if m.path {
                d.insert(
                    "path".into(),
                    json!(format!("/media/{p}/{k} {}.mkv", m.title)),
                );
            }
            if let Some(s) = m.status {
                d.insert("status".into(), json!(s));
            }
            later.push(event("media-add", by.as_deref(), Value::Object(d)));
            if m.show {
                for (e, (season, with_id)) in m.episodes.iter().enumerate() {
                    let mut d = Map::new();
                    if *with_id {
                        d.insert("id".into(), json!(format!("ep-{p}-{k}-{e}")));
                    }
                    d.insert("profile".into(), json!(reference));
                    d.insert("type".into(), json!("episode"));
                    d.insert("title".into(), json!(format!("Episode {e}")));
                    d.insert("parent".into(), json!(id));
                    if let Some(s) = season {
                        d.insert("season".into(), json!(s));
                    }
                    d.insert("episode".into(), json!(e + 1));
                    later.push(event("media-add", by.as_deref(), Value::Object(d)));
                }
            }
        }
    }
    events.extend(later);
    json!({"version": 1, "events": events})
}

fn world() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(user(), 1..=5),
        prop::collection::vec(profile(), 0..=3),
    )
        .prop_map(|(users, profiles)| build(&users, &profiles))
}

/// Runs roster; on failure, a test-case failure naming the output (not a panic, so that
/// proptest shrinks it).
fn run(env: &Env, args: &[&str]) -> Result<String, TestCaseError> {
    succeeded(env.run(args), "", args)
}

/// The stdout of a run that exited 0, else the failure with what it printed.
fn succeeded(out: std::process::Output, set: &str, args: &[&str]) -> Result<String, TestCaseError> {
    if out.status.code() != Some(0) {
        return Err(TestCaseError::fail(format!(
            "{set}roster {args:?} exited {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// [`run`] with `ROSTER_THREADS` set.
fn run_on(env: &Env, threads: &str, args: &[&str]) -> Result<String, TestCaseError> {
    let out = env
        .cmd()
        .env("ROSTER_THREADS", threads)
        .args(args)
        .output()
        .expect("run roster");
    succeeded(out, &format!("ROSTER_THREADS={threads} "), args)
}

fn audit_len(env: &Env) -> Result<usize, TestCaseError> {
    let rows: Value = serde_json::from_str(&run(env, &["--json", "audit"])?)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    Ok(rows.as_array().map_or(0, Vec::len))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Seeding twice is seeding once: the second run creates, updates and removes
    /// nothing, writes no audit row, and the export is the same.
    #[test]
    fn seeding_twice_equals_seeding_once(seed in world()) {
        let env = Env::new();
        write(&env, "seed.json", &serde_json::to_string_pretty(&seed).unwrap());
        run(&env, &["seed"])?;
        let once = run(&env, &["export", "--with-secrets"])?;
        let audit = audit_len(&env)?;

        let report: Value = serde_json::from_str(&run(&env, &["seed"])?).unwrap();
        all_unchanged(&report);
        prop_assert_eq!(&report["events"], &json!(seed["events"].as_array().unwrap().len()));
        let twice = run(&env, &["export", "--with-secrets"])?;
        prop_assert_eq!(&twice, &once);
        prop_assert_eq!(audit_len(&env)?, audit);
        run(&env, &["seed", "--check"])?;
    }

    /// A seed's second pass read on a thread of its own (`ROSTER_THREADS=2`, on any
    /// machine) applies what it reads inline (`1`) applies: the same report, the same
    /// export, the same audit log. The seed is an export, so every id is given.
    #[test]
    fn a_seed_read_ahead_on_a_thread_applies_as_one_read_inline(seed in world()) {
        let env = Env::new();
        write(&env, "seed.json", &serde_json::to_string(&seed).unwrap());
        run(&env, &["seed"])?;
        let one = run(&env, &["export", "--with-secrets"])?;
        let mut results = Vec::new();
        for threads in ["1", "2"] {
            let copy = Env::new();
            write(&copy, "one.json", &one);
            let mut report: Value = serde_json::from_str(&run_on(&copy, threads, &["seed", "one.json"])?)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            report.as_object_mut().map(|o| o.remove("elapsed_ms"));
            let export = run_on(&copy, threads, &["export", "--with-secrets"])?;
            // Every row but the ids roster makes (a membership's) and the hashes over them.
            let audit: Value = serde_json::from_str(&run_on(&copy, threads, &["--json", "audit"])?)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let audit: Vec<Value> = audit.as_array().into_iter().flatten().map(|row| {
                json!([row["seq"], row["at"], row["actor"], row["event"], row["data"],
                       row["source"], row["subject_label"], row["summary"]])
            }).collect();
            results.push((report, export, audit));
        }
        prop_assert_eq!(&results[0], &results[1]);
        prop_assert_eq!(&results[0].1, &one);
    }

    /// export → seed into an empty database → export gives the same bytes, and the copy
    /// holds a seed that is already applied.
    #[test]
    fn export_seed_export_is_byte_identical(seed in world()) {
        let env = Env::new();
        write(&env, "seed.json", &serde_json::to_string(&seed).unwrap());
        run(&env, &["seed"])?;
        run(&env, &["export", "--with-secrets", "-o", "one.json"])?;
        let one = std::fs::read_to_string(env.path("one.json")).unwrap();

        let copy = Env::new();
        write(&copy, "one.json", &one);
        run(&copy, &["seed", "one.json"])?;
        let two = run(&copy, &["export", "--with-secrets"])?;
        prop_assert_eq!(&two, &one);
        // Both databases already hold what the export says.
        run(&env, &["seed", "--check", "one.json"])?;
        run(&copy, &["seed", "--check", "one.json"])?;
        // And the original seed, applied to the copy, changes nothing either.
        write(&copy, "seed.json", &serde_json::to_string(&seed).unwrap());
        let report: Value = serde_json::from_str(&run(&copy, &["seed"])?).unwrap();
        all_unchanged(&report);
    }
}
