//! `eventpen export`: the rule as AWS CLI commands or infrastructure as code, or, with
//! `--event`, the `aws events test-event-pattern` command for one event.
//!
//! Blocks go to stdout, each after a `---- <file name or title>` separator written as a
//! comment of the block's language; warnings go to stderr. Exit codes: 0 rendered,
//! 1 unreadable or invalid pattern/event file, 2 invalid option value.
use eventpen_export::{Format, Rendered, RuleSettings, RuleState, SnsTarget};
use eventpen_pattern::PatternModel;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `eventpen export`, boxed so the `Command` enum in main.rs stays small.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    options: Box<Options>,
}

/// The options of `eventpen export`.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  eventpen export --pattern pattern.json\n  eventpen export --pattern pattern.json --format cli-powershell --sns-topic alerts\n  eventpen export --pattern pattern.json --format terraform --event-bus orders --state disabled\n  eventpen export --pattern pattern.json --event event.json --format cli-bash\n\nBlocks go to stdout after a '---- <file>' comment line; warnings go to stderr."
)]
struct Options {
    /// The event pattern file (JSON); `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    pattern: PathBuf,
    /// Output format: cli-bash, cli-powershell, cli-cmd, cli-file, cloudformation-yaml,
    /// cloudformation-json, sam, terraform, cdk-ts, cdk-python, pulumi-ts, serverless, pipes-filter.
    #[arg(long, value_name = "FORMAT", default_value = "cli-file")]
    format: String,
    /// Rule name ([.-_A-Za-z0-9], 1 to 64 characters).
    #[arg(long, value_name = "N", default_value = "eventpen-rule")]
    name: String,
    /// Event bus name or ARN.
    #[arg(long = "event-bus", value_name = "B", default_value = "default")]
    event_bus: String,
    /// Rule state: ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.
    #[arg(long, value_name = "S", default_value = "ENABLED")]
    state: String,
    /// Rule description.
    #[arg(long, value_name = "D")]
    description: Option<String>,
    /// Send matched events to this SNS topic (a name to create, or an existing topic's ARN).
    #[arg(long = "sns-topic", value_name = "ARN|NAME")]
    sns_topic: Option<String>,
    /// Account ID for the ARNs of the SNS target (else taken from the topic ARN).
    #[arg(long = "sns-account", value_name = "ID", requires = "sns_topic")]
    sns_account: Option<String>,
    /// Region for the ARNs of the SNS target (else taken from the topic ARN).
    #[arg(long = "sns-region", value_name = "REGION", requires = "sns_topic")]
    sns_region: Option<String>,
    /// Render `aws events test-event-pattern` for this event file instead of the rule.
    #[arg(long, value_name = "FILE")]
    event: Option<PathBuf>,
}

/// Run `eventpen export`.
pub fn run(args: Args) -> ExitCode {
    let args = *args.options;
    let settings = match settings_from(&args) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("eventpen export: {message}");
            return ExitCode::from(2);
        }
    };
    let Some(format) = Format::from_id(&args.format) else {
        let ids: Vec<&str> = Format::ALL.iter().map(|format| format.id()).collect();
        eprintln!(
            "eventpen export: unknown format {:?}; use one of: {}",
            args.format,
            ids.join(", ")
        );
        return ExitCode::from(2);
    };
    let pattern = match read_pattern(&args.pattern) {
        Ok(pattern) => pattern,
        Err(message) => {
            eprintln!("eventpen export: {message}");
            return ExitCode::FAILURE;
        }
    };
    let rendered = match &args.event {
        None => eventpen_export::render(format, &pattern, &settings),
        Some(path) => match read_json(path) {
            Ok(event) => {
                eventpen_export::test_event_pattern_command(format, &pattern.to_json(), &event)
            }
            Err(message) => {
                eprintln!("eventpen export: {message}");
                return ExitCode::FAILURE;
            }
        },
    };
    print_rendered(&rendered);
    ExitCode::SUCCESS
}

fn settings_from(args: &Options) -> Result<RuleSettings, String> {
    let state = RuleState::parse(&args.state).ok_or_else(|| {
        format!(
            "invalid --state {:?}; use ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
            args.state
        )
    })?;
    let settings = RuleSettings {
        name: args.name.clone(),
        event_bus: args.event_bus.clone(),
        state,
        description: args.description.clone(),
        sns: args.sns_topic.as_ref().map(|topic| SnsTarget {
            topic: topic.clone(),
            account: args.sns_account.clone(),
            region: args.sns_region.clone(),
        }),
    };
    settings.validate()?;
    Ok(settings)
}

/// The file's text; `-` is standard input.
fn read_text(path: &PathBuf) -> Result<String, String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|error| format!("cannot read standard input: {error}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn read_json(path: &PathBuf) -> Result<serde_json::Value, String> {
    let text = read_text(path)?;
    serde_json::from_str(&text)
        .map_err(|error| format!("{}: invalid JSON: {error}", path.display()))
}

/// Reads the pattern and validates it with the pattern engine (the same rules as AWS), so
/// an invalid pattern is reported here rather than by AWS at deploy time. The export reads
/// the pattern's model, which keeps key order and number text.
fn read_pattern(path: &PathBuf) -> Result<PatternModel, String> {
    let text = read_text(path)?;
    let checked = eventpen_pattern::check(&text);
    match (checked.model, checked.errors.first()) {
        (Some(model), None) => Ok(model),
        (_, Some(diagnostic)) => Err(format!(
            "{}: invalid event pattern: {diagnostic}",
            path.display()
        )),
        (None, None) => Err(format!("{}: invalid event pattern", path.display())),
    }
}

fn print_rendered(rendered: &Rendered) {
    print!("{}", rendered.to_text());
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
}
