//! [`Data`]: typed reads of one event's `data` fields, collecting every problem instead of
//! stopping at the first.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{FieldSpec, Kind, ShapeError};
use crate::actions::validate;
use crate::error::{Error, Result};
use crate::model::{JsonObject, Role};
use crate::seed::scan::{Field, Pos};

/// The fields of one event's `data`, read by its [`super::SeedEvent::build`].
pub struct Data<'a> {
    fields: &'a [Field],
    event_pos: Pos,
    pub(super) errors: Vec<ShapeError>,
    /// Fields the event does take that an unknown field's "did you mean" already named
    /// (`titel` → `title`): one mistake, one error, so their absence is not reported again.
    near_misses: Vec<&'static str>,
    /// Required fields that are missing: what stands in for them is never reported on.
    missing: Vec<&'static str>,
    /// Run the inputs' own validation (the first pass); see [`Data::valid`].
    validate: bool,
    /// The clock of the run, for checks that depend on it (a release year).
    pub now: DateTime<Utc>,
    /// Every read, as the field it declares: a test holds each event's reads to its
    /// [`super::SeedEvent::FIELDS`].
    #[cfg(test)]
    pub(super) reads: Vec<FieldSpec>,
}

impl<'a> Data<'a> {
    pub(super) fn new(
        fields: &'a [Field],
        event_pos: Pos,
        errors: Vec<ShapeError>,
        near_misses: Vec<&'static str>,
        validate: bool,
        now: DateTime<Utc>,
    ) -> Data<'a> {
        Data {
            fields,
            event_pos,
            errors,
            near_misses,
            missing: Vec::new(),
            validate,
            now,
            #[cfg(test)]
            reads: Vec::new(),
        }
    }

    #[cfg_attr(not(test), allow(unused_variables))]
    fn read(&mut self, spec: FieldSpec) -> Option<&'a Field> {
        #[cfg(test)]
        self.reads.push(spec);
        self.field(spec.name)
    }

    pub fn field(&self, key: &str) -> Option<&'a Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Where the event starts: for problems of the event as a whole.
    pub fn event_pos(&self) -> Pos {
        self.event_pos
    }

    /// Where the field's key is, else the event.
    pub fn key_pos(&self, key: &str) -> Pos {
        self.field(key).map_or(self.event_pos, |f| f.key_pos)
    }

    /// Where the field's value is, else the event.
    pub fn value_pos(&self, key: &str) -> Pos {
        self.field(key).map_or(self.event_pos, |f| f.value_pos)
    }

    /// Files a problem; one about a missing field's stand-in (`title "": must not be
    /// empty`, found by a check of the event as a whole) is not a problem of the input, and
    /// is dropped: the field was reported missing once already.
    /// So is a problem of the event as a whole that a misspelling explains (`emial` for
    /// `email`: not also "a user needs at least one of email, username and phone").
    pub fn push(&mut self, pos: Pos, message: String) {
        let first = message.split([' ', ':']).next().unwrap_or("");
        if self.missing.contains(&first) {
            return;
        }
        let of_a_field = self.field(first).is_some();
        let explained = || {
            let mut words = message.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
            words.any(|w| self.near_misses.contains(&w) && self.field(w).is_none())
        };
        if !of_a_field && explained() {
            return;
        }
        self.errors.push(ShapeError { pos, message });
    }

    /// Files that none of `keys` (one field, or its one and many spellings) was given,
    /// with `message`; unless an unknown field's "did you mean" named one of them already.
    /// Either way, checks of the event then ignore what stands in for them.
    pub fn absent(&mut self, keys: &[&'static str], message: String) {
        if !keys.iter().any(|k| self.near_misses.contains(k)) {
            let pos = self.event_pos;
            self.errors.push(ShapeError { pos, message });
        }
        self.missing.extend_from_slice(keys);
    }

    fn wrong_type(&mut self, f: &Field, want: Kind) {
        // A value already refused as written (an integer beyond 64 bits) is not reported
        // again for the type serde_json gave it.
        if self.errors.iter().any(|e| e.pos == f.value_pos) {
            return;
        }
        let got = match &f.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        self.push(
            f.value_pos,
            format!("{}: expected {}, found {got}", f.key, want.describe()),
        );
    }

    fn text(&mut self, f: &Field) -> Option<String> {
        match &f.value {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            _ => {
                self.wrong_type(f, Kind::Text);
                None
            }
        }
    }

    /// An optional string ([`Kind::Text`]).
    pub fn string(&mut self, key: &'static str) -> Option<String> {
        let f = self.read(FieldSpec::text(key))?;
        self.text(f)
    }

    /// A string that must be given ([`Kind::Text`], required). When it is missing, the
    /// problem is filed ([`Data::absent`]) and `x` stands in for it, so that the checks of
    /// the whole event still find the other fields' problems (a missing `name` and a bad
    /// `color` are both reported). The stand-in is never applied: the event is refused.
    pub fn required(&mut self, key: &'static str) -> String {
        self.required_or(key, "x")
    }

    /// [`Data::required`] for a field whose stand-in must be some other valid value
    /// (a media `type`).
    pub fn required_or(&mut self, key: &'static str, stand_in: &str) -> String {
        match self.read(FieldSpec::required(key)) {
            Some(f) => self.text(f).unwrap_or_default(),
            None => {
                self.absent(&[key], format!("{key}: required"));
                stand_in.to_string()
            }
        }
    }

    /// An optional whole number ([`Kind::Integer`]).
    pub fn int(&mut self, key: &'static str) -> Option<i64> {
        let f = self.read(FieldSpec::integer(key))?;
        match &f.value {
            Value::Number(n) if n.as_i64().is_some() => n.as_i64(),
            Value::Null => None,
            _ => {
                self.wrong_type(f, Kind::Integer);
                None
            }
        }
    }

    /// An optional `true` or `false` ([`Kind::Boolean`]).
    pub fn boolean(&mut self, key: &'static str) -> Option<bool> {
        let f = self.read(FieldSpec::boolean(key))?;
        match &f.value {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            _ => {
                self.wrong_type(f, Kind::Boolean);
                None
            }
        }
    }

    /// A string or an array of strings, under either of two keys (`role`/`roles`), both
    /// [`Kind::Texts`]: all of them, in the order given; `None` when neither is given.
    pub fn strings(&mut self, one: &'static str, many: &'static str) -> Option<Vec<String>> {
        let mut out: Option<Vec<String>> = None;
        for key in [one, many] {
            let Some(f) = self.read(FieldSpec::texts(key)) else {
                continue;
            };
            match &f.value {
                Value::String(s) => out.get_or_insert_with(Vec::new).push(s.clone()),
                Value::Array(items) if items.iter().all(Value::is_string) => out
                    .get_or_insert_with(Vec::new)
                    .extend(items.iter().filter_map(|v| v.as_str().map(str::to_string))),
                Value::Null => {}
                _ => self.wrong_type(f, Kind::Texts),
            }
        }
        out
    }

    /// A string or an array of strings under one key ([`Kind::Texts`]).
    pub fn texts(&mut self, key: &'static str) -> Option<Vec<String>> {
        let f = self.read(FieldSpec::texts(key))?;
        match &f.value {
            Value::String(s) => Some(vec![s.clone()]),
            Value::Array(items) if items.iter().all(Value::is_string) => Some(
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
            ),
            Value::Null => None,
            _ => {
                self.wrong_type(f, Kind::Texts);
                None
            }
        }
    }

    /// A JSON object ([`Kind::Object`]), checked as metadata is.
    pub fn object(&mut self, key: &'static str) -> Option<JsonObject> {
        let f = self.read(FieldSpec::object(key))?;
        match validate::metadata(f.value.clone()) {
            Ok(o) => Some(o),
            Err(e) => {
                self.push(f.value_pos, e.message);
                None
            }
        }
    }

    /// A profile role's name (any case; whether it is defined is the action's rule);
    /// `member` when left out.
    pub fn role(&mut self, key: &'static str) -> Role {
        match self.read(FieldSpec::text(key)) {
            Some(f) => self.role_of(f),
            None => Role::member(),
        }
    }

    fn role_of(&mut self, f: &Field) -> Role {
        match self.text(f) {
            None => Role::member(),
            Some(r) => Role::parse(&r).unwrap_or_else(|| {
                let e = validate::bad(
                    &f.key,
                    &r,
                    "a role name is a letter, then up to 31 letters, digits, '-' or '_' (owner, admin, member, or a role defined with role-create)",
                );
                self.push(f.value_pos, e.message);
                Role::member()
            }),
        }
    }

    /// A profile role that must be given.
    pub fn required_role(&mut self, key: &'static str) -> Role {
        let spec = FieldSpec {
            required: true,
            ..FieldSpec::text(key)
        };
        let Some(f) = self.read(spec) else {
            self.absent(
                &[key],
                format!("{key}: required (owner, admin, member or a custom role)"),
            );
            return Role::member();
        };
        self.role_of(f)
    }

    /// A word of `allowed` ([`Kind::OneOf`]) in any case, and nothing else (no spaces
    /// around it, no other spelling `parse` may know): exactly what the seed's JSON Schema
    /// says of the field; parsed by `parse` in lower case.
    pub fn word<T>(
        &mut self,
        key: &'static str,
        allowed: &'static [&'static str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let f = self.read(FieldSpec::one_of(key, allowed))?;
        let s = self.text(f)?;
        let lower = s.to_ascii_lowercase();
        let parsed = if allowed.contains(&lower.as_str()) {
            parse(&lower)
        } else {
            None
        };
        if parsed.is_none() {
            let e = validate::bad(key, &s, format!("must be one of {}", allowed.join(", ")));
            self.push(f.value_pos, e.message);
        }
        parsed
    }

    /// Files a validation error at the field its message names (`email "x": …`), else at
    /// the event.
    /// A field already reported (a wrong type, an unset variable) is not reported again
    /// for the placeholder value that stood in for it (`name "": must not be empty`).
    /// So is one about a missing field's stand-in ([`Data::push`]).
    fn invalid(&mut self, e: Error) {
        let first = e.message.split([' ', ':']).next().unwrap_or("");
        let pos = self.value_pos(first);
        if self.field(first).is_some() && self.errors.iter().any(|x| x.pos == pos) {
            return;
        }
        let mut message = e.message;
        for h in e.hints {
            message.push_str(&format!(" (hint: {})", as_fields(&h)));
        }
        self.push(pos, message);
    }

    /// Validates with `f` in the first pass; the second pass builds the input only (the
    /// action validates it again anyway).
    pub fn valid<T>(&mut self, v: T, f: impl FnOnce(T) -> Result<T>) -> Option<T> {
        if self.validate {
            self.check(f(v))
        } else {
            Some(v)
        }
    }

    /// Validates with `f` in both passes, for an event whose action takes the input as
    /// validated (`user::create_valid`, `media::add_valid`): pass two, which may run on a
    /// thread of its own, does the validation its action would otherwise repeat.
    pub fn validated<T>(&mut self, v: T, f: impl FnOnce(T) -> Result<T>) -> Option<T> {
        self.check(f(v))
    }

    /// The value, or its error filed (see [`Data::valid`] for where).
    pub fn check<T>(&mut self, r: Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.invalid(e);
                None
            }
        }
    }
}

/// A hint written for the command line, in a seed's words: each flag (`--email`,
/// `--tmdb-id`) becomes the field it sets (`"email"`, `"tmdb_id"`), as the seed's fields are
/// the flags' names in snake_case. `add --email (or --username / --phone)` reads
/// `add "email" (or "username" / "phone")`.
pub fn as_fields(hint: &str) -> String {
    let mut out = String::with_capacity(hint.len());
    let mut rest = hint;
    while let Some(at) = rest.find("--") {
        let (before, flag) = rest.split_at(at);
        let name_len = flag[2..]
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(flag.len() - 2);
        let name = &flag[2..2 + name_len];
        // A flag starts a word and has a name: `--` alone, or inside a word, is left be.
        let starts_word = before.is_empty() || before.ends_with([' ', '(', '/', ',']);
        out.push_str(before);
        if starts_word && name.starts_with(|c: char| c.is_ascii_lowercase()) {
            out.push_str(&format!(
                "{:?}",
                name.trim_end_matches('-').replace('-', "_")
            ));
        } else {
            out.push_str(&flag[..2 + name_len]);
        }
        rest = &flag[2 + name_len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::as_fields;

    #[test]
    fn hints_name_the_seed_fields_not_the_flags() {
        assert_eq!(
            as_fields("add --email (or --username / --phone)"),
            r#"add "email" (or "username" / "phone")"#
        );
        assert_eq!(
            as_fields("the id in a TMDB URL: themoviedb.org/movie/603 is --tmdb-id 603"),
            r#"the id in a TMDB URL: themoviedb.org/movie/603 is "tmdb_id" 603"#
        );
        assert_eq!(as_fields("no flags -- here"), "no flags -- here");
        assert_eq!(as_fields("a-b--c"), "a-b--c");
    }
}
