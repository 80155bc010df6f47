//! `actorgraph completions SHELL` and `actorgraph man`: the shell
//! completion script and the man page, both generated from the clap
//! definitions of the program, so they always match its flags.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use clap_complete::Shell;

#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell to complete for (bash, zsh, fish, elvish, powershell).
    #[arg(value_name = "SHELL")]
    pub shell: Shell,
}

/// Write the completion script for `a.shell` to standard output.
pub fn completions(a: CompletionsArgs, mut command: clap::Command) -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(a.shell, &mut command, "actorgraph", &mut out);
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Write the man page (roff, section 1) to standard output.
pub fn man(command: clap::Command) -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .context("rendering the man page")?;
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).context("writing to standard output")?;
    out.flush().context("writing to standard output")
}
