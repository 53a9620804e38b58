//! `eventpen events FILE…|-`: CloudTrail and EventBridge inputs of any shape → the EventBridge
//! events a rule sees, as JSON Lines on stdout; problems (and, on request, delivery notes) on
//! stderr, so stdout stays a clean stream for `jq` or `eventpen match`.
//!
//! Inputs are streamed: JSON Lines, JSON arrays and CloudTrail log files (plain or gzipped) are
//! split into records on one thread and converted on all cores, in batches, and written in input
//! order; memory does not grow with the input. Other shapes are read whole.

#[path = "events_convert.rs"]
mod convert;

use crate::streaming::pipeline::write_in_order;
use crate::streaming::read::{self, Input, Others};
use convert::{Converted, Item, convert_batch};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

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
Inputs of any size are streamed: JSON Lines, JSON arrays and CloudTrail log files are split into
records and converted on all cores. Other shapes are read whole, up to 50 MiB each; a single
record over 50 MiB is skipped with an error; events over AWS's 256 KB get a warning.

Stdout: one EventBridge event per line (compact JSON), in input order.
Stderr: problems as `FILE LINE:COLUMN: message` and, with --notes, each event's delivery notes,
in input order.

Exit status: 0 every input was read; 1 some input had errors but events came out;
2 no event could be read.";

/// The name stdin gets in problems.
const STDIN_NAME: &str = "<stdin>";

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let inputs: Vec<Input> = args
        .files
        .iter()
        .map(|file| {
            let name = if file.as_os_str() == "-" {
                STDIN_NAME.to_string()
            } else {
                file.display().to_string()
            };
            Input {
                name: Arc::from(name),
                reader: read::open(file).map_err(|error| format!("cannot read: {error}")),
            }
        })
        .collect();
    let pretty = args.pretty;
    let mut writer = Writer {
        out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        notes: args.notes,
        input: None,
        events: 0,
        events_in_input: 0,
        said_something: false,
        errors: false,
    };
    let written = write_in_order(
        |send| read::read_all(inputs, Others::Whole, send),
        |batch| convert_batch(batch, pretty),
        |converted| writer.write(&converted),
    )
    .and_then(|()| writer.finish());
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("cannot write the events: {error}");
            ExitCode::from(2)
        }
        // The reader went away (`eventpen events … | head`): that is success.
        Err(_) => ExitCode::SUCCESS,
        Ok(()) => writer.exit_code(),
    }
}

/// Writes converted events in input order and reports problems and notes on stderr.
struct Writer<W: Write> {
    out: W,
    notes: bool,
    /// The input being written (its index and name).
    input: Option<(usize, Arc<str>)>,
    /// Events written, in all inputs and in the current one.
    events: usize,
    events_in_input: usize,
    /// Whether the current input produced an event or a problem.
    said_something: bool,
    errors: bool,
}

impl<W: Write> Writer<W> {
    fn write(&mut self, converted: &Converted) -> io::Result<()> {
        if self.input.as_ref().map(|(index, _)| *index) != Some(converted.input) {
            self.end_input();
            self.input = Some((converted.input, converted.name.clone()));
            self.events_in_input = 0;
            self.said_something = false;
        }
        let mut stderr = io::stderr().lock();
        for item in &converted.items {
            self.said_something = true;
            match item {
                Item::Event { json, notes } => {
                    self.out.write_all(&converted.text[json.clone()])?;
                    self.events += 1;
                    self.events_in_input += 1;
                    if self.notes {
                        for note in notes {
                            let _ = writeln!(
                                stderr,
                                "note: {} event {}: [{}] {}",
                                converted.name, self.events_in_input, note.code, note.message
                            );
                        }
                    }
                }
                Item::Problem { message, error } => {
                    self.errors |= *error;
                    let _ = writeln!(stderr, "{message}");
                }
            }
        }
        Ok(())
    }

    /// An input that held nothing at all is worth a warning (e.g. `{"Records": []}`).
    fn end_input(&mut self) {
        if let Some((_, name)) = &self.input
            && !self.said_something
        {
            eprintln!("{name}: warning: no events in this input");
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        self.end_input();
        self.input = None;
        self.out.flush()
    }

    /// 0: all read; 1: errors, but events came out; 2: nothing could be read.
    fn exit_code(&self) -> ExitCode {
        match (self.errors, self.events) {
            (false, _) => ExitCode::SUCCESS,
            (true, 0) => ExitCode::from(2),
            (true, _) => ExitCode::from(1),
        }
    }
}
