//! Prompts for values left off the command line (dialoguer, drawn on stderr so stdout
//! stays data). They appear only when [`App::interactive`]: stdin and stderr are terminals
//! and `--no-input` was not given. Otherwise a missing value is a usage error (exit 2)
//! that names the flags, and nothing ever waits for input. A prompt that cannot be read
//! (the terminal went away, Ctrl-D) is a usage error too, never a panic.
//!
//! Every answer is a whole line, read up to Enter — yes/no questions too, so `yes⏎` is one
//! answer and nothing typed is left over for the next prompt or the shell. An answer that
//! is refused prints `error: …` (and any `hint:`) under the prompt and the question is
//! asked again; an empty one says what is needed there.

use std::fmt;

use dialoguer::console::Term;
use dialoguer::{Input, Password};

use super::App;
use crate::actions::{self, validate};
use crate::error::{Error, Kind, Result};
use crate::model::Profile;
use crate::output::safe;

/// dialoguer's plain theme, but for a question that ends in `?` or in its choices
/// (`[y/N]`), which takes no colon after it.
struct Theme;

fn is_question(prompt: &str) -> bool {
    prompt.ends_with('?') || prompt.ends_with(']')
}

impl dialoguer::theme::Theme for Theme {
    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        match default {
            Some(d) => write!(f, "{prompt} [{d}]: "),
            None if is_question(prompt) => write!(f, "{prompt} "),
            None => write!(f, "{prompt}: "),
        }
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        if is_question(prompt) {
            write!(f, "{prompt} {sel}")
        } else {
            write!(f, "{prompt}: {sel}")
        }
    }
}

/// `A`, `A and B`, `A, B and C`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The error of a prompt that could not be shown or read.
fn unreadable(what: &str, flag: &str) -> impl FnOnce(dialoguer::Error) -> Error {
    let what = what.to_string();
    let flag = flag.to_string();
    move |e| {
        Error::usage(format!("could not read {what} from the terminal ({e})"))
            .hint(format!("give it on the command line with {flag}"))
    }
}

/// Splits an answer holding several values: spaces or commas between them.
pub fn several(answer: &str) -> Vec<String> {
    answer
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A yes/no answer: `y`, `yes`, `n`, `no` in any case; empty takes `default`. `None`:
/// neither, so the question is asked again.
fn yes_no(answer: &str, default: Option<bool>) -> Option<bool> {
    match answer.trim().to_ascii_lowercase().as_str() {
        "" => default,
        "y" | "yes" => Some(true),
        "n" | "no" => Some(false),
        _ => None,
    }
}

/// Whether a refused answer is asked again: a bad value, a taken name, a record that does
/// not exist. Anything else (a permission, the database) ends the command.
fn asks_again(e: &Error) -> bool {
    matches!(
        e.kind,
        Kind::Usage | Kind::Invalid | Kind::NotFound | Kind::Conflict
    )
}

/// A free slug near a taken one: `SLUG-2`, `SLUG-3`, … (at most 64 characters).
fn free_slug(slug: &str, taken: &[String]) -> Option<String> {
    (2..100)
        .map(|n| format!("{slug}-{n}"))
        .find(|s| s.len() <= 64 && !taken.contains(s))
}

/// How a question reads the line it is given.
struct Line<'a> {
    prompt: &'a str,
    /// The option that gives the value instead, for the error when the terminal cannot be read.
    flag: &'a str,
    default: Option<String>,
    /// Why an empty answer is asked again (`an email is needed here`); `None`: an empty
    /// answer means "none".
    needed: Option<&'a str>,
}

impl App {
    /// Ok when the missing values may be asked for; otherwise the usage error that names
    /// them (`missing`: flags or argument names) with an example of the full command.
    pub fn may_prompt(&self, command: &str, missing: &[&str], example: &str) -> Result<()> {
        if self.interactive {
            return Ok(());
        }
        let verb = if missing.len() == 1 { "is" } else { "are" };
        let why = if self.no_input {
            "--no-input"
        } else {
            "no terminal, or --no-input"
        };
        Err(Error::usage(format!(
            "{command}: {} {verb} missing, and prompts are off ({why})",
            and_list(missing)
        ))
        .hint(format!("for example: {example}")))
    }

    /// One line typed at the terminal, up to Enter (`default` on an empty one), untrimmed.
    fn read_line(&self, prompt: &str, default: Option<&str>) -> dialoguer::Result<String> {
        let mut input = Input::<String>::with_theme(&Theme)
            .with_prompt(prompt)
            .allow_empty(true);
        if let Some(d) = default {
            input = input.default(d.to_string());
        }
        input.interact_text_on(&Term::stderr())
    }

    /// Asks until `check` takes the trimmed answer (returning its normalised form); each
    /// refusal is printed and, when `suggest` offers one, becomes the next default. `None`
    /// for an empty answer where one means "none".
    fn ask_line(
        &self,
        line: Line<'_>,
        check: impl Fn(&str) -> Result<String>,
        suggest: impl Fn(&str, &Error) -> Option<String>,
    ) -> Result<Option<String>> {
        let shown = safe(line.prompt).into_owned();
        let mut default = line.default.map(|d| safe(&d).into_owned());
        loop {
            let answer = self
                .read_line(&shown, default.as_deref())
                .map_err(unreadable(line.prompt, line.flag))?;
            let answer = answer.trim();
            if answer.is_empty() {
                match line.needed {
                    None => return Ok(None),
                    Some(why) => {
                        self.out.refused(&Error::usage(why));
                        continue;
                    }
                }
            }
            match check(answer) {
                Ok(value) => return Ok(Some(value)),
                Err(e) if asks_again(&e) => {
                    let next = suggest(answer, &e);
                    let mut e = e;
                    if let Some(s) = &next {
                        // The hints name flags (`try --slug …`); here, the next default.
                        e.hints.clear();
                        e = e.hint(format!("press Enter for {s}"));
                    }
                    self.out.refused(&e);
                    default = next;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A line of text, trimmed, checked and normalised by `check` (its error is shown and
    /// the question asked again). `default` is taken on an empty answer; without one, an
    /// empty answer is asked again, saying why (`needed`: "an email is needed here").
    /// `flag` names the option that gives the value instead, for the error when the
    /// terminal cannot be read.
    pub fn ask(
        &self,
        prompt: &str,
        flag: &str,
        default: Option<String>,
        needed: &str,
        check: impl Fn(&str) -> Result<String>,
    ) -> Result<String> {
        let line = Line {
            prompt,
            flag,
            default,
            needed: Some(needed),
        };
        let answer = self.ask_line(line, check, |_, _| None)?;
        Ok(answer.unwrap_or_default())
    }

    /// A value that may be left out: Enter answers `None`.
    pub fn ask_optional(
        &self,
        prompt: &str,
        flag: &str,
        check: impl Fn(&str) -> Result<String>,
    ) -> Result<Option<String>> {
        let line = Line {
            prompt,
            flag,
            default: None,
            needed: None,
        };
        self.ask_line(line, check, |_, _| None)
    }

    /// A yes/no question, read as a whole line: `y`, `yes`, `n` or `no` (any case), and
    /// Enter for `default`; anything else is asked again.
    pub fn ask_yes_no(&self, prompt: &str, default: Option<bool>) -> Result<bool> {
        let choices = match default {
            Some(true) => "[Y/n]",
            Some(false) => "[y/N]",
            None => "[y/n]",
        };
        let shown = format!("{} {choices}", safe(prompt));
        loop {
            let answer = self.read_line(&shown, None).map_err(|e| {
                Error::usage(format!("could not read the answer to {prompt:?} ({e})"))
            })?;
            match yes_no(&answer, default) {
                Some(yes) => return Ok(yes),
                None => self.out.refused(&Error::usage("answer yes or no (y or n)")),
            }
        }
    }

    /// Asks for `expected` (a profile's slug, a user's email) to be typed before a
    /// destructive change, as `gh repo delete` does. Any other answer changes nothing and
    /// is a usage error (2). `what` names the change (`delete profile the-smiths`).
    pub fn confirm_by_typing(&self, what: &str, expected: &str) -> Result<()> {
        if self.yes {
            return Ok(());
        }
        self.may_confirm(what)?;
        let shown = safe(expected);
        let answer = self
            .read_line(&format!("Type {shown} to confirm"), None)
            .map_err(|e| {
                Error::usage(format!("{what}: could not ask for confirmation ({e})"))
                    .hint("add --yes to confirm")
            })?;
        let answer = answer.trim();
        // The escaped form is what the screen showed: typing it is typing the name.
        if answer.eq_ignore_ascii_case(expected) || answer.eq_ignore_ascii_case(&shown) {
            return Ok(());
        }
        let said = if answer.is_empty() {
            "nothing was typed".to_string()
        } else {
            format!("{answer:?} is not {expected:?}")
        };
        Err(Error::usage(format!(
            "{what}: not confirmed ({said}); nothing was changed"
        ))
        .hint(format!("type {expected} exactly to confirm, or add --yes")))
    }

    /// A password, hidden and typed once (the current one, or to sign in).
    pub fn ask_password(&self, prompt: &str) -> Result<String> {
        loop {
            let pw = Password::with_theme(&Theme)
                .with_prompt(prompt)
                .allow_empty_password(true)
                .interact_on(&Term::stderr())
                .map_err(|e| {
                    Error::usage(format!("could not read the password ({e})"))
                        .hint("pipe it in with --password-stdin instead")
                })?;
            if !pw.is_empty() {
                return Ok(pw);
            }
            self.out.refused(&Error::usage("a password is needed here"));
        }
    }

    /// A new password, hidden and typed twice, checked by the password rules. With
    /// `optional`, an empty first answer means "no password" (`None`).
    pub fn ask_new_password(&self, prompt: &str, optional: bool) -> Result<Option<String>> {
        let term = Term::stderr();
        let read = |p: &str| {
            Password::with_theme(&Theme)
                .with_prompt(p)
                .allow_empty_password(true)
                .interact_on(&term)
                .map_err(|e| {
                    Error::usage(format!("could not read the password ({e})"))
                        .hint("pipe it in with --password-stdin instead")
                })
        };
        loop {
            let first = read(prompt)?;
            if first.is_empty() {
                if optional {
                    return Ok(None);
                }
                self.out.refused(&Error::usage("a password is needed here"));
                continue;
            }
            if let Err(e) = crate::password::validate(&first) {
                self.out.refused(&e);
                continue;
            }
            if read("Repeat it")? == first {
                return Ok(Some(first));
            }
            self.out
                .refused(&Error::usage("the two entries differ; try again"));
        }
    }

    /// An email address for a new user, checked and lower-cased, then offered to `free`
    /// (a read-only look-up: another user holding it is refused here, and asked again,
    /// before any later question such as the password).
    pub fn ask_new_email(
        &self,
        prompt: &str,
        flag: &str,
        free: impl Fn(&str) -> Result<()>,
    ) -> Result<String> {
        self.ask(prompt, flag, None, "an email is needed here", |v| {
            let email = validate::email(v)?;
            free(&email)?;
            Ok(email)
        })
    }

    /// A display name.
    pub fn ask_name(&self, prompt: &str, flag: &str) -> Result<String> {
        self.ask(prompt, flag, None, "a name is needed here", |v| {
            validate::text("name", v, 200)
        })
    }

    /// A slug for a new profile: Enter keeps the one derived from `name`; a slug that
    /// `taken` already holds is refused at once rather than after the last question. A
    /// refused slug offers the nearest good one as the next default: the slug made from
    /// what was typed (`The Smiths!` → `the-smiths`), or a free `SLUG-2` for a taken one.
    pub fn ask_slug(&self, name: &str, taken: &[String]) -> Result<String> {
        let line = Line {
            prompt: "Slug (its name in URLs)",
            flag: "--slug",
            default: validate::slug_from_name(name),
            needed: Some("a slug is needed here"),
        };
        let check = |v: &str| {
            let slug = validate::slug(v)?;
            if taken.contains(&slug) {
                return Err(Error::conflict(format!(
                    "slug {slug:?} already belongs to another profile"
                )));
            }
            Ok(slug)
        };
        let suggest = |v: &str, e: &Error| {
            if e.kind == Kind::Conflict {
                return free_slug(&v.to_ascii_lowercase(), taken);
            }
            let fixed = validate::slug_from_name(v)?;
            if taken.contains(&fixed) {
                free_slug(&fixed, taken)
            } else {
                Some(fixed)
            }
        };
        let slug = self.ask_line(line, check, suggest)?;
        Ok(slug.unwrap_or_default())
    }

    /// An existing profile, by slug or id, from `known` (the profiles anyone may list).
    /// A short list is shown first; a typo gets a "did you mean".
    pub fn ask_profile(&self, known: &[Profile]) -> Result<String> {
        if known.is_empty() {
            return Err(Error::not_found("there are no profiles yet")
                .hint("create one with `roster profile create --name 'The Smiths'`"));
        }
        if known.len() <= 12 {
            let slugs: Vec<&str> = known.iter().map(|p| p.slug.as_str()).collect();
            self.out.note(&format!("profiles: {}", slugs.join(", ")));
        }
        let slugs: Vec<String> = known.iter().map(|p| p.slug.clone()).collect();
        self.ask(
            "Profile (slug or id)",
            "the PROFILE argument",
            None,
            "a profile is needed here",
            |v| {
                let lower = v.to_ascii_lowercase();
                if let Some(p) = known.iter().find(|p| p.slug == lower || p.id == v) {
                    return Ok(p.slug.clone());
                }
                let mut e = Error::not_found(format!("profile {v:?} does not exist"));
                if let Some(near) = actions::nearest(v, &slugs) {
                    e = e.hint(format!("did you mean {near:?}?"));
                }
                Err(e)
            },
        )
    }

    /// The profiles the actor may see, for [`App::ask_profile`] and slug checks; none when
    /// the database does not exist yet.
    pub fn known_profiles(&self) -> Result<Vec<Profile>> {
        Ok(self
            .peek(|tx, ctx| actions::profile::list(tx, ctx))?
            .unwrap_or_default())
    }

    /// A read for a prompt's check: `None` when the database does not exist yet (so
    /// nothing in it can be taken).
    pub fn peek<T>(
        &self,
        f: impl FnOnce(&mut crate::store::Tx<'_>, &actions::Ctx) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.read(f) {
            Err(e) if e.kind == Kind::NoInput => Ok(None),
            other => other.map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(and_list(&["PROFILE"]), "PROFILE");
        assert_eq!(and_list(&["PROFILE", "USER"]), "PROFILE and USER");
        assert_eq!(
            and_list(&["--email", "--name", "PW"]),
            "--email, --name and PW"
        );
    }

    #[test]
    fn several_values_split_on_spaces_and_commas() {
        assert_eq!(
            several(" a@x.io, b@x.io  c "),
            vec!["a@x.io", "b@x.io", "c"]
        );
        assert!(several(" , ").is_empty());
    }

    #[test]
    fn yes_and_no_are_whole_words() {
        for (answer, default, want) in [
            ("y", None, Some(true)),
            ("YES", None, Some(true)),
            (" no ", Some(true), Some(false)),
            ("N", None, Some(false)),
            ("", Some(true), Some(true)),
            ("", Some(false), Some(false)),
            ("", None, None),
            ("yo", Some(false), None),
            ("nay", Some(false), None),
            ("yes please", Some(true), None),
        ] {
            assert_eq!(yes_no(answer, default), want, "{answer:?}");
        }
    }

    #[test]
    fn a_taken_slug_suggests_the_next_free_one() {
        let taken = vec!["a".to_string(), "a-2".to_string()];
        assert_eq!(free_slug("a", &taken).as_deref(), Some("a-3"));
        assert_eq!(free_slug(&"x".repeat(64), &taken), None);
    }
}
