//! Invitation emails (README "Mail"): the settings ([`config`]), the message
//! ([`message`]), the SMTP transport ([`smtp`]) and delivery ([`deliver`]), which runs
//! after the command's transaction has committed, each attempt recorded in a small
//! transaction of its own. The rules (queueing, claiming, backoff, audit) are
//! [`crate::actions::mail`]'s.

pub mod config;
pub mod message;
pub mod smtp;

use crate::actions::Ctx;
use crate::actions::mail::{self, Which};
use crate::error::Result;
use crate::model::OutboxMessage;
use crate::store::Store;
pub use smtp::Transport;

/// One attempt: the message as it stands after it, and the reason it failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub message: OutboxMessage,
    pub error: Option<String>,
}

/// Delivers messages: claims them (one transaction; see [`mail::claim`]), then sends each
/// outside any transaction and records what came of it in a transaction of its own (on
/// PostgreSQL each takes the write lock, as every write does). A message sent but not
/// recorded (the process killed between the two) is sent again once its claim lapses:
/// delivery is at least once.
pub fn deliver(
    store: &mut Store,
    ctx: &Ctx,
    transport: &dyn Transport,
    which: Which<'_>,
) -> Result<Vec<Attempt>> {
    let claimed = store.write(|tx| mail::claim(tx, ctx, which))?;
    let mut out = Vec::with_capacity(claimed.len());
    for m in claimed {
        let result = transport.send(&m);
        let error = result.as_ref().err().cloned();
        let message = store.write(|tx| mail::record(tx, ctx, m, result))?;
        out.push(Attempt { message, error });
    }
    Ok(out)
}
