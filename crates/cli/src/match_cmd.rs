//! `eventpen match`: match one pattern against many events and say, for people, why each event
//! did not match.
//!
//! Exit codes follow grep: 0 when some event matched, 1 when none did, 2 on an error (an
//! unreadable input, an invalid pattern). Events are numbered from 1 across all inputs, in order.

#[path = "pattern_events.rs"]
mod events;
#[path = "pattern_report.rs"]
mod report;

/// Shared with `backtest`: one way to compile a pattern file and report its diagnostics.
pub(crate) use report::compile_or_report;

use crate::bounded::MAX_PATTERN_FILE_BYTES;
use eventpen_ingest::MAX_INPUT_BYTES;
use eventpen_pattern::Pattern;
use events::{LoadError, SourcedEvent, parse_events, read_input};
use std::io::{self, Write};
use std::process::ExitCode;

/// Match a pattern against events and explain every non-match.
#[derive(clap::Args)]
pub struct Args {
    /// The event pattern file (`-` for stdin).
    #[arg(long, short = 'p', value_name = "FILE")]
    pattern: String,

    /// Event files (`-` for stdin; stdin when none): one JSON event, an array of events, or
    /// JSON Lines. Events are matched as given (convert CloudTrail with `eventpen events`).
    #[arg(value_name = "EVENTS")]
    events: Vec<String>,

    /// Print only the numbers of the matched events, one per line.
    #[arg(long, short = 'q')]
    quiet: bool,
}

const SOME_MATCHED: u8 = 0;
const NONE_MATCHED: u8 = 1;
const ERROR: u8 = 2;

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    match run_checked(args) {
        Ok(true) => ExitCode::from(SOME_MATCHED),
        Ok(false) => ExitCode::from(NONE_MATCHED),
        Err(message) => {
            let _ = io::stdout().flush();
            eprintln!("eventpen match: {message}");
            ExitCode::from(ERROR)
        }
    }
}

/// Whether any event matched; `Err` carries the message for stderr.
fn run_checked(args: Args) -> Result<bool, String> {
    let (pattern, events, several_inputs) = load(&args)?;
    match write_results(&args, &pattern, &events, several_inputs) {
        Ok(any_matched) => Ok(any_matched),
        // The reader went away (`eventpen match … | head`): stop quietly, with success.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(true),
        Err(error) => Err(error.to_string()),
    }
}

/// The compiled pattern, every event, and whether events came from several inputs.
fn load(args: &Args) -> Result<(Pattern, Vec<SourcedEvent>, bool), String> {
    let inputs = if args.events.is_empty() {
        vec![String::from("-")]
    } else {
        args.events.clone()
    };
    let stdin_uses = usize::from(args.pattern == "-") + inputs.iter().filter(|i| *i == "-").count();
    if stdin_uses > 1 {
        return Err(String::from("stdin (`-`) can be read only once"));
    }
    let pattern_text =
        read_input(&args.pattern, MAX_PATTERN_FILE_BYTES).map_err(|e| e.to_string())?;
    let pattern = report::compile_or_report(&args.pattern, &pattern_text)?;
    let events = load_all(&inputs).map_err(|e| e.to_string())?;
    Ok((pattern, events, inputs.len() > 1))
}

/// Print the results; whether any event matched.
fn write_results(
    args: &Args,
    pattern: &Pattern,
    events: &[SourcedEvent],
    several_inputs: bool,
) -> io::Result<bool> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut matched_count = 0;
    for (index, sourced) in events.iter().enumerate() {
        let number = index + 1;
        let matched = pattern.matches(&sourced.event);
        matched_count += usize::from(matched);
        if args.quiet {
            if matched {
                writeln!(out, "{number}")?;
            }
        } else {
            let input = several_inputs.then_some(sourced.input.as_str());
            let block = report::describe(pattern, number, input, &sourced.event, matched);
            out.write_all(block.as_bytes())?;
        }
    }
    if !args.quiet {
        writeln!(out, "{}", report::summary(matched_count, events.len()))?;
    }
    out.flush()?;
    Ok(matched_count > 0)
}

fn load_all(inputs: &[String]) -> Result<Vec<SourcedEvent>, LoadError> {
    let mut all = Vec::new();
    for input in inputs {
        let text = read_input(input, MAX_INPUT_BYTES)?;
        all.extend(parse_events(input, &text)?);
    }
    Ok(all)
}
