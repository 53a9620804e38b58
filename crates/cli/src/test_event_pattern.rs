//! `eventpen test-event-pattern`: an offline, drop-in twin of `aws events test-event-pattern`.
//!
//! Same options, same `file://` loading, same stdout, stderr and exit codes as the AWS CLI v2
//! (`{"Result": …}` with exit 0; service errors on stderr with exit 254; unreadable
//! `file://` parameters with exit 252), so a script can switch between the two. `--batch`
//! answers many calls in one process (see `pattern_batch`).

// The helpers live in `pattern_*.rs` files beside this one; they are declared here rather
// than in main.rs so this subcommand owns them.
#[path = "pattern_aws.rs"]
mod aws;
#[path = "pattern_batch.rs"]
mod batch;
#[path = "pattern_output.rs"]
mod output;
#[path = "pattern_service.rs"]
mod service;

use aws::{PARAM_VALIDATION_ERROR_RC, SUCCESS_RC};
use batch::run_batch;
use output::{Output, check_query, render};
use service::{Envelope, test_event_pattern};
use std::io::{self, BufReader};
use std::process::ExitCode;

/// Test whether an event matches an event pattern, as `aws events test-event-pattern` does.
#[derive(clap::Args)]
pub struct Args {
    /// The event pattern: JSON text, or file://PATH to read it from a file.
    #[arg(
        long,
        value_name = "TEXT|file://PATH",
        required_unless_present = "batch"
    )]
    event_pattern: Option<String>,

    /// The event (an envelope with id, account, source, time, region and detail-type):
    /// JSON text, or file://PATH.
    #[arg(
        long,
        value_name = "TEXT|file://PATH",
        required_unless_present = "batch"
    )]
    event: Option<String>,

    /// Answer many tests: JSON Lines of {"pattern": …, "event": …} from FILE (`-` for stdin),
    /// one {"Result": …} or {"Error": {"Code": …, "Message": …}} line out per line in.
    /// A pattern or event given as a JSON string is the exact text to test.
    /// Add "require_envelope": false to a line to match a bare event.
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["event_pattern", "event"])]
    batch: Option<String>,

    /// Output format, as the AWS CLI's --output.
    #[arg(long, value_enum, default_value_t = Output::Json, conflicts_with = "batch")]
    output: Output,

    /// As the AWS CLI's --query, for a bare field name: `--query Result --output text`
    /// prints True or False.
    #[arg(long, value_name = "Result", conflicts_with = "batch")]
    query: Option<String>,

    /// Ignored: EventPen works offline (accepted so `aws` command lines run unchanged).
    #[arg(long, value_name = "REGION", help_heading = "Ignored AWS CLI options")]
    region: Option<String>,

    /// Ignored: EventPen needs no credentials.
    #[arg(long, value_name = "PROFILE", help_heading = "Ignored AWS CLI options")]
    profile: Option<String>,

    /// Ignored: EventPen calls no endpoint.
    #[arg(long, value_name = "URL", help_heading = "Ignored AWS CLI options")]
    endpoint_url: Option<String>,

    /// Ignored: EventPen never pages its output.
    #[arg(long, help_heading = "Ignored AWS CLI options")]
    no_cli_pager: bool,
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let query = args.query.as_deref();
    match (args.batch, args.event_pattern, args.event) {
        (Some(batch), _, _) => run_batch_file(&batch),
        (None, Some(pattern), Some(event)) => run_single(&pattern, &event, args.output, query),
        // clap enforces the options; this arm only keeps the match total.
        _ => ExitCode::from(PARAM_VALIDATION_ERROR_RC),
    }
}

fn run_single(pattern: &str, event: &str, output: Output, query: Option<&str>) -> ExitCode {
    if let Err(unsupported) = check_query(query) {
        eprint!("{}", aws::stderr_text(&unsupported));
        return ExitCode::from(PARAM_VALIDATION_ERROR_RC);
    }
    let loaded = aws::load_parameter("--event-pattern", pattern)
        .and_then(|pattern| aws::load_parameter("--event", event).map(|event| (pattern, event)));
    let (pattern_text, event_text) = match loaded {
        Ok(texts) => texts,
        Err(error) => {
            eprint!("{}", aws::stderr_text(&error));
            return ExitCode::from(PARAM_VALIDATION_ERROR_RC);
        }
    };
    match test_event_pattern(&pattern_text, &event_text, Envelope::Required) {
        Ok(matched) => match render(matched, output, query) {
            Ok(text) => {
                print!("{text}");
                ExitCode::from(SUCCESS_RC)
            }
            Err(unsupported) => {
                eprint!("{}", aws::stderr_text(&unsupported));
                ExitCode::from(PARAM_VALIDATION_ERROR_RC)
            }
        },
        Err(error) => {
            eprint!("{}", aws::stderr_text(&error));
            ExitCode::from(aws::CLIENT_ERROR_RC)
        }
    }
}

fn run_batch_file(source: &str) -> ExitCode {
    let stdout = io::stdout().lock();
    let result = if source == "-" {
        run_batch(io::stdin().lock(), io::BufWriter::new(stdout))
    } else {
        match std::fs::File::open(source) {
            Ok(file) => run_batch(BufReader::new(file), io::BufWriter::new(stdout)),
            Err(error) => Err(error),
        }
    };
    match result {
        Ok(()) => ExitCode::from(SUCCESS_RC),
        // The reader stopped reading answers: nothing is left to say.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(SUCCESS_RC),
        Err(error) => {
            eprintln!("eventpen: --batch {source}: {error}");
            ExitCode::from(PARAM_VALIDATION_ERROR_RC)
        }
    }
}
