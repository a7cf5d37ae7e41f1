//! `roster seed --from stackpress`: a Stackpress populate list read as it is written for
//! that framework (README "Stackpress populate files"), turned into roster events that keep
//! the positions of what was written, so that the one checker and applier of
//! [`crate::seed`] run on them and their errors name the original file, line and column.
//!
//! In Stackpress a *profile* is a person (or another entity) and an *auth* is one way it
//! signs in: `profile-create` events give `name`, `image`, `type`, `roles`, `tags` and
//! `references`; `auth-create` events give a `profileId`, a `type` (`email`, `username`,
//! `phone`), a `token` (the identifier itself) and a `secret` (the password). A roster user
//! is both at once and needs an email, username or phone when it is created, so each
//! person's `auth-create` events are folded into the `user-create` its `profile-create`
//! becomes, wherever in the file they are (the file is read whole for that: populate lists
//! are small). A person with no `auth-create` signs in by its `id` as username. Events of
//! roster's own catalogue other than `profile-create` (a `role-create` defining Stackpress's
//! `USER` role, say) pass through unchanged.
//!
//! Without the flag, a `profile-create` carrying a person's fields gets a hint naming the
//! flag and the `user-create` it would be ([`person_hint`]).

use std::io::Read;

use serde_json::Value;

use super::scan::{Field, Pos, RawEvent, Scanner, SyntaxError};
use crate::actions::nearest;

/// How a seed input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// roster's own events (README "Seeds and export").
    #[default]
    Roster,
    /// A Stackpress populate list (`--from stackpress`).
    Stackpress,
}

/// What one event of an input became.
#[derive(Debug)]
pub enum Next {
    /// An event to check and apply: as written, or a person as the `user-create` it is.
    Event(RawEvent),
    /// An `auth-create` folded into its person's `user-create`.
    Folded,
    /// An event refused as written: its name, and its problems.
    Refused(&'static str, Vec<SyntaxError>),
    /// The input cannot be read past here.
    Syntax(SyntaxError),
}

/// The events of one input, in the order written.
pub enum Events<'a, R: Read> {
    Stream(&'a mut Scanner<R>),
    Translated(std::vec::IntoIter<Next>),
}

impl<'a, R: Read> Events<'a, R> {
    /// Streams a roster input; reads a Stackpress one whole and translates it.
    pub fn new(scanner: &'a mut Scanner<R>, dialect: Dialect) -> Self {
        match dialect {
            Dialect::Roster => Events::Stream(scanner),
            Dialect::Stackpress => {
                let mut read = Vec::new();
                while let Some(raw) = scanner.next_event() {
                    let stop = raw.is_err();
                    read.push(raw);
                    if stop {
                        break;
                    }
                }
                Events::Translated(translate(read).into_iter())
            }
        }
    }
}

impl<R: Read> Iterator for Events<'_, R> {
    type Item = Next;

    fn next(&mut self) -> Option<Next> {
        match self {
            Events::Stream(s) => s.next_event().map(|r| match r {
                Ok(raw) => Next::Event(raw),
                Err(e) => Next::Syntax(e),
            }),
            Events::Translated(items) => items.next(),
        }
    }
}

/// The fields of a Stackpress person (`profile-create`) and the roster field each becomes.
const PERSON: &[(&str, &str)] = &[
    ("id", "id"),
    ("name", "name"),
    ("image", "image"),
    ("type", "type"),
    ("roles", "roles"),
    ("tags", "tags"),
    ("references", "metadata"),
    ("active", "active"),
];

/// The fields of a Stackpress `auth-create`.
const AUTH: &[&str] = &["profileId", "type", "token", "secret", "verified"];

/// The sign-in types roster keeps, and the `user-create` field of each.
const AUTH_TYPES: &[&str] = &["email", "username", "phone"];

fn problem(pos: Pos, message: String) -> SyntaxError {
    SyntaxError { pos, message }
}

/// A field a Stackpress `what` does not take, with the nearest it does.
fn unknown_field(f: &Field, known: &[String], what: &str) -> SyntaxError {
    let hint = nearest(&f.key, known)
        .map(|n| format!("; did you mean {n:?}?"))
        .unwrap_or_else(|| format!("; a Stackpress {what} takes {}", known.join(", ")));
    problem(
        f.key_pos,
        format!("unknown field {:?} of a Stackpress {what}{hint}", f.key),
    )
}

fn string_value(f: &Field) -> Option<&str> {
    f.value.as_str()
}

/// One `auth-create`, read.
struct Auth {
    index: usize,
    profile: String,
    profile_pos: Pos,
    kind: &'static str,
    token: Field,
    secret: Option<Field>,
    verified: Option<Field>,
}

/// Reads an `auth-create`: its fields, or its problems.
fn read_auth(raw: &RawEvent, index: usize) -> Result<Auth, Vec<SyntaxError>> {
    let mut problems: Vec<SyntaxError> = raw.problems.clone();
    top_keys(raw, "auth-create", false, &mut problems);
    let data = raw.data.as_deref().unwrap_or_default();
    let known: Vec<String> = AUTH.iter().map(|s| s.to_string()).collect();
    for f in data {
        if !AUTH.contains(&f.key.as_str()) {
            problems.push(unknown_field(f, &known, "auth-create"));
        }
    }
    let field = |key: &str| data.iter().find(|f| f.key == key);
    let text = |key: &str, problems: &mut Vec<SyntaxError>| -> Option<Field> {
        match field(key) {
            None => {
                problems.push(problem(raw.pos, format!("{key}: required")));
                None
            }
            Some(f) if f.value.is_string() => Some(f.clone()),
            Some(f) => {
                problems.push(problem(f.value_pos, format!("{key}: expected a string")));
                None
            }
        }
    };
    let profile = text("profileId", &mut problems);
    let kind = text("type", &mut problems);
    let token = text("token", &mut problems);
    let secret = match field("secret") {
        Some(f) if f.value.is_string() => Some(f.clone()),
        Some(f) if !f.value.is_null() => {
            problems.push(problem(f.value_pos, "secret: expected a string".into()));
            None
        }
        _ => None,
    };
    let verified = match field("verified") {
        Some(f) if f.value.is_boolean() => Some(f.clone()),
        Some(f) if !f.value.is_null() => {
            problems.push(problem(
                f.value_pos,
                "verified: expected true or false".into(),
            ));
            None
        }
        _ => None,
    };
    let kind = kind.and_then(|f| {
        let given = string_value(&f).unwrap_or_default().to_ascii_lowercase();
        let found = AUTH_TYPES.iter().find(|t| **t == given).copied();
        if found.is_none() {
            problems.push(problem(
                f.value_pos,
                format!(
                    "type {:?}: roster keeps the sign-ins email, username and phone (hint: leave other auths, such as 2fa, out of the seed)",
                    string_value(&f).unwrap_or_default()
                ),
            ));
        }
        found
    });
    match (profile, kind, token) {
        (Some(p), Some(kind), Some(token)) if problems.is_empty() => Ok(Auth {
            index,
            profile: string_value(&p).unwrap_or_default().to_string(),
            profile_pos: p.value_pos,
            kind,
            token,
            secret,
            verified,
        }),
        _ => Err(problems),
    }
}

/// Files problems with the top-level keys of a Stackpress event: `event`, `data`, and (on a
/// person, which becomes a roster event) `as`.
fn top_keys(raw: &RawEvent, name: &str, allow_as: bool, problems: &mut Vec<SyntaxError>) {
    for f in &raw.top {
        match f.key.as_str() {
            "event" => {}
            "data" if raw.data.is_none() => {
                problems.push(problem(f.value_pos, "data: expected an object".into()))
            }
            "data" => {}
            "as" if allow_as => {}
            other => problems.push(problem(
                f.key_pos,
                format!(
                    "unknown key {other:?} in a Stackpress {name} (expected \"event\" and \"data\")"
                ),
            )),
        }
    }
    if raw.data.is_none() && raw.top("data").is_none() {
        problems.push(problem(raw.pos, "data: required".into()));
    }
}

/// The name an event was written under, when it is a string.
fn written_name(raw: &RawEvent) -> Option<&str> {
    raw.top("event").and_then(|f| f.value.as_str())
}

/// Translates a Stackpress populate list: one [`Next`] for each event read, in order.
pub fn translate(read: Vec<Result<RawEvent, SyntaxError>>) -> Vec<Next> {
    // Every auth first: a person's may come after it.
    let mut auths: Vec<Auth> = Vec::new();
    let mut out: Vec<Option<Next>> = Vec::with_capacity(read.len());
    for (i, r) in read.iter().enumerate() {
        out.push(match r {
            Err(e) => Some(Next::Syntax(e.clone())),
            Ok(raw) if written_name(raw) == Some("auth-create") => match read_auth(raw, i + 1) {
                Ok(a) => {
                    auths.push(a);
                    None
                }
                Err(problems) => Some(Next::Refused("auth-create", problems)),
            },
            Ok(raw) if written_name(raw) == Some("profile-create") => None,
            Ok(raw) => Some(Next::Event(raw.clone())),
        });
    }
    // The persons, each with its auths.
    let mut ids: Vec<(String, usize)> = Vec::new();
    let mut used = vec![false; auths.len()];
    let mut refused_auths: Vec<(usize, SyntaxError)> = Vec::new();
    for (i, r) in read.iter().enumerate() {
        let Ok(raw) = r else { continue };
        if written_name(raw) != Some("profile-create") {
            continue;
        }
        let id = raw
            .data
            .as_deref()
            .unwrap_or_default()
            .iter()
            .find(|f| f.key == "id")
            .and_then(|f| f.value.as_str().map(|s| (s.to_string(), f.value_pos)));
        let mut mine: Vec<&Auth> = Vec::new();
        let mut problems = Vec::new();
        if let Some((id, pos)) = &id {
            if let Some((_, first)) = ids.iter().find(|(k, _)| k == id) {
                problems.push(problem(
                    *pos,
                    format!("id {id:?}: event {first} is already the person with this id"),
                ));
            } else {
                ids.push((id.clone(), i + 1));
                for (n, a) in auths.iter().enumerate() {
                    if a.profile == *id {
                        used[n] = true;
                        mine.push(a);
                    }
                }
            }
        }
        let (person, auth_problems) =
            person(raw, id.as_ref().map(|(s, _)| s.as_str()), &mine, problems);
        refused_auths.extend(auth_problems);
        out[i] = Some(person);
    }
    for (n, a) in auths.iter().enumerate() {
        if !used[n] {
            refused_auths.push((
                a.index,
                problem(
                    a.profile_pos,
                    format!(
                        "profileId {:?}: no profile-create in this file has that id (hint: give the person \"id\": {:?} in its profile-create)",
                        a.profile, a.profile
                    ),
                ),
            ));
        }
    }
    for (index, p) in refused_auths {
        match &mut out[index - 1] {
            Some(Next::Refused(_, problems)) => problems.push(p),
            slot => *slot = Some(Next::Refused("auth-create", vec![p])),
        }
    }
    out.into_iter().map(|n| n.unwrap_or(Next::Folded)).collect()
}

/// A field written at `like`'s place under another key.
fn renamed(like: &Field, key: &str, value: Value) -> Field {
    Field {
        key: key.to_string(),
        key_pos: like.key_pos,
        value,
        value_pos: like.value_pos,
    }
}

/// A person as the `user-create` it is, with its auths folded in (refused when it has no
/// sign-in at all: the user-create could say only that); and the problems of those auths
/// that cannot be folded (by the auth's index).
fn person(
    raw: &RawEvent,
    id: Option<&str>,
    auths: &[&Auth],
    mut problems: Vec<SyntaxError>,
) -> (Next, Vec<(usize, SyntaxError)>) {
    top_keys(raw, "profile-create", true, &mut problems);
    let known: Vec<String> = PERSON.iter().map(|(k, _)| k.to_string()).collect();
    let mut data: Vec<Field> = Vec::new();
    for f in raw.data.as_deref().unwrap_or_default() {
        match PERSON.iter().find(|(k, _)| *k == f.key) {
            Some(("references", to)) => {
                if f.value.is_object() || f.value.is_null() {
                    if f.value.is_object() {
                        data.push(renamed(f, to, f.value.clone()));
                    }
                } else {
                    problems.push(problem(
                        f.value_pos,
                        "references: expected a JSON object".into(),
                    ));
                }
            }
            Some((_, to)) => data.push(renamed(f, to, f.value.clone())),
            None => {
                problems.push(unknown_field(f, &known, "person"));
            }
        }
    }
    let mut refused = Vec::new();
    let mut password: Option<(&Auth, &str)> = None;
    for a in auths {
        let key = a.kind;
        if let Some(first) = auths
            .iter()
            .take_while(|b| b.index != a.index)
            .find(|b| b.kind == key)
        {
            refused.push((
                a.index,
                problem(
                    a.token.value_pos,
                    format!(
                        "type {key:?}: event {} already gives this person's {key} (a roster user has one)",
                        first.index
                    ),
                ),
            ));
            continue;
        }
        data.push(renamed(&a.token, key, a.token.value.clone()));
        if let Some(v) = &a.verified
            && key != "username"
        {
            data.push(renamed(v, &format!("{key}_verified"), v.value.clone()));
        }
        if let Some(s) = &a.secret {
            let text = s.value.as_str().unwrap_or_default();
            match password {
                Some((first, p)) if p != text => refused.push((
                    a.index,
                    problem(
                        s.value_pos,
                        format!(
                            "secret: differs from the one event {} gives this person (a roster user has one password)",
                            first.index
                        ),
                    ),
                )),
                Some(_) => {}
                None => {
                    password = Some((a, text));
                    data.push(renamed(s, "password", s.value.clone()));
                }
            }
        }
    }
    if auths.is_empty() {
        match (id, data.iter().find(|f| f.key == "id")) {
            (Some(id), Some(f)) => {
                let f = f.clone();
                data.push(renamed(&f, "username", Value::String(id.to_string())));
            }
            _ => {
                problems.push(problem(
                    raw.pos,
                    "a Stackpress person needs an \"id\" or an auth-create: a roster user signs in with an email, username or phone (hint: add \"id\", which becomes its username, or an auth-create whose \"profileId\" is its id)".into(),
                ));
                return (Next::Refused("profile-create", problems), refused);
            }
        }
    }
    let mut top: Vec<Field> = Vec::with_capacity(raw.top.len());
    for f in &raw.top {
        if f.key == "event" {
            top.push(renamed(f, "event", Value::String("user-create".into())));
        } else {
            top.push(f.clone());
        }
    }
    (
        Next::Event(RawEvent {
            pos: raw.pos,
            top,
            data: Some(data),
            problems,
            alias: Some("profile-create"),
        }),
        refused,
    )
}

/// Fields a Stackpress person has and roster's `profile-create` does not.
const PERSON_ONLY: &[&str] = &["type", "roles", "tags", "references", "image"];

/// True when a `profile-create` is written as a Stackpress person (it has `type` or `roles`):
/// its person-only fields are then reported once, by [`person_hint`].
pub fn looks_like_person(event: &str, fields: &[Field]) -> bool {
    event == "profile-create" && fields.iter().any(|f| f.key == "type" || f.key == "roles")
}

/// A person-only field, reported by [`person_hint`] instead of one by one.
pub fn person_only(key: &str) -> bool {
    PERSON_ONLY.contains(&key)
}

/// The error of a Stackpress person written as a roster `profile-create`: which of its
/// fields profile-create does not take, and the `user-create` it would be.
pub fn person_hint(fields: &[Field]) -> String {
    let given: Vec<String> = fields
        .iter()
        .filter(|f| person_only(&f.key))
        .map(|f| format!("{:?}", f.key))
        .collect();
    let mut data: Vec<(String, Value)> = Vec::new();
    for f in fields {
        let Some((_, to)) = PERSON.iter().find(|(k, _)| *k == f.key) else {
            continue;
        };
        let value = match (f.key.as_str(), &f.value) {
            ("roles", Value::String(s)) => Value::String(s.to_lowercase()),
            ("roles", Value::Array(items)) => Value::Array(
                items
                    .iter()
                    .map(|v| match v {
                        Value::String(s) => Value::String(s.to_lowercase()),
                        other => other.clone(),
                    })
                    .collect(),
            ),
            (_, v) => v.clone(),
        };
        data.push((to.to_string(), value));
    }
    if let Some(id) = fields
        .iter()
        .find(|f| f.key == "id")
        .and_then(|f| f.value.as_str())
    {
        data.push(("username".into(), Value::String(id.to_string())));
    } else {
        data.push(("email".into(), Value::String("…".into())));
    }
    let body: Vec<String> = data
        .iter()
        .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), v))
        .collect();
    format!(
        "profile-create takes no {} (hint: this looks like a Stackpress person: use --from stackpress, or write it as {{\"event\": \"user-create\", \"data\": {{{}}}}})",
        either(&given),
        body.join(", ")
    )
}

/// `"a"`, `"a" or "b"`, `"a", "b" or "c"`.
fn either(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The message of a Stackpress event other than a person's, met without the flag.
pub fn foreign_event(name: &str) -> Option<String> {
    (name == "auth-create").then(|| {
        "unknown event \"auth-create\" (hint: it is a Stackpress event: read the file with --from stackpress, or give the user's email, username, phone and password in its user-create)".to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translated(text: &str) -> Vec<Next> {
        let mut s = Scanner::new(text.as_bytes(), None);
        let mut read = Vec::new();
        while let Some(r) = s.next_event() {
            read.push(r);
        }
        translate(read)
    }

    fn data(n: &Next) -> Vec<(String, Value)> {
        match n {
            Next::Event(raw) => raw
                .data
                .as_deref()
                .unwrap_or_default()
                .iter()
                .map(|f| (f.key.clone(), f.value.clone()))
                .collect(),
            other => panic!("not an event: {other:?}"),
        }
    }

    #[test]
    fn a_person_and_its_auths_become_one_user_create() {
        let out = translated(
            r#"[
{"event": "auth-create", "data": {"profileId": "ada", "type": "email", "token": "ada@example.com", "secret": "correct horse", "verified": true}},
{"event": "profile-create", "data": {"id": "ada", "name": "Ada", "type": "person", "roles": ["ADMIN"], "references": {"k": 1}}},
{"event": "auth-create", "data": {"profileId": "ada", "type": "username", "token": "ada", "secret": "correct horse"}}
]"#,
        );
        assert!(matches!(out[0], Next::Folded));
        assert!(matches!(out[2], Next::Folded));
        let keys: Vec<String> = data(&out[1]).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "id",
                "name",
                "type",
                "roles",
                "metadata",
                "email",
                "email_verified",
                "password",
                "username"
            ]
        );
        let Next::Event(raw) = &out[1] else {
            unreachable!()
        };
        assert_eq!(raw.alias, Some("profile-create"));
        assert_eq!(
            raw.top("event").map(|f| f.value.clone()),
            Some(Value::from("user-create"))
        );
        // The email is where its token was written.
        let email = raw
            .data
            .as_deref()
            .unwrap_or_default()
            .iter()
            .find(|f| f.key == "email")
            .cloned();
        assert_eq!(email.map(|f| f.value_pos), Some(Pos { line: 2, col: 81 }));
    }

    #[test]
    fn a_person_without_auths_signs_in_by_its_id() {
        let out = translated(
            r#"[{"event": "profile-create", "data": {"id": "developer", "name": "Developer", "type": "person", "roles": ["ADMIN"]}}]"#,
        );
        assert_eq!(
            data(&out[0]).last(),
            Some(&("username".to_string(), Value::from("developer")))
        );
        let out = translated(r#"[{"event": "profile-create", "data": {"name": "Nobody"}}]"#);
        let Next::Refused("profile-create", problems) = &out[0] else {
            panic!("{out:?}")
        };
        assert!(
            problems[0]
                .message
                .contains("needs an \"id\" or an auth-create"),
            "{problems:?}"
        );
    }

    #[test]
    fn auths_that_cannot_be_folded_are_refused_where_they_are() {
        let out = translated(
            r#"[
{"event": "profile-create", "data": {"id": "a", "name": "A"}},
{"event": "auth-create", "data": {"profileId": "b", "type": "email", "token": "b@x.io"}},
{"event": "auth-create", "data": {"profileId": "a", "type": "2fa", "token": "t"}},
{"event": "auth-create", "data": {"profileId": "a", "type": "email", "token": "a@x.io", "secret": "one password"}},
{"event": "auth-create", "data": {"profileId": "a", "type": "phone", "token": "+15551234567", "secret": "another one"}},
{"event": "auth-create", "data": {"profileId": "a", "typ": "email", "token": "c@x.io"}}
]"#,
        );
        let refused = |n: &Next| match n {
            Next::Refused(name, p) => {
                assert_eq!(*name, "auth-create");
                p.iter()
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
                    .join(" | ")
            }
            other => panic!("not refused: {other:?}"),
        };
        assert!(refused(&out[1]).contains("profileId \"b\": no profile-create"));
        assert!(refused(&out[2]).contains("type \"2fa\""));
        assert!(matches!(out[3], Next::Folded));
        assert!(refused(&out[4]).contains("secret: differs from the one event 4 gives"));
        let last = refused(&out[5]);
        assert!(
            last.contains("did you mean \"type\"") && last.contains("type: required"),
            "{last}"
        );
    }

    #[test]
    fn the_hint_shows_the_user_create() {
        let mut s = Scanner::new(
            r#"[{"event": "profile-create", "data": {"id": "developer", "name": "Developer", "type": "person", "roles": ["ADMIN"]}}]"#.as_bytes(),
            None,
        );
        let raw = s.next_event().unwrap().unwrap();
        let fields = raw.data.unwrap();
        assert!(looks_like_person("profile-create", &fields));
        assert_eq!(
            person_hint(&fields),
            r#"profile-create takes no "type" or "roles" (hint: this looks like a Stackpress person: use --from stackpress, or write it as {"event": "user-create", "data": {"id": "developer", "name": "Developer", "type": "person", "roles": ["admin"], "username": "developer"}})"#
        );
    }
}
