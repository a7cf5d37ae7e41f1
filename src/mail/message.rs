//! The invitation email (README "Mail: the message"): a subject, a plain-text part that
//! reads well on its own, and an HTML part in which every value is escaped. Each comes
//! from a template — built in, or a file of `ROSTER_MAIL_TEMPLATES` — whose `{{name}}`
//! placeholders are the variables of [`VARIABLES`]; an unknown one is refused when the
//! template is read, before anything is written.

use std::path::Path;

use crate::error::{Error, Kind, Result};

/// Every variable a template may use, and what it holds.
pub const VARIABLES: &[(&str, &str)] = &[
    ("profile", "the profile's name"),
    ("profile_slug", "the profile's slug"),
    (
        "inviter",
        "who invited: their name and email, or \"an administrator\" (the operator)",
    ),
    (
        "inviter_email",
        "the inviter's email (empty for the operator)",
    ),
    ("role", "the role offered"),
    (
        "link",
        "the invitation link: ROSTER_INVITE_LINK with the invitation's id",
    ),
    ("expires", "the expiry in UTC, as 2026-11-23 12:00 UTC"),
    (
        "expires_at",
        "the expiry as RFC 3339 (2026-11-23T12:00:00.000Z)",
    ),
    ("recipient", "the invited email"),
    ("invitation_id", "the invitation's id"),
];

/// The template files `ROSTER_MAIL_TEMPLATES` may hold; any left out is the built-in one.
pub const FILES: [&str; 3] = ["invite-subject.txt", "invite.txt", "invite.html"];

const SUBJECT: &str = "Invitation to join {{profile}} as {{role}}, from {{inviter}}";

const TEXT: &str = "Hello,

You have been invited by {{inviter}} to join {{profile}} as {{role}}.

Accept the invitation here:

    {{link}}

The invitation expires on {{expires}}.
If you did not expect it, you can ignore this email: nothing happens unless you accept.
";

const HTML: &str = "<!DOCTYPE html>
<html>
<body style=\"font-family: sans-serif; line-height: 1.5\">
<p>Hello,</p>
<p>You have been invited by <strong>{{inviter}}</strong> to join <strong>{{profile}}</strong> as <strong>{{role}}</strong>.</p>
<p><a href=\"{{link}}\">Accept the invitation</a></p>
<p>Or open this link: {{link}}</p>
<p>The invitation expires on {{expires}}.<br>
If you did not expect it, you can ignore this email: nothing happens unless you accept.</p>
</body>
</html>
";

/// The largest template file read.
const MAX_TEMPLATE: u64 = 64 * 1024;

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Var(usize),
}

#[derive(Debug, Clone, PartialEq)]
struct Template(Vec<Part>);

impl Template {
    /// Reads `{{name}}` placeholders; `source` names the template in messages.
    fn parse(source: &str, text: &str) -> Result<Template> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            let after = &rest[open + 2..];
            let close = after.find("}}").ok_or_else(|| {
                Error::invalid(format!("{source}: a {{{{ is never closed with }}}}"))
            })?;
            let name = after[..close].trim();
            let index = VARIABLES
                .iter()
                .position(|(n, _)| *n == name)
                .ok_or_else(|| {
                    let known: Vec<&str> = VARIABLES.iter().map(|(n, _)| *n).collect();
                    Error::invalid(format!(
                        "{source}: unknown variable {{{{{}}}}}",
                        crate::output::safe(name)
                    ))
                    .hint(format!("the variables are: {}", known.join(", ")))
                })?;
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_string()));
            }
            parts.push(Part::Var(index));
            rest = &after[close + 2..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_string()));
        }
        Ok(Template(parts))
    }

    fn render(&self, values: &[String], escape: fn(&str) -> String) -> String {
        let mut out = String::new();
        for p in &self.0 {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Var(i) => out.push_str(&escape(values.get(*i).map_or("", String::as_str))),
            }
        }
        out
    }
}

/// What one invitation's message is made of: the values of [`VARIABLES`].
#[derive(Debug, Clone, PartialEq)]
pub struct Invite<'a> {
    pub profile: &'a str,
    pub profile_slug: &'a str,
    /// The inviting user's name and email; None for the operator.
    pub inviter: Option<(&'a str, Option<&'a str>)>,
    pub role: &'a str,
    pub link: String,
    /// RFC 3339, as stored.
    pub expires_at: &'a str,
    pub recipient: &'a str,
    pub invitation_id: &'a str,
}

impl Invite<'_> {
    fn values(&self) -> Vec<String> {
        let inviter = match self.inviter {
            Some((name, Some(email))) if name != email => format!("{name} ({email})"),
            Some((name, _)) => name.to_string(),
            None => "an administrator".to_string(),
        };
        let expires = crate::model::parse_timestamp(self.expires_at).map_or_else(
            || self.expires_at.to_string(),
            |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
        );
        let mut v = Vec::with_capacity(VARIABLES.len());
        for (name, _) in VARIABLES {
            v.push(match *name {
                "profile" => self.profile.to_string(),
                "profile_slug" => self.profile_slug.to_string(),
                "inviter" => inviter.clone(),
                "inviter_email" => self
                    .inviter
                    .and_then(|(_, e)| e)
                    .unwrap_or_default()
                    .to_string(),
                "role" => self.role.to_string(),
                "link" => self.link.clone(),
                "expires" => expires.clone(),
                "expires_at" => self.expires_at.to_string(),
                "recipient" => self.recipient.to_string(),
                "invitation_id" => self.invitation_id.to_string(),
                _ => String::new(),
            });
        }
        v
    }
}

/// A message, rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The three templates of the invitation email.
#[derive(Debug, Clone, PartialEq)]
pub struct Templates {
    subject: Template,
    text: Template,
    html: Template,
}

impl Default for Templates {
    fn default() -> Self {
        Templates::from_texts(SUBJECT, TEXT, HTML).unwrap_or_else(|_| Templates {
            subject: Template(Vec::new()),
            text: Template(Vec::new()),
            html: Template(Vec::new()),
        })
    }
}

impl Templates {
    fn from_texts(subject: &str, text: &str, html: &str) -> Result<Templates> {
        Ok(Templates {
            subject: Template::parse("the subject template", subject)?,
            text: Template::parse("the text template", text)?,
            html: Template::parse("the HTML template", html)?,
        })
    }

    /// The templates of `dir` (`ROSTER_MAIL_TEMPLATES`): each of [`FILES`] it holds
    /// replaces the built-in one. A missing directory is 66; an unreadable file, or a
    /// template with an unknown variable, 65.
    pub fn load(dir: &Path) -> Result<Templates> {
        let shown = dir.display();
        if !dir.is_dir() {
            return Err(Error::no_input(format!(
                "ROSTER_MAIL_TEMPLATES {shown}: not a directory"
            ))
            .hint(format!(
                "point it at a directory holding any of {}, or unset it for the built-in templates",
                FILES.join(", ")
            )));
        }
        let read = |name: &str, builtin: &str| -> Result<String> {
            let path = dir.join(name);
            match std::fs::metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(builtin.to_string()),
                Ok(m) if m.len() > MAX_TEMPLATE => Err(Error::invalid(format!(
                    "{}: a template may hold at most {MAX_TEMPLATE} bytes",
                    path.display()
                ))),
                _ => std::fs::read_to_string(&path).map_err(|e| {
                    Error::new(
                        Kind::Invalid,
                        format!("{}: cannot read the template: {e}", path.display()),
                    )
                }),
            }
        };
        let subject = read(FILES[0], SUBJECT)?;
        let text = read(FILES[1], TEXT)?;
        let html = read(FILES[2], HTML)?;
        let at = |name: &str| dir.join(name).display().to_string();
        Ok(Templates {
            subject: Template::parse(&at(FILES[0]), &subject)?,
            text: Template::parse(&at(FILES[1]), &text)?,
            html: Template::parse(&at(FILES[2]), &html)?,
        })
    }

    pub fn render(&self, invite: &Invite<'_>) -> Rendered {
        let values = invite.values();
        // A subject is one header line: line breaks become spaces.
        let subject = self
            .subject
            .render(&values, |s| s.to_string())
            .split(['\r', '\n'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Rendered {
            subject,
            text: self.text.render(&values, |s| s.to_string()),
            html: self.html.render(&values, escape_html),
        }
    }
}

/// Text made safe inside HTML, in element content and in quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invite() -> Invite<'static> {
        Invite {
            profile: "The <Smiths> & Co",
            profile_slug: "the-smiths",
            inviter: Some(("Ann \"A\" Smith", Some("ann@example.com"))),
            role: "admin",
            link: "https://media.example.com/accept-invitation/abc?x=1&y=2".into(),
            expires_at: "2026-11-23T12:00:00.000Z",
            recipient: "dan@example.com",
            invitation_id: "abc",
        }
    }

    #[test]
    fn the_built_in_message_names_everything_and_escapes_html() {
        let m = Templates::default().render(&invite());
        assert_eq!(
            m.subject,
            "Invitation to join The <Smiths> & Co as admin, from Ann \"A\" Smith (ann@example.com)"
        );
        assert!(
            m.text.contains("to join The <Smiths> & Co as admin"),
            "{}",
            m.text
        );
        assert!(
            m.text
                .contains("https://media.example.com/accept-invitation/abc?x=1&y=2")
        );
        assert!(m.text.contains("expires on 2026-11-23 12:00 UTC"));
        assert!(m.html.contains("The &lt;Smiths&gt; &amp; Co"), "{}", m.html);
        assert!(m.html.contains("Ann &quot;A&quot; Smith"));
        assert!(
            m.html
                .contains("href=\"https://media.example.com/accept-invitation/abc?x=1&amp;y=2\"")
        );
        assert!(!m.html.contains("<Smiths>"));
    }

    #[test]
    fn the_operator_is_an_administrator() {
        let mut i = invite();
        i.inviter = None;
        let m = Templates::default().render(&i);
        assert!(
            m.subject.ends_with("from an administrator"),
            "{}",
            m.subject
        );
    }

    #[test]
    fn unknown_variables_and_open_braces_are_refused() {
        let e = Template::parse("t", "hi {{ nmae }}").unwrap_err();
        assert_eq!(e.kind, Kind::Invalid);
        assert!(e.message.contains("{{nmae}}"), "{}", e.message);
        assert!(Template::parse("t", "hi {{profile").is_err());
        let t = Template::parse("t", "{{profile}}-{{ role }}!").unwrap();
        assert_eq!(t.0.len(), 4);
    }
}
