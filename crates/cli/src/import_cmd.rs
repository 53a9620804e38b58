//! `eventpen import FILE`: read an existing rule (describe-rule / list-rules output, a
//! CloudFormation or SAM template, Terraform) and print its pattern, settings and target input
//! as JSON, or with `--out-dir` write `pattern.json` (and `input-transformer.json`) per rule.
use eventpen_export::TargetInput;
use eventpen_export::import::{ImportedRule, import};
use serde_json::{Map, Value, json};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `eventpen import`.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  aws events describe-rule --name my-rule > rule.json && eventpen import rule.json\n  eventpen import template.yaml --out-dir rules/\n  eventpen import main.tf\n\nStdout: a JSON array, one object per rule (source, name, eventBus, state, description,\naccount, region, snsTopic, pattern, target). Errors: FILE:LINE:COLUMN: message, exit 1."
)]
pub struct Args {
    /// The file to import; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Write pattern.json (and input-transformer.json) for each rule under DIR/<rule name>/.
    #[arg(long = "out-dir", value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

/// Run `eventpen import`.
pub fn run(args: Args) -> ExitCode {
    let text = match crate::export::read_text(&args.file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("eventpen import: {message}");
            return ExitCode::FAILURE;
        }
    };
    let rules = match import(&text) {
        Ok(rules) => rules,
        Err(error) => {
            eprintln!("{}:{error}", args.file.display());
            return ExitCode::FAILURE;
        }
    };
    if let Some(dir) = &args.out_dir {
        for rule in &rules {
            if let Err(message) = write_rule(dir, rule) {
                eprintln!("eventpen import: {message}");
                return ExitCode::FAILURE;
            }
        }
        return ExitCode::SUCCESS;
    }
    let list: Vec<Value> = rules.iter().map(describe).collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&list).unwrap_or_default()
    );
    ExitCode::SUCCESS
}

/// The target input in AWS's property names.
fn target_json(input: &TargetInput) -> Value {
    match input {
        TargetInput::MatchedEvent => Value::Null,
        TargetInput::Constant(text) => json!({"Input": text}),
        TargetInput::Path(path) => json!({"InputPath": path}),
        TargetInput::Transformer {
            paths_map,
            template,
        } => {
            let map = serde_json::from_str::<Value>(paths_map).unwrap_or(Value::Object(Map::new()));
            json!({"InputTransformer": {"InputPathsMap": map, "InputTemplate": template}})
        }
    }
}

fn describe(rule: &ImportedRule) -> Value {
    let settings = &rule.settings;
    json!({
        "source": rule.source.label(),
        "name": settings.name,
        "eventBus": settings.event_bus,
        "state": settings.state.as_str(),
        "description": settings.description,
        "account": settings.account,
        "region": settings.region,
        "snsTopic": settings.sns.as_ref().map(|sns| sns.topic.clone()),
        "pattern": rule.pattern,
        "target": target_json(&settings.input),
    })
}

fn write_rule(dir: &std::path::Path, rule: &ImportedRule) -> Result<(), String> {
    let rule_dir = dir.join(&rule.settings.name);
    std::fs::create_dir_all(&rule_dir)
        .map_err(|error| format!("cannot create {}: {error}", rule_dir.display()))?;
    let mut files = vec![("pattern.json", rule.pattern.clone())];
    if let Value::Object(target) = target_json(&rule.settings.input)
        && let Some(transformer) = target.get("InputTransformer")
    {
        files.push(("input-transformer.json", transformer.clone()));
    }
    for (name, value) in files {
        let path = rule_dir.join(name);
        let text = format!(
            "{}\n",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
