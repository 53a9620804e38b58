//! What the AWS CLI does around an API call, reproduced so `eventpen test-event-pattern` can
//! replace `aws events test-event-pattern` in a script without the script noticing:
//! `file://` parameter loading, the JSON output layout, the error layout and the exit codes.
//!
//! The reference is aws-cli v2 (`awscli/paramfile.py`, `awscli/errorhandler.py`,
//! `awscli/constants.py`) with its default `legacy`-compatible error layout.

use crate::bounded::{ReadError, read_path};
use eventpen_ingest::MAX_INPUT_BYTES;
use std::fmt;
use std::path::Path;

/// Exit code of a call the service answered (`Result` true or false alike).
pub const SUCCESS_RC: u8 = 0;
/// Exit code of a parameter the CLI could not load or parse (`PARAM_VALIDATION_ERROR_RC`).
pub const PARAM_VALIDATION_ERROR_RC: u8 = 252;
/// Exit code of an error returned by the service (`CLIENT_ERROR_RC`).
pub const CLIENT_ERROR_RC: u8 = 254;

/// An error the EventBridge service would return: a code and AWS's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// `InvalidEventPatternException` or `ValidationException`.
    pub code: &'static str,
    /// The message exactly as AWS words it.
    pub message: String,
}

impl ServiceError {
    /// A pattern the service rejects.
    pub fn invalid_pattern(message: String) -> ServiceError {
        ServiceError {
            code: "InvalidEventPatternException",
            message,
        }
    }

    /// An input the service's parameter validation rejects.
    pub fn validation(message: String) -> ServiceError {
        ServiceError {
            code: "ValidationException",
            message,
        }
    }
}

/// botocore's `ClientError` text: `An error occurred (Code) when calling the Op operation: Message`.
impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "An error occurred ({}) when calling the TestEventPattern operation: {}",
            self.code, self.message
        )
    }
}

/// The AWS CLI's stderr text for an error: a blank line, the message, a newline.
pub fn stderr_text(message: &dyn fmt::Display) -> String {
    format!("\n{message}\n")
}

/// A parameter value that could not be loaded, worded as the AWS CLI words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// `Error parsing parameter '--event': Unable to load paramfile …`.
    pub message: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The text of a parameter as the AWS CLI sends it: `file://PATH` is replaced by the file's
/// contents (UTF-8 text, `~` and `$VAR` expanded in the path); anything else is used as given.
pub fn load_parameter(option: &str, value: &str) -> Result<String, ParamError> {
    let Some(raw_path) = value.strip_prefix("file://") else {
        return Ok(value.to_owned());
    };
    let path = expand_path(raw_path);
    let fail = |reason: String| ParamError {
        message: format!("Error parsing parameter '{option}': {reason}"),
    };
    // An event is at most 256 KB for AWS; the ingest limit leaves room and still stops a
    // wrong file (a whole log archive) without reading it.
    let bytes = read_path(Path::new(&path), MAX_INPUT_BYTES).map_err(|error| {
        let reason = match error {
            ReadError::Io(error) => python_os_error(&error, &path),
            too_large => too_large.to_string(),
        };
        fail(format!("Unable to load paramfile {value}: {reason}"))
    })?;
    String::from_utf8(bytes).map_err(|_| {
        fail(format!(
            "Unable to load paramfile ({path}), text contents could not be decoded.  If this is \
             a binary file, please use the fileb:// prefix instead of the file:// prefix."
        ))
    })
}

/// Python's `str(OSError)`: `[Errno 2] No such file or directory: 'x.json'`, so messages
/// match what people paste into searches.
fn python_os_error(error: &std::io::Error, path: &str) -> String {
    let text = error.to_string();
    match error.raw_os_error() {
        Some(code) => {
            let reason = text
                .strip_suffix(&format!(" (os error {code})"))
                .unwrap_or(&text);
            format!("[Errno {code}] {reason}: '{path}'")
        }
        None => text,
    }
}

/// `os.path.expandvars(os.path.expanduser(path))`: a leading `~` is the home directory,
/// `$NAME` and `${NAME}` are environment variables; unknown variables stay as written.
fn expand_path(path: &str) -> String {
    let home_expanded = match (path.strip_prefix('~'), std::env::var("HOME")) {
        (Some(rest), Ok(home)) if rest.is_empty() || rest.starts_with('/') => {
            format!("{home}{rest}")
        }
        _ => path.to_owned(),
    };
    expand_variables(&home_expanded)
}

fn expand_variables(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        let after = &rest[dollar + 1..];
        let (name, consumed) = match after.strip_prefix('{') {
            Some(braced) => match braced.find('}') {
                Some(end) => (&braced[..end], end + 2),
                None => ("", 0),
            },
            None => {
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                (&after[..end], end)
            }
        };
        match std::env::var(name) {
            Ok(value) if !name.is_empty() => out.push_str(&value),
            _ => out.push_str(&rest[dollar..dollar + 1 + consumed]),
        }
        rest = &after[consumed..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_layouts() {
        let error = ServiceError::validation("Parameter Event is not valid.".into());
        assert_eq!(
            stderr_text(&error),
            "\nAn error occurred (ValidationException) when calling the TestEventPattern \
             operation: Parameter Event is not valid.\n"
        );
    }

    #[test]
    fn inline_values_are_used_as_given() {
        assert_eq!(
            load_parameter("--event", "{\"a\":1}"),
            Ok("{\"a\":1}".into())
        );
        assert_eq!(load_parameter("--event", "file:/x"), Ok("file:/x".into()));
    }

    #[test]
    fn missing_file_is_worded_like_python() {
        let error = load_parameter("--event", "file://no/such.json").err();
        let expected = "Error parsing parameter '--event': Unable to load paramfile \
                        file://no/such.json: [Errno 2] No such file or directory: 'no/such.json'";
        assert_eq!(error.map(|e| e.message), Some(expected.to_owned()));
    }

    #[test]
    fn variables_expand_like_expandvars() {
        let path = std::env::var("PATH").unwrap_or_default();
        for (input, expected) in [
            ("plain/file.json", "plain/file.json".to_owned()),
            ("$PATH/x", format!("{path}/x")),
            ("${PATH}x", format!("{path}x")),
            (
                "$EVENTPEN_SURELY_UNSET/x",
                "$EVENTPEN_SURELY_UNSET/x".to_owned(),
            ),
            ("a$", "a$".to_owned()),
            ("${open", "${open".to_owned()),
        ] {
            assert_eq!(expand_variables(input), expected, "{input}");
        }
    }
}
