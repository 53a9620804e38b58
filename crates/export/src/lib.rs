//! An EventBridge rule rendered as AWS CLI commands and infrastructure as code.
//!
//! Pure: no I/O, no web dependencies; the app and the CLI show what these functions return.
//! The pattern arrives as the pattern crate's model (the one reading of pattern JSON); key
//! order and number text are kept as the user wrote them (serde_json writes an exponent with
//! a sign: `1e2` becomes `1e+2`, the same number).
//!
//! ```
//! use eventpen_export::{Format, RuleSettings, render};
//! let pattern = eventpen_pattern::check(r#"{"source": ["aws.ec2"]}"#).model.unwrap();
//! let rendered = render(Format::CliBash, &pattern, &RuleSettings::default());
//! let commands = &rendered.blocks.last().unwrap().text;
//! assert!(commands.contains(r#"--event-pattern '{"source": ["aws.ec2"]}'"#));
//! ```
//!
//! What each format does with what its target cannot express (tested in
//! `tests/operator_table.rs`; everything else is carried verbatim and parsed back in tests):
//!
//! | format | limitation | what the export does |
//! |---|---|---|
//! | cli-bash, cli-file | none | pattern passed byte for byte |
//! | cli-powershell | 5.1 / 7.0–7.2 strip `"` from native arguments | `\"` escapes + `Legacy` argument passing in `& { }`; emulator-checked, warns if a value would not survive |
//! | cli-cmd | `%NAME%` expansion cannot be escaped; a line break ends the command | warning: use cli-file |
//! | cloudformation-*, sam | a one-key map `Ref` / `Fn::…` / `Condition` is read as a function | `EventPattern` written as a JSON string + warning |
//! | sam | no `Description`; the target is the function | description dropped + warning; SNS: warning |
//! | terraform | `${` / `%{` are templates | escaped as `$${` / `%%{` |
//! | cdk-ts, cdk-python | `Match` helpers exist for some forms only; top level typed `string[]` | helper only when it writes the same JSON, else raw JSON (`anyOf` at the top level); unknown top-level keys: cast (TS) / `add_property_override` (Python); CloudTrail state via `CfnRule` |
//! | pulumi-ts | numbers pass through JavaScript | `1.50` becomes `1.5` (same value), noted in a comment |
//! | serverless | `${…}` is a variable; only `enabled` true/false | warning for `${`; CloudTrail state: warning |
//! | pipes-filter | no anything-but prefix/suffix/equals-ignore-case/wildcard, no wildcard; cidr unlisted | one warning per operator and path |
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod cdk;
mod cdk_source;
pub mod cli;
pub mod cli_test_event;
mod cloudformation;
pub mod code_literal;
mod format;
pub mod import;
pub mod json_text;
pub mod operators;
mod pipes;
mod pulumi;
pub mod quote;
mod rendered;
mod serverless;
mod settings;
pub mod shell_emulation;
pub mod sns;
pub mod target;
mod terraform;
pub mod yaml;

pub use cdk::{event_pattern_expr as cdk_event_pattern, helper as cdk_match_helper};
pub use eventpen_transform::TargetInput;
pub use format::Format;
pub use pipes::{PipeSupport, pipe_support};
pub use rendered::{Block, Rendered, comment_prefix};
pub use settings::{
    BusArn, MAX_DESCRIPTION_LEN, MAX_RULE_NAME_LEN, RuleSettings, RuleState, SnsTarget, bus_name,
    parse_event_bus_arn, validate_account, validate_description, validate_event_bus_name,
    validate_region, validate_rule_name, validate_sns_topic,
};

use cli::Shell;
use eventpen_pattern::PatternModel;
use serde_json::Value;

/// Renders the rule (`pattern` + `settings`) in `format`.
///
/// Settings are expected to be valid (see [`RuleSettings::validate`]); if they are not, the
/// problem is the first warning and the output is still rendered, so the user sees both.
pub fn render(format: Format, model: &PatternModel, settings: &RuleSettings) -> Rendered {
    // The JSON the renderers write: keys and numbers as the user wrote them.
    let value = model.to_json();
    let pattern = &value;
    let mut rendered = match format {
        Format::CliBash => cli::render_put_rule(Shell::Bash, pattern, settings),
        Format::CliPowershell => cli::render_put_rule(Shell::PowerShell, pattern, settings),
        Format::CliCmd => cli::render_put_rule(Shell::Cmd, pattern, settings),
        Format::CliFile => cli::render_put_rule(Shell::Portable, pattern, settings),
        Format::CloudFormationYaml => {
            cloudformation::render_cloudformation(pattern, settings, true)
        }
        Format::CloudFormationJson => {
            cloudformation::render_cloudformation(pattern, settings, false)
        }
        Format::Sam => cloudformation::render_sam(pattern, settings),
        Format::Terraform => terraform::render(pattern, settings),
        Format::CdkTs => cdk_source::render(model, settings, code_literal::Lang::TypeScript),
        Format::CdkPython => cdk_source::render(model, settings, code_literal::Lang::Python),
        Format::PulumiTs => pulumi::render(pattern, settings),
        Format::Serverless => serverless::render(pattern, settings),
        Format::PipesFilter => pipes::render(model),
    };
    if let Err(problem) = settings.validate() {
        rendered.warnings.insert(0, problem);
    }
    rendered
}

/// Renders `aws events test-event-pattern` for `pattern` and one `event` (an EventBridge
/// envelope). `format` picks the shell; a non-CLI format gives the `file://` form.
pub fn test_event_pattern_command(format: Format, pattern: &Value, event: &Value) -> Rendered {
    let shell = match format {
        Format::CliBash => Shell::Bash,
        Format::CliPowershell => Shell::PowerShell,
        Format::CliCmd => Shell::Cmd,
        _ => Shell::Portable,
    };
    let mut rendered = cli_test_event::render_test_event(shell, pattern, event);
    if !format.is_cli() {
        rendered.warn(format!(
            "test-event-pattern is an AWS CLI command; {} has none, so the pattern.json + CLI form is shown",
            format.label()
        ));
    }
    rendered
}
