//! EventBridge Pipes and Lambda event-source-mapping filters: `FilterCriteria.Filters[].Pattern`
//! holds the pattern as a JSON string.
//!
//! Operator support, from the "Pipe support" column of the AWS operator table
//! (EventBridge user guide, "Comparison operators for use in event patterns",
//! eb-create-pattern-operators), read 2026-11:
//!
//! | operator | event bus | pipes |
//! |---|---|---|
//! | and, or (`$or`), equals, empty, null, anything-but (values) | yes | yes |
//! | prefix, prefix + equals-ignore-case, suffix, suffix + equals-ignore-case | yes | yes |
//! | equals-ignore-case, exists true/false, numeric (value and range) | yes | yes |
//! | anything-but prefix, suffix, equals-ignore-case, wildcard | yes | **no** |
//! | wildcard | yes | **no** |
//! | cidr (IP address matching) | yes | not in the table: unverified |

use crate::json_text::pretty;
use crate::operators::{OperatorKind, walk};
use crate::rendered::{Block, Rendered};
use eventpen_pattern::PatternModel;
use serde_json::json;

/// How Pipes filters treat an operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipeSupport {
    /// Listed as supported.
    Supported,
    /// Listed as not supported.
    Unsupported,
    /// Not in the table.
    Unlisted,
}

/// What the operator table says about `kind` in Pipes.
pub fn pipe_support(kind: OperatorKind) -> PipeSupport {
    match kind {
        OperatorKind::AnythingButPrefix
        | OperatorKind::AnythingButSuffix
        | OperatorKind::AnythingButIgnoreCase
        | OperatorKind::AnythingButWildcard
        | OperatorKind::Wildcard => PipeSupport::Unsupported,
        OperatorKind::Cidr => PipeSupport::Unlisted,
        _ => PipeSupport::Supported,
    }
}

/// The filter criteria for Pipes (`SourceParameters.FilterCriteria`) and Lambda
/// (`--filter-criteria`).
pub fn render(model: &PatternModel) -> Rendered {
    let pattern = &model.to_json();
    let mut rendered = Rendered::default();
    for found in walk(model) {
        match pipe_support(found.kind) {
            PipeSupport::Supported => {}
            PipeSupport::Unsupported => rendered.warn(format!(
                "{} at {}: EventBridge Pipes does not support this operator (bus rules only)",
                found.kind.name(),
                found.dotted_path()
            )),
            PipeSupport::Unlisted => rendered.warn(format!(
                "{} at {}: not listed for Pipes in the AWS operator table; test it before relying on it",
                found.kind.name(),
                found.dotted_path()
            )),
        }
    }
    rendered.warn(
        "Pipes and Lambda filters match the source's records (SQS: body, Kinesis: data, DynamoDB: dynamodb), not an EventBridge envelope: adapt the field names",
    );
    let criteria = json!({"Filters": [{"Pattern": pattern.to_string()}]});
    rendered.blocks.push(Block::file(
        "filter-criteria.json",
        "json",
        format!("{}\n", pretty(&criteria)),
    ));
    let source_parameters = json!({"FilterCriteria": criteria});
    rendered.blocks.push(Block::file(
        "source-parameters.json",
        "json",
        format!("{}\n", pretty(&source_parameters)),
    ));
    let commands = "\
# EventBridge Pipes (add your other source parameters to source-parameters.json):
aws pipes update-pipe --name MY_PIPE --role-arn MY_PIPE_ROLE_ARN --source-parameters file://source-parameters.json
# Lambda event source mapping:
aws lambda update-event-source-mapping --uuid MY_MAPPING_UUID --filter-criteria file://filter-criteria.json
";
    rendered.blocks.push(Block::commands(
        "Commands (any shell)",
        "bash",
        commands.to_owned(),
    ));
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_table() {
        let cases = [
            (OperatorKind::Exact, PipeSupport::Supported),
            (OperatorKind::Prefix, PipeSupport::Supported),
            (OperatorKind::PrefixIgnoreCase, PipeSupport::Supported),
            (OperatorKind::Suffix, PipeSupport::Supported),
            (OperatorKind::SuffixIgnoreCase, PipeSupport::Supported),
            (OperatorKind::EqualsIgnoreCase, PipeSupport::Supported),
            (OperatorKind::AnythingBut, PipeSupport::Supported),
            (OperatorKind::AnythingButPrefix, PipeSupport::Unsupported),
            (OperatorKind::AnythingButSuffix, PipeSupport::Unsupported),
            (
                OperatorKind::AnythingButIgnoreCase,
                PipeSupport::Unsupported,
            ),
            (OperatorKind::AnythingButWildcard, PipeSupport::Unsupported),
            (OperatorKind::Numeric, PipeSupport::Supported),
            (OperatorKind::Exists, PipeSupport::Supported),
            (OperatorKind::DoesNotExist, PipeSupport::Supported),
            (OperatorKind::Cidr, PipeSupport::Unlisted),
            (OperatorKind::Wildcard, PipeSupport::Unsupported),
            (OperatorKind::Or, PipeSupport::Supported),
        ];
        assert_eq!(cases.len(), OperatorKind::ALL.len());
        for (kind, want) in cases {
            assert_eq!(pipe_support(kind), want, "{kind:?}");
        }
    }
}
