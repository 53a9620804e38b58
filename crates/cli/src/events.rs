//! `eventpen events FILE…|-`: CloudTrail and EventBridge inputs of any shape → the EventBridge
//! events a rule sees, as JSON Lines on stdout; problems (and, on request, delivery notes) on
//! stderr, so stdout stays a clean stream for `jq` or `eventpen match`.
use crate::bounded::{ReadError, read_path, size_text};
use eventpen_ingest::{Ingested, IngestedEvent, Input, MAX_INPUT_BYTES, ingest};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `eventpen events`; the help text is [`AFTER_HELP`] plus the field docs.
#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// Files to read; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Also print each event's delivery notes on stderr, after the problems, as
    /// `note: FILE event N: [code] message` (e.g. read-only events need rule state
    /// ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS). Stdout is unchanged.
    #[arg(long)]
    notes: bool,
    /// Print each event as indented JSON instead of one line (still concatenated JSON that
    /// `eventpen events -` reads back).
    #[arg(long)]
    pretty: bool,
}

/// What the subcommand reads, where it writes, and what its exit status means.
const AFTER_HELP: &str = "\
Reads CloudTrail records, CloudTrail log files (also gzipped), `aws cloudtrail lookup-events`
output, CloudTrail Lake query results, EventBridge events, PutEvents entries, SQS messages, SNS
notifications and CloudWatch Logs output: mixed, as JSON, JSON arrays, JSON Lines or
concatenated JSON.

CloudTrail records become the event EventBridge delivers (detail = the record); the id is a
UUID v5 of the record's eventID, so the same record always gets the same id.
Limits: 50 MiB of input in total (after gunzip) and 20,000 events; events over AWS's 256 KB
get a warning.

Stdout: one EventBridge event per line (compact JSON), in input order.
Stderr: problems as `FILE LINE:COLUMN: message`, then delivery notes with --notes.

Exit status: 0 every input was read; 1 some input had errors but events came out;
2 no event could be read.";

/// The name stdin gets in problems.
const STDIN_NAME: &str = "<stdin>";

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let mut unreadable = Vec::new();
    let mut loaded: Vec<(String, Vec<u8>)> = Vec::new();
    // One budget for all inputs, as ingest has: each file is read only up to what is left.
    let mut left = MAX_INPUT_BYTES;
    for file in &args.files {
        let name = if file.as_os_str() == "-" {
            STDIN_NAME.to_string()
        } else {
            file.display().to_string()
        };
        match read_path(file, left) {
            Ok(bytes) => {
                left -= bytes.len();
                loaded.push((name, bytes));
            }
            Err(error @ ReadError::TooLarge { .. }) => {
                unreadable.push(format!(
                    "{name}: not read: {error} ({} in total for all inputs); the inputs after it were not read either",
                    size_text(MAX_INPUT_BYTES)
                ));
                break;
            }
            Err(error) => unreadable.push(format!("{name}: cannot read: {error}")),
        }
    }
    let inputs: Vec<Input> = loaded
        .iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    let ingested = ingest(&inputs);

    let written = write_events(&ingested.events, args.pretty);
    let mut stderr = io::stderr().lock();
    for line in &unreadable {
        let _ = writeln!(stderr, "{line}");
    }
    for problem in &ingested.problems {
        let _ = writeln!(stderr, "{problem}");
    }
    if args.notes {
        write_notes(&mut stderr, &ingested);
    }
    if let Err(error) = written
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(stderr, "cannot write the events: {error}");
        return ExitCode::from(2);
    }
    exit_code(&ingested, !unreadable.is_empty())
}

fn write_events(events: &[IngestedEvent], pretty: bool) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for event in events {
        if pretty {
            serde_json::to_writer_pretty(&mut out, &event.event)?;
        } else {
            serde_json::to_writer(&mut out, &event.event)?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn write_notes(out: &mut impl Write, ingested: &Ingested) {
    for event in &ingested.events {
        for note in &event.notes {
            let _ = writeln!(
                out,
                "note: {} event {}: [{}] {}",
                event.origin.input,
                event.origin.index + 1,
                note.code,
                note.message
            );
        }
    }
}

/// 0: all read; 1: errors, but events came out; 2: nothing could be read.
fn exit_code(ingested: &Ingested, unreadable_files: bool) -> ExitCode {
    let errors = unreadable_files || ingested.has_errors();
    match (errors, ingested.events.is_empty()) {
        (false, _) => ExitCode::SUCCESS,
        (true, false) => ExitCode::from(1),
        (true, true) => ExitCode::from(2),
    }
}
