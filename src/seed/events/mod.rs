//! The event catalogue: every event a seed may hold, each defined once, as one
//! [`SeedEvent`] impl in the file of its family (`user.rs`, `profile.rs`, `member.rs`,
//! `invite.rs`, `media.rs`). A definition gives the event's name, the fields of its `data`
//! with their kinds, how they become the typed input of the action of the same name, and
//! how that input is applied and its outcome labelled. Everything else is derived from
//! the [`catalogue`]: the shape check of a [`RawEvent`] ([`check`]), the "did you mean"
//! for unknown event and field names, the applier in [`crate::seed`], the summary's rows
//! (and, later, the seed's JSON Schema).
//!
//! Adding an event is adding its action and one definition: a type, its `impl SeedEvent`,
//! and its entry in its family's `EVENTS` list, in one file.
//!
//! Nothing here touches the database until [`Op::apply`].

mod data;
pub mod invite;
pub mod media;
pub mod member;
pub mod profile;
pub mod role;
pub mod session;
pub mod user;

use std::fmt::Debug;

use chrono::{DateTime, Utc};
use serde_json::Value;

pub use data::Data;

use super::env::substitute;
use super::scan::{Field, Pos, RawEvent};
use super::stackpress;
use super::{PlainPassword, Prepared};
use crate::actions::{Ctx, Outcome, nearest};
use crate::error::Result;
use crate::store::Tx;

/// A shape error: where, which event, which field, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    pub pos: Pos,
    pub message: String,
}

/// What a field's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Text,
    /// A whole number that fits in 64 bits.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A string, or an array of strings.
    Texts,
    /// A JSON object (metadata).
    Object,
    /// One of these words, in any case.
    OneOf(&'static [&'static str]),
}

impl Kind {
    /// What a value of this kind is, for messages (`expected a string, found a number`).
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Text | Kind::OneOf(_) => "a string",
            Kind::Integer => "an integer",
            Kind::Boolean => "true or false",
            Kind::Texts => "a string or an array of strings",
            Kind::Object => "a JSON object",
        }
    }
}

/// One field an event's `data` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: Kind,
    /// The event is refused without it.
    pub required: bool,
}

impl FieldSpec {
    const fn new(name: &'static str, kind: Kind) -> FieldSpec {
        FieldSpec {
            name,
            kind,
            required: false,
        }
    }

    pub const fn text(name: &'static str) -> FieldSpec {
        FieldSpec::new(name, Kind::Text)
    }

    pub const fn required(name: &'static str) -> FieldSpec {
        FieldSpec {
            required: true,
            ..FieldSpec::text(name)
        }
    }

    pub const fn integer(name: &'static str) -> FieldSpec {
        FieldSpec::new(name, Kind::Integer)
    }

    pub const fn boolean(name: &'static str) -> FieldSpec {
        FieldSpec::new(name, Kind::Boolean)
    }

    pub const fn texts(name: &'static str) -> FieldSpec {
        FieldSpec::new(name, Kind::Texts)
    }

    pub const fn object(name: &'static str) -> FieldSpec {
        FieldSpec::new(name, Kind::Object)
    }

    pub const fn one_of(name: &'static str, words: &'static [&'static str]) -> FieldSpec {
        FieldSpec::new(name, Kind::OneOf(words))
    }
}

/// What applying an event did: `created`, `updated`, `unchanged` or `removed`, and what it
/// acted on (for the plan).
pub type Applied = (&'static str, String);

/// One event, defined once: see the module documentation.
pub trait SeedEvent: Debug + Send + Sized + 'static {
    /// The event's name, which is the command's: `member-add` is `roster member add`.
    const NAME: &'static str;
    /// The fields of its `data`, in the order messages list them.
    const FIELDS: &'static [FieldSpec];

    /// Reads the action's typed input from the event's `data`, filing every problem in
    /// `d`; `None` when no input can be built. Given no fields at all, it reads every one
    /// of [`SeedEvent::FIELDS`], as its kind says (a unit test holds each event to that).
    fn build(d: &mut Data<'_>) -> Option<Self>;

    /// Applies the input through its action, converging (a second run changes nothing).
    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, prepared: &Prepared<'_>) -> Result<Applied>;

    /// A plain-text password to hash before the write transaction, if the event holds one.
    fn into_password(self) -> Option<PlainPassword> {
        None
    }
}

/// A checked event's input, whatever its event: what the second pass applies.
pub trait Op: Debug + Send {
    fn apply(
        self: Box<Self>,
        tx: &mut Tx<'_>,
        ctx: &Ctx,
        prepared: &Prepared<'_>,
    ) -> Result<Applied>;
    fn into_password(self: Box<Self>) -> Option<PlainPassword>;
}

impl<E: SeedEvent> Op for E {
    fn apply(
        self: Box<Self>,
        tx: &mut Tx<'_>,
        ctx: &Ctx,
        prepared: &Prepared<'_>,
    ) -> Result<Applied> {
        SeedEvent::apply(*self, tx, ctx, prepared)
    }

    fn into_password(self: Box<Self>) -> Option<PlainPassword> {
        SeedEvent::into_password(*self)
    }
}

/// An event of the catalogue: its name and fields, and how its input is built.
#[derive(Clone, Copy)]
pub struct Def {
    pub name: &'static str,
    pub fields: &'static [FieldSpec],
    build: fn(&mut Data<'_>) -> Option<Box<dyn Op>>,
}

impl Debug for Def {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Def").field("name", &self.name).finish()
    }
}

fn build_boxed<E: SeedEvent>(d: &mut Data<'_>) -> Option<Box<dyn Op>> {
    E::build(d).map(|e| Box::new(e) as Box<dyn Op>)
}

/// The catalogue entry of `E`, for its family's `EVENTS` list.
pub const fn def<E: SeedEvent>() -> Def {
    Def {
        name: E::NAME,
        fields: E::FIELDS,
        build: build_boxed::<E>,
    }
}

/// The families, in the order of the seed's summary.
static FAMILIES: &[&[Def]] = &[
    role::EVENTS,
    user::EVENTS,
    profile::EVENTS,
    member::EVENTS,
    invite::EVENTS,
    media::EVENTS,
    session::EVENTS,
];

/// Every event a seed may hold.
pub fn catalogue() -> impl Iterator<Item = &'static Def> {
    FAMILIES.iter().flat_map(|family| family.iter())
}

/// The event of this exact name.
pub fn find(name: &str) -> Option<&'static Def> {
    catalogue().find(|d| d.name == name)
}

/// A checked event: where it is, and as whom it applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// 1-based position in the seed (across all files).
    pub index: usize,
    pub name: &'static str,
    pub pos: Pos,
    pub as_user: Option<String>,
    /// The event it was written as, when translated (see [`RawEvent::alias`]).
    pub written_as: Option<&'static str>,
}

impl Event {
    /// How messages name it: `user-create`, or `profile-create as user-create`.
    pub fn shown_name(&self) -> String {
        shown_name(self.name, self.written_as)
    }
}

/// How messages name an event `name` written as `alias`.
pub fn shown_name(name: &str, alias: Option<&str>) -> String {
    match alias {
        Some(a) => format!("{a} as {name}"),
        None => name.to_string(),
    }
}

/// A checked event and its typed input.
#[derive(Debug)]
pub struct Checked {
    pub event: Event,
    pub op: Box<dyn Op>,
}

/// The label of one outcome: `removed` for a deletion.
pub(super) fn label<T>(o: &Outcome<T>) -> &'static str {
    match o {
        Outcome::Deleted(_) => "removed",
        other => other.label(),
    }
}

/// The label of several outcomes: created if any was, else updated, else removed, else
/// unchanged.
pub(super) fn label_of<T>(outcomes: &[Outcome<T>]) -> &'static str {
    let any = |f: fn(&Outcome<T>) -> bool| outcomes.iter().any(f);
    if any(|o| matches!(o, Outcome::Created(_))) {
        "created"
    } else if any(|o| matches!(o, Outcome::Updated(_))) {
        "updated"
    } else if any(|o| matches!(o, Outcome::Deleted(_))) {
        "removed"
    } else {
        "unchanged"
    }
}

/// The top level of an event as read: its name (when it is a string), where the name is,
/// and its `"as"`.
struct Header {
    name: Option<String>,
    name_pos: Pos,
    as_user: Option<String>,
    /// Keys an unknown key's "did you mean" named (`evnt` → `event`, `dta` → `data`): one
    /// mistake, one error, so their absence is not reported again.
    near_misses: Vec<&'static str>,
}

/// Reads the top-level keys of an event (`event`, `data`, `as`), filing their problems.
fn header(
    raw: &RawEvent,
    env: &dyn Fn(&str) -> Option<String>,
    errors: &mut Vec<ShapeError>,
) -> Header {
    let mut h = Header {
        name: None,
        name_pos: raw.pos,
        as_user: None,
        near_misses: Vec::new(),
    };
    let mut push = |pos, message: String| errors.push(ShapeError { pos, message });
    for (i, f) in raw.top.iter().enumerate() {
        // As JSON readers differ on which of two values of one key wins, a key given twice
        // is refused, and only its first value is read (for the other errors).
        if raw.top[..i].iter().any(|g| g.key == f.key) {
            push(
                f.key_pos,
                format!("key {:?} is given twice in the event", f.key),
            );
            continue;
        }
        match f.key.as_str() {
            "event" => {
                h.name_pos = f.value_pos;
                match &f.value {
                    Value::String(s) => h.name = Some(s.clone()),
                    _ => push(
                        f.value_pos,
                        "event: expected the event name as a string".into(),
                    ),
                }
            }
            "as" => {
                let mut v = f.value.clone();
                match substitute(&mut v, env) {
                    Err(e) => push(f.value_pos, format!("as: {e}")),
                    Ok(()) => match v {
                        Value::String(s) => h.as_user = Some(s),
                        Value::Null => {}
                        _ => push(
                            f.value_pos,
                            "as: expected a user (id, email or username) as a string".into(),
                        ),
                    },
                }
            }
            "data" => {
                if raw.data.is_none() {
                    push(f.value_pos, "data: expected an object".into());
                }
            }
            other => {
                const TOP: [&str; 3] = ["event", "data", "as"];
                let top = TOP.map(str::to_string);
                let near = nearest(other, &top);
                h.near_misses
                    .extend(TOP.iter().copied().filter(|k| near == Some(*k)));
                let hint = near
                    .map(|n| format!("; did you mean {n:?}?"))
                    .unwrap_or_default();
                push(
                    f.key_pos,
                    format!(
                        "unknown key {other:?} in the event (expected \"event\", \"data\" and \"as\"){hint}"
                    ),
                );
            }
        }
    }
    h
}

/// The catalogue entry the event names, or its problem filed (with the nearest name).
fn named(h: &Header, raw: &RawEvent, errors: &mut Vec<ShapeError>) -> Option<&'static Def> {
    let Some(given) = &h.name else {
        if raw.top("event").is_none() && !h.near_misses.contains(&"event") {
            errors.push(ShapeError {
                pos: raw.pos,
                message: "event: required (such as \"user-create\")".into(),
            });
        }
        return None;
    };
    let found = find(given);
    if found.is_none() {
        let names: Vec<String> = catalogue().map(|d| d.name.to_string()).collect();
        if let Some(message) = stackpress::foreign_event(given) {
            errors.push(ShapeError {
                pos: h.name_pos,
                message,
            });
            return None;
        }
        let hint = match nearest(given, &names) {
            Some(n) => format!("; did you mean {n:?}?"),
            None => format!("; known events: {}", names.join(", ")),
        };
        errors.push(ShapeError {
            pos: h.name_pos,
            message: format!("unknown event {given:?}{hint}"),
        });
    }
    found
}

/// Substitutes `${env:…}` in the fields of `data`, and files the fields given twice and
/// those `def` does not take (with the nearest it does). Returns the fields named by a
/// "did you mean": a misspelt `titel` is the one mistake of a missing `title`.
fn data_fields(
    def: &Def,
    fields: &mut [Field],
    env: &dyn Fn(&str) -> Option<String>,
    errors: &mut Vec<ShapeError>,
    person: bool,
) -> Vec<&'static str> {
    let mut near_misses = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if fields[..i].iter().any(|g| g.key == f.key) {
            errors.push(ShapeError {
                pos: f.key_pos,
                message: format!("field {:?} is given twice", f.key),
            });
        }
    }
    for f in fields.iter_mut() {
        if let Err(e) = substitute(&mut f.value, env) {
            errors.push(ShapeError {
                pos: f.value_pos,
                message: format!("{}: {e}", f.key),
            });
        }
        // A Stackpress person's own fields are reported once, by the person hint.
        let reported = person && stackpress::person_only(&f.key);
        if !reported && !def.fields.iter().any(|s| s.name == f.key) {
            let known: Vec<String> = def.fields.iter().map(|s| s.name.to_string()).collect();
            let hint = match nearest(&f.key, &known) {
                Some(n) => {
                    near_misses.extend(def.fields.iter().find(|s| s.name == n).map(|s| s.name));
                    format!("; did you mean {n:?}?")
                }
                None => format!("; {} takes {}", def.name, known.join(", ")),
            };
            errors.push(ShapeError {
                pos: f.key_pos,
                message: format!("unknown field {:?}{hint}", f.key),
            });
        }
    }
    near_misses
}

/// Checks one raw event and builds its typed input, or returns every problem found in it.
/// `validate`: also run each input's validation (pass one); pass two, whose events were
/// all checked already, only builds them, and the action validates again.
pub fn check(
    raw: RawEvent,
    index: usize,
    now: DateTime<Utc>,
    env: &dyn Fn(&str) -> Option<String>,
    validate: bool,
) -> std::result::Result<Checked, Vec<ShapeError>> {
    let mut errors: Vec<ShapeError> = raw
        .problems
        .iter()
        .map(|p| ShapeError {
            pos: p.pos,
            message: p.message.clone(),
        })
        .collect();
    let h = header(&raw, env, &mut errors);
    let Some(def) = named(&h, &raw, &mut errors) else {
        return Err(errors);
    };
    // A misspelt `data` (`dta`) was its one mistake: what its fields lack is not another.
    if raw.top("data").is_none() && h.near_misses.contains(&"data") {
        return Err(errors);
    }
    let event_pos = raw.pos;
    let alias = raw.alias;
    let mut fields: Vec<Field> = raw.data.unwrap_or_default();
    // A Stackpress person written as a roster profile-create: its person fields are
    // reported once, with the flag and the user-create it would be.
    let person = stackpress::looks_like_person(def.name, &fields);
    if person {
        errors.push(ShapeError {
            pos: event_pos,
            message: stackpress::person_hint(&fields),
        });
    }
    let near_misses = data_fields(def, &mut fields, env, &mut errors, person);
    let mut d = Data::new(&fields, event_pos, errors, near_misses, validate, now);
    let op = (def.build)(&mut d);
    if !d.errors.is_empty() {
        return Err(d.errors);
    }
    match op {
        Some(op) => Ok(Checked {
            event: Event {
                index,
                name: def.name,
                pos: event_pos,
                as_user: h.as_user,
                written_as: alias,
            },
            op,
        }),
        None => Err(vec![ShapeError {
            pos: event_pos,
            message: "invalid event".into(),
        }]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::scan::Scanner;

    fn env(name: &str) -> Option<String> {
        (name == "PW").then(|| "from-the-env".to_string())
    }

    fn one(text: &str) -> std::result::Result<Checked, Vec<ShapeError>> {
        let mut s = Scanner::new(text.as_bytes(), None);
        let raw = s.next_event().unwrap().unwrap();
        check(raw, 1, chrono::Utc::now(), &env, true)
    }

    #[test]
    fn every_event_reads_exactly_the_fields_it_declares() {
        let mut names = Vec::new();
        for def in catalogue() {
            assert!(!names.contains(&def.name), "{} is defined twice", def.name);
            names.push(def.name);
            for (i, f) in def.fields.iter().enumerate() {
                assert!(
                    !def.fields[..i].iter().any(|g| g.name == f.name),
                    "{}: field {} is declared twice",
                    def.name,
                    f.name
                );
            }
            let mut d = Data::new(
                &[],
                Pos::default(),
                Vec::new(),
                Vec::new(),
                true,
                chrono::Utc::now(),
            );
            (def.build)(&mut d);
            let mut reads = d.reads.clone();
            let mut declared = def.fields.to_vec();
            reads.sort_by_key(|f| f.name);
            declared.sort_by_key(|f| f.name);
            assert_eq!(
                reads, declared,
                "{}: what build reads is not FIELDS",
                def.name
            );
        }
        // Names are the commands': a family and a verb.
        for name in names {
            let (family, verb) = name.split_once('-').unwrap_or_default();
            let word = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
            assert!(word(family) && word(verb), "{name}");
        }
    }

    #[test]
    fn a_good_user_create() {
        let c = one(r#"[{"event": "user-create", "data": {"email": "A@X.io", "name": "A", "roles": ["admin"], "password": "${env:PW}"}}]"#).unwrap();
        assert_eq!(c.event.name, "user-create");
        let (user, plain) = c.op.into_password().expect("a plain password");
        assert_eq!(user.email.as_deref(), Some("a@x.io"));
        assert_eq!(plain, "from-the-env");
    }

    #[test]
    fn unknown_names_get_the_nearest_spelling() {
        let errs = one(r#"[{"event": "user-craete", "data": {}}]"#).unwrap_err();
        assert!(
            errs[0].message.contains("did you mean \"user-create\""),
            "{errs:?}"
        );
        let errs = one(r#"[{"event": "user-create", "data": {"emial": "a@x.io", "name": "A"}}]"#)
            .unwrap_err();
        assert!(
            errs.iter()
                .any(|e| e.message.contains("did you mean \"email\"")),
            "{errs:?}"
        );
        assert_eq!(errs[0].pos.col, 36);
    }

    #[test]
    fn a_field_is_reported_once() {
        let errs = one(r#"[{"event": "profile-create", "data": {"name": 3}}]"#).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.contains("expected a string"), "{errs:?}");
        let errs =
            one(r#"[{"event": "user-create", "data": {"email": "${env:NOPE}", "name": "A"}}]"#)
                .unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.contains("NOPE is not set"), "{errs:?}");
    }

    #[test]
    fn a_misspelt_required_field_is_one_error_in_every_event() {
        for def in catalogue() {
            for field in def.fields.iter().filter(|f| f.required) {
                let typo = format!("{}x", field.name);
                let text = serde_json::json!([{"event": def.name, "data": {typo.as_str(): "v"}}])
                    .to_string();
                let errs = one(&text).unwrap_err();
                let about: Vec<&ShapeError> = errs
                    .iter()
                    .filter(|e| {
                        e.message.contains(&format!("{:?}", field.name))
                            || e.message.starts_with(field.name)
                    })
                    .collect();
                assert_eq!(about.len(), 1, "{} {}: {errs:?}", def.name, field.name);
                assert_eq!(
                    about[0].message,
                    format!("unknown field {typo:?}; did you mean {:?}?", field.name),
                    "{}",
                    def.name
                );
            }
        }
    }

    #[test]
    fn a_missing_field_does_not_hide_another_fields_problem() {
        let errs = one(r#"[{"event": "profile-create", "data": {"color": "blue"}}]"#).unwrap_err();
        let messages: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "name: required",
                "color \"blue\": is not a colour like #6366F1 or #abc"
            ]
        );
        let errs =
            one(r#"[{"event": "media-add", "data": {"profile": "f", "title": "T", "year": 1}}]"#)
                .unwrap_err();
        let messages: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(messages[0], "type: required");
        assert!(
            messages[1].starts_with("year \"1\": must be between"),
            "{messages:?}"
        );
    }

    #[test]
    fn all_problems_of_an_event_are_reported() {
        let errs = one(r#"[{"event": "profile-create", "data": {"name": 3, "color": "blue", "member_limit": "x"}}]"#).unwrap_err();
        assert!(errs.len() >= 2, "{errs:?}");
    }

    #[test]
    fn keys_given_twice_and_integers_beyond_64_bits_are_refused() {
        let errs =
            one(r#"[{"event": "profile-create", "data": {"name": "F"}, "event": "user-create"}]"#)
                .unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].message, "key \"event\" is given twice in the event");
        assert_eq!(errs[0].pos.col, 53);
        let errs = one(r#"[{"event": "profile-create", "data": {"name": "F", "metadata": {"a": {"b": 1, "b": 2}}}}]"#)
            .unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].message, "metadata.a: key \"b\" is given twice");
        assert_eq!(errs[0].pos.col, 79);
        let errs = one(r#"[{"event": "media-add", "data": {"profile": "f", "type": "movie", "title": "T", "year": 99999999999999999999}}]"#)
            .unwrap_err();
        assert_eq!(errs.len(), 1, "reported once: {errs:?}");
        assert!(
            errs[0]
                .message
                .starts_with("year: the integer 99999999999999999999 does not fit in 64 bits"),
            "{errs:?}"
        );
    }
}
