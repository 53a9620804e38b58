//! `eventpen transform`: what a rule's target receives for each event — the input transformer,
//! `InputPath` or constant `Input` evaluated with AWS's rules, the same code the app runs.
use crate::target_input_args::TargetInputArgs;
use eventpen_ingest::{Input, ingest};
use eventpen_transform::RuleContext;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `eventpen transform`.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  eventpen transform --input-transformer input-transformer.json --events trail.json\n  eventpen transform --input-transformer t.json --pattern pattern.json --events events.jsonl\n\nStdout: for each (matched) event, the exact text the target receives, one event per line\n(a text with line breaks keeps them). Stderr: notes such as a path missing from an event.\nExit status: 0 rendered; 1 unreadable file or invalid transformer/pattern; 2 no event."
)]
pub struct Args {
    #[command(flatten)]
    target_input: TargetInputArgs,
    /// Event files (any shape `eventpen events` reads); `-` reads standard input.
    #[arg(long, value_name = "FILE", required = true, num_args = 1..)]
    events: Vec<PathBuf>,
    /// Only the events this pattern matches (the rule's pattern).
    #[arg(long, value_name = "FILE")]
    pattern: Option<PathBuf>,
    /// The rule name for <aws.events.rule-name> (and the rule ARN).
    #[arg(long = "rule-name", value_name = "N", default_value = "eventpen-rule")]
    rule_name: String,
    /// The rule ARN for <aws.events.rule-arn> (default: built from each event's account and region).
    #[arg(long = "rule-arn", value_name = "ARN")]
    rule_arn: Option<String>,
}

/// Run `eventpen transform`.
pub fn run(args: Args) -> ExitCode {
    if !args.target_input.given() {
        eprintln!(
            "eventpen transform: give --input-transformer FILE, --input-path PATH or --input JSON"
        );
        return ExitCode::from(2);
    }
    let input = match args.target_input.read() {
        Ok(input) => input,
        Err(message) => {
            eprintln!("eventpen transform: {message}");
            return ExitCode::FAILURE;
        }
    };
    let pattern = match &args.pattern {
        None => None,
        Some(path) => match crate::export::read_text(path).and_then(|text| {
            eventpen_pattern::compile(&text).map_err(|diagnostic| {
                format!("{}: invalid event pattern: {diagnostic}", path.display())
            })
        }) {
            Ok(pattern) => Some(pattern),
            Err(message) => {
                eprintln!("eventpen transform: {message}");
                return ExitCode::FAILURE;
            }
        },
    };
    let mut loaded = Vec::new();
    for path in &args.events {
        match crate::export::read_text(path) {
            Ok(text) => loaded.push((path.display().to_string(), text)),
            Err(message) => {
                eprintln!("eventpen transform: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    let inputs: Vec<Input> = loaded
        .iter()
        .map(|(name, text)| Input {
            name,
            bytes: text.as_bytes(),
        })
        .collect();
    let ingested = ingest(&inputs);
    for problem in &ingested.problems {
        eprintln!("{problem}");
    }
    let mut delivered = 0;
    for (index, event) in ingested.events.iter().enumerate() {
        if let Some(pattern) = &pattern
            && !pattern.matches(&event.event)
        {
            continue;
        }
        let text_of = |key: &str| {
            event
                .event
                .get(key)
                .and_then(|v| v.as_str())
                .unwrap_or("REGION")
                .to_owned()
        };
        let rule = RuleContext {
            rule_name: args.rule_name.clone(),
            rule_arn: args.rule_arn.clone().unwrap_or_else(|| {
                format!(
                    "arn:aws:events:{}:{}:rule/{}",
                    text_of("region"),
                    text_of("account"),
                    args.rule_name
                )
            }),
        };
        match input.deliver(&event.event, &rule) {
            Ok(delivery) => {
                println!("{}", delivery.text);
                for note in delivery.notes {
                    eprintln!("event {}: {note}", index + 1);
                }
                delivered += 1;
            }
            Err(problems) => {
                for problem in problems {
                    eprintln!("eventpen transform: {problem}");
                }
                return ExitCode::FAILURE;
            }
        }
    }
    if delivered == 0 {
        eprintln!("eventpen transform: no event to deliver");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
