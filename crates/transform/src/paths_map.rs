//! `InputPathsMap`: the variables of a template, read from the JSON object the user typed,
//! keeping where each name and path is so every problem points at its text.
//!
//! AWS's rules (`InputTransformer` API reference, `eb-transform-target-input`): at most 100
//! variables; each value a JSON path in EventBridge's subset (see [`crate::path`]); names may not
//! start with `AWS.` and may not be a predefined variable (those are reserved).

use crate::path::JsonPath;
use crate::position::{Field, Problem};
use crate::predefined::is_predefined;

/// The most variables AWS accepts in one `InputPathsMap`.
pub const MAX_VARIABLES: usize = 100;

/// One variable: its name, its JSON path, and their byte offsets in the map's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    /// The name used as `<name>` in the template.
    pub name: String,
    /// The JSON path text.
    pub path: String,
    /// Byte offset of the name's opening quote.
    pub name_offset: usize,
    /// Byte offset of the path's opening quote.
    pub path_offset: usize,
}

/// A parsed and validated `InputPathsMap`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PathsMap {
    /// The variables in the order written.
    pub variables: Vec<Variable>,
}

impl PathsMap {
    /// Reads and checks the map's text (blank text is an empty map). Every problem found, in
    /// order; the map is returned only when there are none.
    pub fn parse(text: &str) -> Result<PathsMap, Vec<Problem>> {
        if text.trim().is_empty() {
            return Ok(PathsMap::default());
        }
        let variables = read_object(text).map_err(|problem| vec![problem])?;
        let mut problems = Vec::new();
        if variables.len() > MAX_VARIABLES {
            problems.push(Problem::at(
                Field::InputPathsMap,
                text,
                variables[MAX_VARIABLES].name_offset,
                format!(
                    "{} variables; AWS accepts at most {MAX_VARIABLES}",
                    variables.len()
                ),
            ));
        }
        for (index, variable) in variables.iter().enumerate() {
            let at = |offset: usize, message: String| {
                Problem::at(Field::InputPathsMap, text, offset, message)
            };
            let name = &variable.name;
            if variables[..index]
                .iter()
                .any(|earlier| earlier.name == *name)
            {
                problems.push(at(
                    variable.name_offset,
                    format!("{name:?} is defined twice"),
                ));
            }
            if name.is_empty() || name.len() > 256 {
                problems.push(at(
                    variable.name_offset,
                    "a variable name has 1 to 256 characters".into(),
                ));
            } else if is_predefined(name) || name.to_ascii_uppercase().starts_with("AWS.") {
                problems.push(at(
                    variable.name_offset,
                    format!("{name:?} is reserved (names may not start with \"AWS.\"; predefined variables cannot be redefined)"),
                ));
            } else if let Some(bad) = name
                .chars()
                .find(|&c| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            {
                problems.push(at(
                    variable.name_offset,
                    format!(
                        "{name:?} has {bad:?}; variable names use letters, digits, '_' and '-'"
                    ),
                ));
            }
            if let Err(error) = JsonPath::parse(&variable.path) {
                problems.push(at(
                    variable.path_offset + 1 + error.offset,
                    format!("{name:?}: {}", error.message),
                ));
            }
        }
        if problems.is_empty() {
            Ok(PathsMap { variables })
        } else {
            Err(problems)
        }
    }

    /// The path of variable `name`, if defined.
    pub fn path_of(&self, name: &str) -> Option<&str> {
        self.variables
            .iter()
            .find(|variable| variable.name == name)
            .map(|variable| variable.path.as_str())
    }

    /// `(name, path)` pairs, as exports write them.
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.variables
            .iter()
            .map(|variable| (variable.name.clone(), variable.path.clone()))
            .collect()
    }
}

fn skip_whitespace(text: &str, at: &mut usize) {
    while text[*at..].starts_with([' ', '\t', '\n', '\r']) {
        *at += 1;
    }
}

/// A JSON string at `at` (which is on its opening quote): its value, and `at` moved past it.
fn read_string(text: &str, at: &mut usize) -> Result<String, Problem> {
    let start = *at;
    let mut end = start + 1;
    let bytes = text.as_bytes();
    while end < bytes.len() && bytes[end] != b'"' {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    if end >= bytes.len() {
        return Err(Problem::at(
            Field::InputPathsMap,
            text,
            start,
            "this string is not closed with '\"'",
        ));
    }
    let value = serde_json::from_str::<String>(&text[start..=end]).map_err(|error| {
        Problem::at(
            Field::InputPathsMap,
            text,
            start,
            format!("not a valid JSON string: {error}"),
        )
    })?;
    *at = end + 1;
    Ok(value)
}

fn read_object(text: &str) -> Result<Vec<Variable>, Problem> {
    let expected =
        |at: usize, what: &str| Problem::at(Field::InputPathsMap, text, at, what.to_owned());
    let mut at = 0;
    skip_whitespace(text, &mut at);
    if !text[at..].starts_with('{') {
        return Err(expected(
            at,
            "InputPathsMap is a JSON object: {\"name\": \"$.detail.field\", …}",
        ));
    }
    at += 1;
    let mut variables = Vec::new();
    skip_whitespace(text, &mut at);
    if text[at..].starts_with('}') {
        at += 1;
    } else {
        loop {
            skip_whitespace(text, &mut at);
            if !text[at..].starts_with('"') {
                return Err(expected(at, "expected a variable name in double quotes"));
            }
            let name_offset = at;
            let name = read_string(text, &mut at)?;
            skip_whitespace(text, &mut at);
            if !text[at..].starts_with(':') {
                return Err(expected(at, "expected ':' after the variable name"));
            }
            at += 1;
            skip_whitespace(text, &mut at);
            if !text[at..].starts_with('"') {
                return Err(expected(
                    at,
                    "each variable's value is a JSON path in double quotes, like \"$.detail.eventName\"",
                ));
            }
            let path_offset = at;
            let path = read_string(text, &mut at)?;
            variables.push(Variable {
                name,
                path,
                name_offset,
                path_offset,
            });
            skip_whitespace(text, &mut at);
            if text[at..].starts_with(',') {
                at += 1;
            } else if text[at..].starts_with('}') {
                at += 1;
                break;
            } else {
                return Err(expected(at, "expected ',' or '}' after the path"));
            }
        }
    }
    skip_whitespace(text, &mut at);
    if at < text.len() {
        return Err(expected(at, "text after the closing '}'"));
    }
    Ok(variables)
}
