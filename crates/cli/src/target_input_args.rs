//! The target-input options shared by `export` and `transform`: an input transformer file, an
//! `InputPath`, or a constant `Input`, checked with AWS's rules before anything is rendered.
use eventpen_export::TargetInput;
use serde_json::Value;
use std::path::PathBuf;

/// `--input-transformer FILE` | `--input-path PATH` | `--input JSON`.
#[derive(clap::Args)]
#[group(multiple = false)]
pub struct TargetInputArgs {
    /// The target's input transformer: a JSON file {"InputPathsMap": {...}, "InputTemplate": "..."}
    /// (the app's input-transformer.json); `-` reads standard input.
    #[arg(long = "input-transformer", value_name = "FILE")]
    input_transformer: Option<PathBuf>,
    /// The target receives the part of the event at this JSON path (InputPath).
    #[arg(long = "input-path", value_name = "PATH")]
    input_path: Option<String>,
    /// The target receives this constant JSON text (Input).
    #[arg(long = "input", value_name = "JSON")]
    input: Option<String>,
}

impl TargetInputArgs {
    /// True when one of the options was given.
    pub fn given(&self) -> bool {
        self.input_transformer.is_some() || self.input_path.is_some() || self.input.is_some()
    }

    /// The target input, checked: the first error (with its position) if AWS would reject it.
    pub fn read(&self) -> Result<TargetInput, String> {
        let input = if let Some(path) = &self.input_transformer {
            let text = crate::export::read_text(path)?;
            transformer_from_json(&text).map_err(|why| format!("{}: {why}", path.display()))?
        } else if let Some(path) = &self.input_path {
            TargetInput::Path(path.clone())
        } else if let Some(input) = &self.input {
            TargetInput::Constant(input.clone())
        } else {
            TargetInput::MatchedEvent
        };
        let problems = input.check();
        for warning in problems.iter().filter(|problem| !problem.is_error()) {
            eprintln!("warning: {warning}");
        }
        match problems.into_iter().find(|problem| problem.is_error()) {
            Some(error) => Err(format!("invalid target input: {error}")),
            None => Ok(input),
        }
    }
}

/// Reads `{"InputPathsMap": {...}, "InputTemplate": "..."}` (also accepted: a whole `Targets`
/// entry holding `InputTransformer`).
pub fn transformer_from_json(text: &str) -> Result<TargetInput, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|error| format!("{}:{}: invalid JSON: {error}", error.line(), error.column()))?;
    let transformer = value.get("InputTransformer").unwrap_or(&value);
    let Some(template) = transformer.get("InputTemplate").and_then(Value::as_str) else {
        return Err("an input transformer needs \"InputTemplate\" (a string)".to_owned());
    };
    let paths_map = match transformer.get("InputPathsMap") {
        None => String::new(),
        Some(map @ Value::Object(_)) => serde_json::to_string_pretty(map).unwrap_or_default(),
        Some(_) => {
            return Err("\"InputPathsMap\" must be an object of name to JSON path".to_owned());
        }
    };
    Ok(TargetInput::Transformer {
        paths_map,
        template: template.to_owned(),
    })
}
