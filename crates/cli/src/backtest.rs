//! `eventpen backtest --pattern p.json PATH…`: how often would this rule have fired on months of
//! CloudTrail logs, on what, by whom? Reads log folders as CloudTrail delivers them to S3
//! (`AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz`) and everything `eventpen events`
//! reads, converts each record exactly as the app does, and matches.
//!
//! Files are read in parallel (rayon), each as a stream of records (memory holds a record per
//! core, not a file); results merge in file order, so the output is the same on 1 core or 64.
//! Ctrl+C stops reading and prints what was counted, marked as interrupted.

#[path = "backtest/files.rs"]
mod files;
#[path = "backtest/report.rs"]
mod report;
#[path = "backtest/scan.rs"]
mod scan;
#[path = "backtest/tally.rs"]
mod tally;

use clap::ValueEnum;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Arguments of `eventpen backtest`.
#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// The event pattern file.
    #[arg(long, short = 'p', value_name = "FILE")]
    pattern: PathBuf,
    /// Log files and folders (read recursively: `.json.gz`, `.json`, `.gz`, `.jsonl`,
    /// `.ndjson`; `CloudTrail-Digest` folders are skipped); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Count matches per day or per hour of the event's time.
    #[arg(long, value_enum, default_value_t = By::Day)]
    by: By,
    /// The rule's state: read-only events reach a rule only in state
    /// ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; in state ENABLED they are counted apart.
    #[arg(long, value_enum, default_value_t = RuleState::Enabled)]
    state: RuleState,
    /// How many matched events to show (the first ones, in file order).
    #[arg(long, default_value_t = 10, value_name = "N")]
    first: usize,
    /// How many rows of each per-name, per-principal and per-account table to show in text
    /// output (JSON has them all).
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,
    /// How many unreadable records to list (all are counted).
    #[arg(long, default_value_t = 20, value_name = "N")]
    problems: usize,
    /// Text for people, or JSON for scripts.
    #[arg(long, value_enum, default_value_t = Output::Text)]
    output: Output,
    /// Print elapsed time and throughput (MB/s stored and of JSON text) on stderr.
    #[arg(long)]
    stats: bool,
}

/// Time buckets.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// `2026-11-03`.
    Day,
    /// `2026-11-03T14h`.
    Hour,
}

/// EventBridge rule states that receive AWS events.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RuleState {
    /// Receives write management events, data events and service events, not read-only ones.
    #[value(name = "ENABLED")]
    Enabled,
    /// Also receives read-only management events.
    #[value(name = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS")]
    EnabledWithAllCloudTrailManagementEvents,
}

impl RuleState {
    fn name(self) -> &'static str {
        match self {
            RuleState::Enabled => "ENABLED",
            RuleState::EnabledWithAllCloudTrailManagementEvents => {
                "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
            }
        }
    }
}

/// Output formats.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Tables for people.
    Text,
    /// One JSON object.
    Json,
}

const AFTER_HELP: &str = "\
Matches are events the rule would have received in its --state that the pattern matches.
Read-only events (detail.readOnly true) reach only rules in state
ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; in state ENABLED their matches are counted apart.

Uses every core (RAYON_NUM_THREADS=1 for one). A progress bar shows on a terminal only.
Ctrl+C stops reading and prints what was counted so far.

Exit status: 0 some event matched; 1 none did; 2 error (invalid pattern, unreadable path);
130 interrupted (the partial report is printed).";

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    match run_checked(&args) {
        Ok(code) => code,
        Err(message) => {
            let _ = io::stdout().flush();
            eprintln!("eventpen backtest: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_checked(args: &Args) -> Result<ExitCode, String> {
    let pattern_text = std::fs::read_to_string(&args.pattern)
        .map_err(|error| format!("{}: {error}", args.pattern.display()))?;
    let pattern_name = args.pattern.display().to_string();
    let pattern = crate::match_cmd::compile_or_report(&pattern_name, &pattern_text)?;
    let files = files::log_files(&args.paths)?;
    if files.iter().filter(|f| f.path.as_os_str() == "-").count() > 1 {
        return Err(String::from("stdin (`-`) can be read only once"));
    }

    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&interrupted);
    // A second handler cannot be installed (tests run the binary, not this twice): ignore.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));

    let settings = scan::Settings {
        pattern: &pattern,
        by_hour: args.by == By::Hour,
        all_management_events: args.state == RuleState::EnabledWithAllCloudTrailManagementEvents,
        keep: tally::Keep {
            samples: args.first,
            problems: args.problems,
        },
        interrupted: &interrupted,
    };
    let started = Instant::now();
    let progress = progress_bar(files.iter().map(|f| f.size).sum());
    let tally = scan::scan_all(&files, &settings, &progress);
    progress.finish_and_clear();
    let elapsed = started.elapsed();
    let stopped = interrupted.load(Ordering::SeqCst);

    let heading = report::Heading {
        pattern: &pattern_name,
        state: args.state.name(),
        by: if args.by == By::Hour { "hour" } else { "day" },
        interrupted: stopped,
        files_listed: files.len(),
    };
    let text = match args.output {
        Output::Text => report::text(&heading, &tally, args.top),
        Output::Json => report::json(&heading, &tally),
    };
    let mut out = io::stdout().lock();
    if let Err(error) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        return Err(format!("cannot write the report: {error}"));
    }
    if args.stats {
        eprintln!("{}", report::throughput(&tally, elapsed));
    }
    Ok(match (stopped, tally.matches > 0) {
        (true, _) => ExitCode::from(130),
        (false, true) => ExitCode::SUCCESS,
        (false, false) => ExitCode::from(1),
    })
}

/// A bar over the bytes to read, drawn only when stderr is a terminal.
fn progress_bar(total_bytes: u64) -> indicatif::ProgressBar {
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total_bytes);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
    ) {
        bar.set_style(style);
    }
    bar
}
