//! `roster completions SHELL`: the completion script, generated from the real command tree.

use clap::Args;
use clap_complete::Shell;

use super::App;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    roster completions bash > ~/.local/share/bash-completion/completions/roster\n  \
    roster completions zsh > ~/.zfunc/_roster      (a directory in $fpath)\n\n\
    Every shell's setup is in the README (\"Shell completions\"); checked-in copies live in completions/.")]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The script for `shell`, as bytes.
pub fn script(shell: Shell) -> Result<Vec<u8>> {
    let mut cmd = super::help::command();
    let mut buf = Vec::new();
    // clap_complete panics when its writer fails, so it writes to memory and the printer,
    // which treats a closed stdout as success, writes the result.
    clap_complete::generate(shell, &mut cmd, "roster", &mut buf);
    if buf.is_empty() {
        return Err(Error::internal(format!(
            "no completion script was generated for {shell}"
        )));
    }
    Ok(buf)
}

pub fn run(app: &App, a: CompletionsArgs) -> Result<()> {
    let bytes = script(a.shell)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| Error::internal(format!("the completion script is not UTF-8: {e}")))?;
    app.out.out(&text)
}
