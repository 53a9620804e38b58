//! `eventpen match`: match one pattern against many events and say, for people, why each event
//! did not match.
//!
//! Exit codes follow grep: 0 when some event matched, 1 when none did, 2 on an error (an
//! unreadable input or record, an invalid pattern). Events are numbered from 1 across all
//! inputs, in order.
//!
//! Inputs are streamed: read in chunks, split into records on one thread, matched on all cores
//! (batches of records, the pruning byte reader where no explanation is needed), written in
//! input order as soon as they are known. Memory does not grow with the input.

#[path = "pattern_events.rs"]
mod events;
#[path = "pattern_report.rs"]
mod report;

/// Shared with `backtest`: one way to compile a pattern file and report its diagnostics.
pub(crate) use report::compile_or_report;

use crate::bounded::{MAX_PATTERN_FILE_BYTES, read_path};
use crate::streaming::pipeline::write_in_order;
use crate::streaming::read::{self, Input, Others};
use eventpen_pattern::Pattern;
use events::{Item, Mode, Verdicts, judge};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// Match a pattern against events and explain every non-match.
#[derive(clap::Args)]
pub struct Args {
    /// The event pattern file (`-` for stdin).
    #[arg(long, short = 'p', value_name = "FILE")]
    pattern: String,

    /// Event files (`-` for stdin; stdin when none), plain or gzipped: one JSON event, an array
    /// of events, JSON Lines or JSON values one after another. Events are matched as given
    /// (convert CloudTrail records with `eventpen events`), except that the records of a
    /// CloudTrail log file (`{"Records": [...]}`) are read as the events EventBridge delivers.
    #[arg(value_name = "EVENTS")]
    events: Vec<String>,

    /// Print only the numbers of the matched events, one per line.
    #[arg(long, short = 'q', conflicts_with = "matched_events")]
    quiet: bool,

    /// Print only the matched events, one JSON object per line (JSON Lines input is copied as
    /// is): what `jq -c 'select(…)'` prints, with an EventBridge pattern as the filter.
    #[arg(long, short = 'm')]
    matched_events: bool,
}

const SOME_MATCHED: u8 = 0;
const NONE_MATCHED: u8 = 1;
const ERROR: u8 = 2;

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    match run_checked(args) {
        Ok(Tally { errors: true, .. }) => ExitCode::from(ERROR),
        Ok(Tally { matched: 0, .. }) => ExitCode::from(NONE_MATCHED),
        Ok(_) => ExitCode::from(SOME_MATCHED),
        Err(message) => {
            let _ = io::stdout().flush();
            eprintln!("eventpen match: {message}");
            ExitCode::from(ERROR)
        }
    }
}

/// What was written.
#[derive(Default)]
struct Tally {
    /// Events seen and matched.
    events: usize,
    matched: usize,
    /// Whether a record or an input could not be read.
    errors: bool,
}

/// The tally; `Err` carries the message for stderr (nothing was matched then).
fn run_checked(args: Args) -> Result<Tally, String> {
    let (pattern, inputs) = load(&args)?;
    let mode = match (args.quiet, args.matched_events) {
        (true, _) => Mode::Quiet,
        (_, true) => Mode::MatchedEvents,
        _ => Mode::Explain,
    };
    let several_inputs = inputs.len() > 1;
    let mut writer = Writer {
        out: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        mode,
        several_inputs,
        tally: Tally::default(),
    };
    let written = write_in_order(
        |send| read::read_all(inputs, Others::Split, send),
        |batch| judge(batch, &pattern, mode),
        |verdicts| writer.write(&verdicts),
    )
    .and_then(|()| writer.finish());
    match written {
        Ok(()) => Ok(writer.tally),
        // The reader went away (`eventpen match … | head`): stop quietly, with success.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(Tally {
            matched: 1,
            ..Tally::default()
        }),
        Err(error) => Err(error.to_string()),
    }
}

/// The compiled pattern and the opened inputs: a missing file stops before any output.
fn load(args: &Args) -> Result<(Pattern, Vec<Input>), String> {
    let names = if args.events.is_empty() {
        vec![String::from("-")]
    } else {
        args.events.clone()
    };
    let stdin_uses = usize::from(args.pattern == "-") + names.iter().filter(|i| *i == "-").count();
    if stdin_uses > 1 {
        return Err(String::from("stdin (`-`) can be read only once"));
    }
    let pattern_text = read_path(Path::new(&args.pattern), MAX_PATTERN_FILE_BYTES)
        .map_err(|error| format!("{}: {error}", args.pattern))?;
    let pattern_text =
        String::from_utf8(pattern_text).map_err(|_| format!("{}: not UTF-8 text", args.pattern))?;
    let pattern = report::compile_or_report(&args.pattern, &pattern_text)?;
    let mut inputs = Vec::new();
    for name in names {
        let reader = read::open(Path::new(&name)).map_err(|error| format!("{name}: {error}"))?;
        inputs.push(Input {
            name: Arc::from(name),
            reader: Ok(reader),
        });
    }
    Ok((pattern, inputs))
}

/// Writes verdicts in input order, numbering the events.
struct Writer<W: Write> {
    out: W,
    mode: Mode,
    several_inputs: bool,
    tally: Tally,
}

impl<W: Write> Writer<W> {
    fn write(&mut self, verdicts: &Verdicts) -> io::Result<()> {
        for item in &verdicts.items {
            match item {
                Item::Event { matched, text } => {
                    self.tally.events += 1;
                    self.tally.matched += usize::from(*matched);
                    let number = self.tally.events;
                    match self.mode {
                        Mode::Quiet if *matched => writeln!(self.out, "{number}")?,
                        Mode::Quiet => {}
                        Mode::MatchedEvents => {
                            self.out.write_all(verdicts.text[text.clone()].as_bytes())?;
                        }
                        Mode::Explain => {
                            if self.several_inputs {
                                write!(self.out, "{}: ", verdicts.name)?;
                            }
                            write!(self.out, "event {number}")?;
                            self.out.write_all(verdicts.text[text.clone()].as_bytes())?;
                        }
                    }
                }
                Item::Problem { message, error } => {
                    self.tally.errors |= *error;
                    eprintln!("eventpen match: {message}");
                }
            }
        }
        Ok(())
    }

    /// The summary line (in explain mode), then everything flushed.
    fn finish(&mut self) -> io::Result<()> {
        if self.mode == Mode::Explain {
            let summary = report::summary(self.tally.matched, self.tally.events);
            writeln!(self.out, "{summary}")?;
        }
        self.out.flush()
    }
}
