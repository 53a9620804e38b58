//! `eventpen`: the EventPen engine from a terminal — the same crates the browser app uses.
//!
//! Each subcommand lives in its own module with its clap `Args` and a `run` returning the exit code.
#![forbid(unsafe_code)]

mod backtest;
mod bounded;
mod check_cmd;
mod events;
mod export;
mod import_cmd;
mod match_cmd;
mod sql;
mod streaming;
mod target_input_args;
mod test_event_pattern;
mod transform_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// EventBridge event patterns, offline: test patterns, convert CloudTrail, export rules.
#[derive(Parser)]
#[command(name = "eventpen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Offline twin of `aws events test-event-pattern`.
    TestEventPattern(test_event_pattern::Args),
    /// Match a pattern against events and explain every non-match.
    Match(match_cmd::Args),
    /// Every error, warning and tip for a pattern (optionally against events), as text or JSON Lines.
    Check(check_cmd::Args),
    /// Convert CloudTrail / EventBridge inputs of any shape to EventBridge events (JSON Lines).
    Events(events::Args),
    /// Render the rule as AWS CLI commands or infrastructure as code.
    Export(export::Args),
    /// How often would a rule have fired on months of CloudTrail logs, on what, by whom?
    Backtest(backtest::Args),
    /// The pattern as SQL over CloudTrail: Athena, CloudTrail Lake or DuckDB.
    Sql(sql::Args),
    /// Show what the rule's target receives for each event (input transformer, InputPath, Input).
    Transform(transform_cmd::Args),
    /// Read an existing rule: describe-rule / list-rules output, CloudFormation, SAM or Terraform.
    Import(import_cmd::Args),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::TestEventPattern(args) => test_event_pattern::run(args),
        Command::Match(args) => match_cmd::run(args),
        Command::Check(args) => check_cmd::run(args),
        Command::Events(args) => events::run(args),
        Command::Export(args) => export::run(args),
        Command::Backtest(args) => backtest::run(args),
        Command::Sql(args) => sql::run(args),
        Command::Transform(args) => transform_cmd::run(args),
        Command::Import(args) => import_cmd::run(args),
    }
}
