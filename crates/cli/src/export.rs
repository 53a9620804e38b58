//! `eventpen export`: the rule as AWS CLI commands or infrastructure as code, or, with
//! `--event`, the `aws events test-event-pattern` command for one event.
//!
//! A format with one block prints exactly that block (so `> template.json` is the file); with
//! several, each follows a `---- <file name or title>` separator written as a comment of the
//! block's language. `--out-dir DIR` writes every block as a file instead. Warnings go to
//! stderr. Exit codes: 0 rendered, 1 unreadable or invalid pattern/event/transformer file or
//! unwritable directory, 2 invalid option value.
use crate::bounded::{MAX_PATTERN_FILE_BYTES, read_path};
use crate::target_input_args::TargetInputArgs;
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
    after_help = "Examples:\n  eventpen export --pattern pattern.json\n  eventpen export --pattern pattern.json --format cli-powershell --sns-topic alerts\n  eventpen export --pattern pattern.json --format terraform --event-bus orders --state disabled\n  eventpen export --pattern pattern.json --event event.json --format cli-bash\n  eventpen export --pattern pattern.json --format cloudformation-json > template.json\n  eventpen export --pattern pattern.json --sns-topic alerts --input-transformer input-transformer.json --out-dir rule/\n\nOne block prints exactly that file; several go after a '---- <file>' comment line each. Warnings go to stderr."
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
    /// The rule's account ID, used in ARNs (else taken from the bus or topic ARN).
    #[arg(long, alias = "sns-account", value_name = "ID")]
    account: Option<String>,
    /// The rule's region: every command gets --region, templates check it.
    #[arg(long, alias = "sns-region", value_name = "REGION")]
    region: Option<String>,
    #[command(flatten)]
    target_input: TargetInputArgs,
    /// Write every block as a file in this directory (commands as commands.sh / .ps1 / .cmd).
    #[arg(long = "out-dir", value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Render `aws events test-event-pattern` for this event file instead of the rule.
    #[arg(long, value_name = "FILE")]
    event: Option<PathBuf>,
}

/// Run `eventpen export`.
pub fn run(args: Args) -> ExitCode {
    let args = *args.options;
    let input = match args.target_input.read() {
        Ok(input) => input,
        Err(message) => {
            eprintln!("eventpen export: {message}");
            return ExitCode::FAILURE;
        }
    };
    let settings = match settings_from(&args).map(|settings| RuleSettings { input, ..settings }) {
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
    if let Some(dir) = &args.out_dir {
        return match write_files(dir, &rendered) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("eventpen export: {message}");
                ExitCode::FAILURE
            }
        };
    }
    print_rendered(&rendered);
    ExitCode::SUCCESS
}

/// The file a commands block is saved as, by its language.
fn commands_file_name(language: &str) -> &'static str {
    match language {
        "powershell" => "commands.ps1",
        "bat" => "commands.cmd",
        _ => "commands.sh",
    }
}

/// Writes every block into `dir` (created if missing), listing the files on stderr.
fn write_files(dir: &PathBuf, rendered: &Rendered) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
    for block in &rendered.blocks {
        let name = block
            .file_name
            .as_deref()
            .unwrap_or_else(|| commands_file_name(block.language));
        let path = dir.join(name);
        std::fs::write(&path, &block.text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(())
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
            account: None,
            region: None,
        }),
        account: args.account.clone(),
        region: args.region.clone(),
        input: eventpen_export::TargetInput::MatchedEvent,
    };
    settings.validate()?;
    Ok(settings)
}

/// The file's text; `-` is standard input.
/// At most [`MAX_PATTERN_FILE_BYTES`] are read: patterns and settings files are small.
pub fn read_text(path: &std::path::Path) -> Result<String, String> {
    let name = if path.as_os_str() == "-" {
        String::from("standard input")
    } else {
        path.display().to_string()
    };
    let bytes = read_path(path, MAX_PATTERN_FILE_BYTES)
        .map_err(|error| format!("cannot read {name}: {error}"))?;
    String::from_utf8(bytes).map_err(|_| format!("cannot read {name}: not UTF-8 text"))
}

fn read_json(path: &std::path::Path) -> Result<serde_json::Value, String> {
    let text = read_text(path)?;
    serde_json::from_str(&text)
        .map_err(|error| format!("{}: invalid JSON: {error}", path.display()))
}

/// Reads the pattern and validates it with the pattern engine (the same rules as AWS), so
/// an invalid pattern is reported here rather than by AWS at deploy time. The export reads
/// the pattern's model, which keeps key order and number text.
fn read_pattern(path: &std::path::Path) -> Result<PatternModel, String> {
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

/// One block is printed exactly (a file you can redirect); several get separator comments.
fn print_rendered(rendered: &Rendered) {
    match rendered.blocks.as_slice() {
        [only] => print!("{}", only.text),
        _ => print!("{}", rendered.to_text()),
    }
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
}
