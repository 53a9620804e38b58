//! The AWS CLI's rendering of a `TestEventPattern` response, for the forms scripts use:
//! `--output json|text|yaml` and `--query Result` (`--query Result --output text` prints
//! `True`, which shell scripts compare against).
//!
//! JMESPath in general is out of scope: a bare field name is answered (`Result`, or `null`
//! for any other name, as JMESPath does), anything else is refused rather than guessed.

use std::fmt;

/// `--output`: the AWS CLI's formats that make sense for a one-field response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Output {
    /// `{"Result": true}` with 4-space indentation (the AWS CLI's default).
    #[default]
    Json,
    /// Tab-separated values, Python spellings: `True`, `False`, `None`.
    Text,
    /// `Result: true`.
    Yaml,
}

/// A `--query` expression this twin does not evaluate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsupportedQuery(pub String);

impl fmt::Display for UnsupportedQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "eventpen: --query {:?} is not supported offline; use --query Result",
            self.0
        )
    }
}

/// What `aws events test-event-pattern` prints on stdout for this answer.
pub fn render(
    matched: bool,
    output: Output,
    query: Option<&str>,
) -> Result<String, UnsupportedQuery> {
    check_query(query)?;
    let Some(query) = query.map(str::trim) else {
        return Ok(match output {
            Output::Json => format!("{{\n    \"Result\": {matched}\n}}\n"),
            Output::Text => format!("{}\n", python_bool(matched)),
            Output::Yaml => format!("Result: {matched}\n"),
        });
    };
    let value = (query == "Result").then_some(matched);
    Ok(match (output, value) {
        (Output::Json | Output::Yaml, Some(matched)) => format!("{matched}\n"),
        (Output::Json | Output::Yaml, None) => String::from("null\n"),
        (Output::Text, Some(matched)) => format!("{}\n", python_bool(matched)),
        (Output::Text, None) => String::from("None\n"),
    })
}

/// Refuse, before anything runs, a query this twin cannot evaluate (the AWS CLI also checks
/// `--query` before calling the service).
pub fn check_query(query: Option<&str>) -> Result<(), UnsupportedQuery> {
    let Some(query) = query.map(str::trim) else {
        return Ok(());
    };
    let is_field_name = !query.is_empty()
        && query.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !query.starts_with(|c: char| c.is_ascii_digit());
    if is_field_name {
        Ok(())
    } else {
        Err(UnsupportedQuery(query.to_owned()))
    }
}

fn python_bool(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_the_aws_cli() {
        let unsupported = |q: &str| Err(UnsupportedQuery(q.to_owned()));
        #[rustfmt::skip]
        let cases = [
            (true, Output::Json, None, Ok("{\n    \"Result\": true\n}\n".to_owned())),
            (false, Output::Json, None, Ok("{\n    \"Result\": false\n}\n".to_owned())),
            (true, Output::Text, None, Ok("True\n".to_owned())),
            (false, Output::Yaml, None, Ok("Result: false\n".to_owned())),
            (true, Output::Json, Some("Result"), Ok("true\n".to_owned())),
            (false, Output::Text, Some("Result"), Ok("False\n".to_owned())),
            (true, Output::Yaml, Some(" Result "), Ok("true\n".to_owned())),
            (true, Output::Json, Some("Other"), Ok("null\n".to_owned())),
            (true, Output::Text, Some("Other"), Ok("None\n".to_owned())),
            (true, Output::Json, Some("Result == `true`"), unsupported("Result == `true`")),
            (true, Output::Json, Some(""), unsupported("")),
        ];
        for (matched, output, query, expected) in cases {
            assert_eq!(
                render(matched, output, query),
                expected,
                "{output:?} {query:?}"
            );
        }
    }
}
