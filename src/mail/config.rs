//! Mail settings (README "Mail"): the SMTP server of `ROSTER_SMTP_URL`, read in this one
//! place, with its password masked in every message and in `-v` output (as
//! [`crate::store::location`] masks a PostgreSQL URL's).

use std::fmt;

use crate::error::{Error, Result};
use crate::store::location::{mask, percent_decode};

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// `smtp://` (the default): plain TCP upgraded with STARTTLS, which is required: a
    /// server that does not offer it is refused.
    StartTls,
    /// `smtps://`: TLS from the first byte (implicit TLS, port 465).
    Tls,
    /// `smtp://…?tls=none`: no TLS at all, for a local server only.
    None,
}

/// `ROSTER_SMTP_URL`, read: `smtp://user:pass@host:587`, `smtps://…`, `…?tls=none`.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    pub host: String,
    pub port: u16,
    pub user: Option<String>,
    /// Never printed: [`SmtpUrl::shown`] and every message mask it.
    pub(crate) password: Option<String>,
    pub security: Security,
    /// The URL with its password masked.
    shown: String,
}

const VAR: &str = "ROSTER_SMTP_URL";
const FORM: &str = "an SMTP URL reads smtp://USER:PASSWORD@HOST:587 (STARTTLS required), smtps://USER:PASSWORD@HOST:465 (implicit TLS), or smtp://HOST:PORT?tls=none for a local server without TLS";

impl SmtpUrl {
    pub fn parse(text: &str) -> Result<SmtpUrl> {
        let (scheme, rest) = text.split_once("://").ok_or_else(|| {
            Error::usage(format!(
                "{VAR} is not a URL (not shown, since it may hold a password)"
            ))
            .hint(FORM)
        })?;
        // A user or password holding '/', '?' or '#' unescaped would end the authority
        // early, and a mask would then miss the password: refused, and not quoted back.
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        if rest[authority_end..].contains('@') {
            return Err(Error::usage(format!(
                "{VAR}: the URL is ambiguous: its user or password holds '/', '?' or '#' (the URL is not shown, since it may hold a password)"
            ))
            .hint("write such characters %-escaped (%2F, %3F, %23, %40)"));
        }
        let shown = mask(text);
        let bad = |what: &str| Error::usage(format!("{VAR} {shown}: {what}")).hint(FORM);
        let mut security = match scheme.to_ascii_lowercase().as_str() {
            "smtp" => Security::StartTls,
            "smtps" => Security::Tls,
            other => {
                return Err(bad(&format!("the scheme {other:?} is not smtp or smtps")));
            }
        };
        let authority = &rest[..authority_end];
        let after = &rest[authority_end..];
        let path = after.split(['?', '#']).next().unwrap_or("");
        if !path.is_empty() && path != "/" {
            return Err(bad("an SMTP URL has no path"));
        }
        if let Some((_, query)) = after.split_once('?') {
            let query = query.split('#').next().unwrap_or("");
            for pair in query.split('&').filter(|p| !p.is_empty()) {
                match pair.split_once('=').unwrap_or((pair, "")) {
                    ("tls", "none") if security == Security::StartTls => security = Security::None,
                    ("tls", "none") => {
                        return Err(bad("tls=none contradicts smtps:// (implicit TLS)"));
                    }
                    ("tls", "starttls") if security == Security::StartTls => {}
                    ("tls", other) => {
                        return Err(bad(&format!(
                            "tls={other:?}: only tls=none (no TLS, for a local server) or tls=starttls (the default of smtp://) may be given"
                        )));
                    }
                    (key, _) => return Err(bad(&format!("unknown parameter {key:?}"))),
                }
            }
        }
        let (userinfo, hostport) = match authority.rfind('@') {
            Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
            None => (None, authority),
        };
        let decode = |s: &str, what: &str| {
            percent_decode(s).ok_or_else(|| bad(&format!("the {what} has a bad %-escape")))
        };
        let (user, password) = match userinfo {
            None => (None, None),
            Some(info) => match info.split_once(':') {
                Some((u, p)) => (Some(decode(u, "user")?), Some(decode(p, "password")?)),
                None => (Some(decode(info, "user")?), None),
            },
        };
        let user = user.filter(|u| !u.is_empty());
        if password.is_some() && user.is_none() {
            return Err(bad("a password without a user"));
        }
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || hostport.starts_with('[') => {
                let port =
                    p.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(|| {
                        bad(&format!("port {p:?} is not a number from 1 to 65535"))
                    })?;
                (h, port)
            }
            _ => (hostport, if security == Security::Tls { 465 } else { 587 }),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(bad("no host"));
        }
        if !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_'))
        {
            return Err(bad(&format!("host {host:?} is not a host name or address")));
        }
        Ok(SmtpUrl {
            host: host.to_string(),
            port,
            user,
            password: password.filter(|p| !p.is_empty()),
            security,
            shown,
        })
    }

    /// The URL with its password masked.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// `text` with this URL's password, should it appear (a server's message may quote
    /// what it was sent), replaced by `***`.
    pub fn scrub(&self, text: &str) -> String {
        let text = mask(text);
        match &self.password {
            Some(p) if !p.is_empty() => text.replace(p.as_str(), "***"),
            _ => text,
        }
    }
}

impl fmt::Display for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SmtpUrl({})", self.shown)
    }
}

/// `ROSTER_INVITE_LINK`: an `http(s)://` URL holding `{id}`, where the invitation's id
/// goes (Plank's `https://media.example.com/accept-invitation/{id}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTemplate(String);

impl LinkTemplate {
    pub fn parse(text: &str) -> Result<LinkTemplate> {
        let lower = text.to_ascii_lowercase();
        let hint = "for example ROSTER_INVITE_LINK=https://media.example.com/accept-invitation/{id} (Plank's route)";
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            return Err(Error::usage(format!(
                "ROSTER_INVITE_LINK {text:?} is not an http:// or https:// URL"
            ))
            .hint(hint));
        }
        if !text.contains("{id}") {
            return Err(Error::usage(format!(
                "ROSTER_INVITE_LINK {text:?} has no {{id}}, where the invitation's id goes"
            ))
            .hint(hint));
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::usage(format!(
                "ROSTER_INVITE_LINK {:?} holds spaces or control characters",
                crate::output::safe(text)
            ))
            .hint(hint));
        }
        Ok(LinkTemplate(text.to_string()))
    }

    /// The link of one invitation: `{id}` replaced by the id, %-escaped where it needs to
    /// be (ids are `[A-Za-z0-9._-]`, so in practice never).
    pub fn link(&self, id: &str) -> String {
        let mut escaped = String::with_capacity(id.len());
        for b in id.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'~') {
                escaped.push(b as char);
            } else {
                escaped.push_str(&format!("%{b:02X}"));
            }
        }
        self.0.replace("{id}", &escaped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_with_their_security_and_the_password_masked() {
        let u = SmtpUrl::parse("smtp://ann:s3cret@mail.example.com:2525").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.security),
            ("mail.example.com", 2525, Security::StartTls)
        );
        assert_eq!(u.user.as_deref(), Some("ann"));
        assert_eq!(u.password.as_deref(), Some("s3cret"));
        assert_eq!(u.to_string(), "smtp://ann:***@mail.example.com:2525");
        assert!(!format!("{u:?}").contains("s3cret"));
        let s = SmtpUrl::parse("smtps://a%40b:p%2Fw@h").unwrap();
        assert_eq!((s.port, s.security), (465, Security::Tls));
        assert_eq!(s.user.as_deref(), Some("a@b"));
        assert_eq!(s.password.as_deref(), Some("p/w"));
        let n = SmtpUrl::parse("smtp://127.0.0.1:2525?tls=none").unwrap();
        assert_eq!((n.security, n.user.clone()), (Security::None, None));
        assert_eq!(SmtpUrl::parse("smtp://h").unwrap().port, 587);
        assert_eq!(s.scrub("535 bad p/w for a@b"), "535 bad *** for a@b");
    }

    #[test]
    fn bad_urls_are_usage_errors_that_never_show_the_password() {
        for bad in [
            "http://u:SECRET@h",
            "smtp://u:SECRET@h:0",
            "smtp://u:SECRET@h:port",
            "smtp://u:SECRET@h?tls=maybe",
            "smtps://u:SECRET@h?tls=none",
            "smtp://u:SECRET@h/path",
            "smtp://u:SECRET@",
            "smtp://u:ab/SECRET@h",
            "smtp://u:ab?SECRET@h",
            "no url SECRET",
        ] {
            let e = SmtpUrl::parse(bad).unwrap_err();
            assert_eq!(e.kind, crate::error::Kind::Usage, "{bad}");
            assert!(!e.message.contains("SECRET"), "{bad}: {}", e.message);
        }
    }

    #[test]
    fn links_take_the_id() {
        let t = LinkTemplate::parse("https://media.example.com/accept-invitation/{id}").unwrap();
        assert_eq!(
            t.link("abc-1"),
            "https://media.example.com/accept-invitation/abc-1"
        );
        assert!(LinkTemplate::parse("https://x/no-id").is_err());
        assert!(LinkTemplate::parse("ftp://x/{id}").is_err());
    }
}
