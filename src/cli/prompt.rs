//! Prompts for values left off the command line (dialoguer, drawn on stderr so stdout
//! stays data). They appear only when [`App::interactive`]: stdin and stderr are terminals
//! and `--no-input` was not given. Otherwise a missing value is a usage error (exit 2)
//! that names the flags, and nothing ever waits for input. A prompt that cannot be read
//! (the terminal went away, Ctrl-D) is a usage error too, never a panic.

use dialoguer::console::Term;
use dialoguer::{Confirm, Input, Password};

use super::App;
use crate::actions::{self, validate};
use crate::error::{Error, Result};
use crate::model::Profile;
use crate::output::safe;

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

impl App {
    /// Ok when the missing values may be asked for; otherwise the usage error that names
    /// them (`missing`: flags or argument names) with an example of the full command.
    pub fn may_prompt(&self, command: &str, missing: &[&str], example: &str) -> Result<()> {
        if self.interactive {
            return Ok(());
        }
        let verb = if missing.len() == 1 { "is" } else { "are" };
        Err(Error::usage(format!(
            "{command}: {} {verb} missing, and prompts are off (no terminal, or --no-input)",
            and_list(missing)
        ))
        .hint(format!("for example: {example}")))
    }

    /// A line of text, trimmed, checked and normalised by `check` (its error is shown and
    /// the question asked again). `default` is taken on an empty answer. `flag` names the option that
    /// gives the value instead, for the error when the terminal cannot be read.
    pub fn ask(
        &self,
        prompt: &str,
        flag: &str,
        default: Option<String>,
        check: impl Fn(&str) -> Result<String>,
    ) -> Result<String> {
        let term = Term::stderr();
        let mut input = Input::<String>::new()
            .with_prompt(safe(prompt))
            .validate_with(|v: &String| -> Result<(), String> {
                check(v.trim()).map(|_| ()).map_err(|e| {
                    let mut text = e.message;
                    for h in e.hints {
                        text.push_str(&format!("; {h}"));
                    }
                    // dialoguer prints this as it is, under the prompt.
                    safe(&text).into_owned()
                })
            });
        if let Some(d) = default {
            input = input.default(d);
        }
        let answer = input
            .interact_text_on(&term)
            .map_err(unreadable(prompt, flag))?;
        // The answer passed `check`; return its normalised form.
        check(answer.trim())
    }

    /// A yes/no question; `default` on Enter.
    pub fn ask_yes_no(&self, prompt: &str, default: bool) -> Result<bool> {
        Confirm::new()
            .with_prompt(safe(prompt))
            .default(default)
            .interact_on(&Term::stderr())
            .map_err(|e| Error::usage(format!("could not read the answer to {prompt:?} ({e})")))
    }

    /// A new password, hidden and typed twice, checked by the password rules. With
    /// `optional`, an empty first answer means "no password" (`None`).
    pub fn ask_new_password(&self, prompt: &str, optional: bool) -> Result<Option<String>> {
        let term = Term::stderr();
        let read = |p: &str| {
            Password::new()
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
                self.out.warning("a password is needed here");
                continue;
            }
            if let Err(e) = crate::password::validate(&first) {
                self.out.warning(&e.message);
                continue;
            }
            if read("Repeat it")? == first {
                return Ok(Some(first));
            }
            self.out.warning("the two entries differ; try again");
        }
    }

    /// An email address, checked and lower-cased.
    pub fn ask_email(&self, prompt: &str, flag: &str) -> Result<String> {
        self.ask(prompt, flag, None, validate::email)
    }

    /// A display name.
    pub fn ask_name(&self, prompt: &str, flag: &str) -> Result<String> {
        self.ask(prompt, flag, None, |v| validate::text("name", v, 200))
    }

    /// A slug for a new profile: Enter keeps the one derived from `name`; a slug that
    /// `taken` already holds is refused at once rather than after the last question.
    pub fn ask_slug(&self, name: &str, taken: &[String]) -> Result<String> {
        let derived = validate::slug_from_name(name);
        self.ask("Slug (its name in URLs)", "--slug", derived, |v| {
            let slug = validate::slug(v)?;
            if taken.contains(&slug) {
                return Err(Error::conflict(format!(
                    "slug {slug:?} already belongs to another profile"
                )));
            }
            Ok(slug)
        })
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
        self.ask("Profile (slug or id)", "the PROFILE argument", None, |v| {
            let lower = v.to_ascii_lowercase();
            if let Some(p) = known.iter().find(|p| p.slug == lower || p.id == v) {
                return Ok(p.slug.clone());
            }
            let mut e = Error::not_found(format!("profile {v:?} does not exist"));
            if let Some(near) = actions::nearest(v, &slugs) {
                e = e.hint(format!("did you mean {near:?}?"));
            }
            Err(e)
        })
    }

    /// The profiles the actor may see, for [`App::ask_profile`] and slug checks; none when
    /// the database does not exist yet.
    pub fn known_profiles(&self) -> Result<Vec<Profile>> {
        match self.read(|tx, ctx| actions::profile::list(tx, ctx)) {
            Err(e) if e.kind == crate::error::Kind::NoInput => Ok(Vec::new()),
            other => other,
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
}
