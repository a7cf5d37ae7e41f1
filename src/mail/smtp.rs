//! Delivering one message to the SMTP server of `ROSTER_SMTP_URL`, through lettre's
//! synchronous transport (rustls: no system OpenSSL). Nothing here touches the database:
//! [`super::deliver`] calls it outside every transaction.

use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport as _};

use super::config::{Security, SmtpUrl};
use crate::error::{Error, Result};
use crate::model::OutboxMessage;

/// The default of `ROSTER_SMTP_TIMEOUT_MS`: how long a connection, or an answer from the
/// server, is waited for.
pub const DEFAULT_TIMEOUT_MS: u64 = 10_000;

/// What delivers a message; a failure is its reason, already free of any password.
pub trait Transport {
    fn send(&self, m: &OutboxMessage) -> std::result::Result<(), String>;
}

/// `ROSTER_MAIL_FROM`, read (`Roster <no-reply@example.com>`, or a bare address).
pub fn parse_from(text: &str) -> Result<Mailbox> {
    text.parse::<Mailbox>().map_err(|e| {
        Error::usage(format!(
            "ROSTER_MAIL_FROM {:?} is not an email address: {e}",
            crate::output::safe(text)
        ))
        .hint("for example ROSTER_MAIL_FROM='Roster <no-reply@example.com>'")
    })
}

/// The SMTP server, ready to send from one address.
pub struct Smtp {
    url: SmtpUrl,
    from: Mailbox,
    transport: SmtpTransport,
}

impl Smtp {
    pub fn new(url: &SmtpUrl, from: Mailbox, timeout: Duration) -> Result<Smtp> {
        let bad = |e: lettre::transport::smtp::Error| {
            Error::usage(format!(
                "ROSTER_SMTP_URL {}: {}",
                url.shown(),
                url.scrub(&e.to_string())
            ))
        };
        let builder = match url.security {
            Security::StartTls => SmtpTransport::starttls_relay(&url.host).map_err(bad)?,
            Security::Tls => SmtpTransport::relay(&url.host).map_err(bad)?,
            Security::None => SmtpTransport::builder_dangerous(url.host.as_str()),
        };
        let mut builder = builder.port(url.port).timeout(Some(timeout));
        if let Some(user) = &url.user {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                url.password.clone().unwrap_or_default(),
            ));
        }
        Ok(Smtp {
            url: url.clone(),
            from,
            transport: builder.build(),
        })
    }
}

impl Transport for Smtp {
    fn send(&self, m: &OutboxMessage) -> std::result::Result<(), String> {
        let to: Mailbox = m
            .recipient
            .parse()
            .map_err(|e| format!("the recipient {:?} is not an address: {e}", m.recipient))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                m.body_text.clone(),
                m.body_html.clone(),
            ))
            .map_err(|e| format!("the message could not be built: {e}"))?;
        self.transport
            .send(&message)
            .map(|_| ())
            .map_err(|e| self.url.scrub(&describe(&e)))
    }
}

/// A transport error with its causes, on one line.
fn describe(e: &lettre::transport::smtp::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = s.source();
    }
    text
}
