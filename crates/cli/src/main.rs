//! `eventpen`: the EventPen engine from a terminal — the same crates the browser app uses.
#![forbid(unsafe_code)]

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// EventBridge event patterns, offline: test, convert CloudTrail, export rules.
#[derive(Parser)]
#[command(name = "eventpen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the EventBridge `source` a CloudTrail `eventSource` becomes.
    Source {
        /// A CloudTrail eventSource, e.g. ec2.amazonaws.com
        event_source: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Source { event_source } => {
            println!("{}", eventpen_ingest::mapping::source_for(&event_source));
            ExitCode::SUCCESS
        }
    }
}
