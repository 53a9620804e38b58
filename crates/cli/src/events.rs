//! `eventpen` subcommand (being built).
use std::process::ExitCode;

/// Arguments.
#[derive(clap::Args)]
pub struct Args {}

/// Run the subcommand.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("not built yet");
    ExitCode::FAILURE
}
