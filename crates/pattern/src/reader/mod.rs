//! A small JSON reader for pattern text that keeps what a pattern editor needs and
//! `serde_json` throws away: the byte span of every node, repeated keys (AWS lets the last
//! one win, which the compiler decides, not the reader), and the original text of numbers.
//!
//! It reads like Jackson's streaming parser, which event-ruler (and so AWS) uses: syntax
//! errors carry Jackson's wording, and when a syntax error stops the reading the nodes read
//! so far are kept (marked not `closed`), because AWS reports whichever problem its
//! streaming compiler meets first — a bad operand before a missing comma wins.

use std::ops::Range;

/// Jackson's default nesting limit (`StreamReadConstraints.getMaxNestingDepth()`).
mod containers;
mod jackson;
mod strings;
#[cfg(test)]
mod tests;

pub(crate) use jackson::describe_char;
use jackson::source_description;
use strings::StringKind;

const MAX_DEPTH: usize = 1000;

/// The JSON values of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Object(Vec<Member>),
    Array(Vec<Node>),
    String(String),
    /// The number exactly as written (`3.018e2` stays `3.018e2`).
    Number(String),
    Bool(bool),
    Null,
    /// A value the reader never got to because of a syntax error.
    Incomplete,
}

/// A JSON value and where it is in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub json: Json,
    /// From the first byte of the value to just after its last byte (or to where reading stopped).
    pub span: Range<usize>,
    /// False for a container (or value) whose end was never read because of a syntax error.
    pub closed: bool,
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

/// A syntax error: Jackson's message and the offset of the offending character.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// What reading a text produced.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Document {
    /// The root value, possibly partial; `None` for an empty or blank text.
    pub root: Option<Node>,
    pub error: Option<SyntaxError>,
    /// Offset of anything after the root value. Jackson (and AWS) never read that far.
    pub trailing: Option<usize>,
}

/// The JSON path of the innermost container a syntax error left open (`""` at the root):
/// where the reader was when it stopped, for the diagnostic's path.
pub(crate) fn open_path(root: Option<&Node>) -> String {
    let mut path = String::new();
    let mut node = root;
    while let Some(current) = node {
        node = match &current.json {
            Json::Object(members) => members.last().filter(|m| !m.value.closed).map(|m| {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&m.key);
                &m.value
            }),
            Json::Array(items) => {
                let open = items.last().filter(|item| !item.closed);
                if open.is_some() {
                    path.push_str(&format!("[{}]", items.len() - 1));
                }
                open
            }
            _ => None,
        };
    }
    path
}

/// Jackson's message for `NaN`, `Infinity` and their signed forms.
fn non_numeric_number(token: &str) -> String {
    format!(
        "Non-standard token '{token}': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"
    )
}

/// Reads `text` as one JSON value.
pub(crate) fn read(text: &str) -> Document {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        error: None,
        depth: 0,
    };
    reader.skip_whitespace();
    if reader.pos >= reader.bytes.len() {
        return Document {
            root: None,
            error: None,
            trailing: None,
        };
    }
    let root = reader.value();
    let mut trailing = None;
    if reader.error.is_none() {
        // Jackson stops after the root value: what follows is never read, not even comments.
        reader.skip_blanks();
        if reader.pos < reader.bytes.len() {
            trailing = Some(reader.pos);
        }
    }
    Document {
        root: Some(root),
        error: reader.error,
        trailing,
    }
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    error: Option<SyntaxError>,
    depth: usize,
}

impl Reader<'_> {
    fn fail(&mut self, offset: usize, message: String) {
        if self.error.is_none() {
            self.error = Some(SyntaxError { offset, message });
        }
    }

    fn failed(&self) -> bool {
        self.error.is_some()
    }

    /// Skips spaces, tabs and line ends.
    fn skip_blanks(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Skips white space between tokens as Jackson does, failing where Jackson fails: on a
    /// `/` (a comment, which AWS's parser does not allow) and on other control characters.
    fn skip_whitespace(&mut self) {
        self.skip_blanks();
        match self.bytes.get(self.pos) {
            Some(b'/') => self.fail(
                self.pos,
                "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)".to_string(),
            ),
            Some(&b) if b < 0x20 => self.fail(
                self.pos,
                format!(
                    "Illegal character ({}): only regular white space (\\r, \\n, \\t) is allowed between tokens",
                    describe_char(char::from(b))
                ),
            ),
            _ => {}
        }
    }

    fn char_at(&self, offset: usize) -> Option<char> {
        self.text.get(offset..).and_then(|rest| rest.chars().next())
    }

    fn incomplete(&self) -> Node {
        Node {
            json: Json::Incomplete,
            span: self.pos..self.pos,
            closed: false,
        }
    }

    fn unexpected(&mut self, expecting: &str) {
        match self.char_at(self.pos) {
            Some(c) => self.fail(
                self.pos,
                format!("Unexpected character ({}): {expecting}", describe_char(c)),
            ),
            None => self.fail(self.pos, "Unexpected end-of-input".to_string()),
        }
    }

    fn value(&mut self) -> Node {
        let start = self.pos;
        match self.char_at(start) {
            Some('{') => self.object(),
            Some('[') => self.array(),
            Some('"') => match self.string(StringKind::Value) {
                Some(s) => Node {
                    json: Json::String(s),
                    span: start..self.pos,
                    closed: true,
                },
                None => Node {
                    json: Json::Incomplete,
                    span: start..self.pos,
                    closed: false,
                },
            },
            Some('-' | '0'..='9') => self.number(),
            Some('+') => {
                self.plus_sign();
                self.incomplete()
            }
            Some(c) if c.is_alphanumeric() || c == '_' || c == '$' => self.word(),
            Some(c) => {
                self.fail(
                    start,
                    format!(
                        "Unexpected character ({}): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                        describe_char(c)
                    ),
                );
                self.incomplete()
            }
            None => {
                self.fail(
                    start,
                    "Unexpected end-of-input: expected a value".to_string(),
                );
                self.incomplete()
            }
        }
    }

    /// `true`, `false`, `null`, or Jackson's "Unrecognized token" for any other word.
    fn word(&mut self) -> Node {
        let start = self.pos;
        let rest = &self.text[start..];
        let len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..len];
        let json = match word {
            "true" => Json::Bool(true),
            "false" => Json::Bool(false),
            "null" => Json::Null,
            "NaN" | "Infinity" => {
                self.fail(start, non_numeric_number(word));
                return self.incomplete();
            }
            _ => {
                self.fail(
                    start,
                    format!(
                        "Unrecognized token '{word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
                    ),
                );
                return self.incomplete();
            }
        };
        self.pos = start + len;
        Node {
            json,
            span: start..self.pos,
            closed: true,
        }
    }

    fn number(&mut self) -> Node {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
            if self.bytes.get(self.pos) == Some(&b'I') {
                self.signed_infinity(start);
                return self.incomplete();
            }
            if !self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
                self.number_error(
                    "expected digit (0-9) to follow minus sign, for valid numeric value",
                );
                return self.incomplete();
            }
        }
        let int_start = self.pos;
        self.digits();
        if self.bytes[int_start] == b'0' && self.pos - int_start > 1 {
            self.fail(
                int_start,
                "Invalid numeric value: Leading zeroes not allowed".to_string(),
            );
            return self.incomplete();
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                self.number_error("Decimal point not followed by a digit");
                return self.incomplete();
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                self.number_error("Exponent indicator not followed by a digit");
                return self.incomplete();
            }
        }
        let text = self.text[start..self.pos].to_string();
        Node {
            json: Json::Number(text),
            span: start..self.pos,
            closed: true,
        }
    }

    /// `+…`: Jackson reads `+Infinity` / `+INF` as non-standard tokens and refuses any other
    /// plus sign.
    fn plus_sign(&mut self) {
        let start = self.pos;
        self.pos += 1;
        match self.bytes.get(self.pos) {
            None => self.fail(
                self.pos,
                "Unexpected end-of-input in a Number value".to_string(),
            ),
            Some(b'I') => self.signed_infinity(start),
            Some(_) => self.fail(
                start,
                "Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow".to_string(),
            ),
        }
    }

    /// `-I…` or `+I…` (the reader is at the `I`): `-Infinity`, `-INF` and their `+` forms
    /// are Jackson's non-standard tokens; anything else is an unrecognized token or a
    /// character that cannot follow the sign.
    fn signed_infinity(&mut self, start: usize) {
        let rest = &self.text[start..];
        let word_end = 1 + rest[1..]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .map_or(rest.len() - 1, |(i, _)| i);
        let word = &rest[..word_end];
        let sign = &rest[..1];
        let expected = match rest.as_bytes().get(2) {
            Some(b'N') => format!("{sign}INF"),
            Some(b'n') => format!("{sign}Infinity"),
            _ => {
                self.pos = start + 2;
                let what = if sign == "-" {
                    "expected digit (0-9) to follow minus sign, for valid numeric value"
                } else {
                    "expected digit (0-9) for valid numeric value"
                };
                self.number_error(what);
                return;
            }
        };
        let message = if word == expected {
            non_numeric_number(word)
        } else {
            format!(
                "Unrecognized token '{word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
            )
        };
        self.fail(start, message);
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number_error(&mut self, what: &str) {
        match self.char_at(self.pos) {
            Some(c) => self.fail(
                self.pos,
                format!(
                    "Unexpected character ({}) in numeric value: {what}",
                    describe_char(c)
                ),
            ),
            None => self.fail(
                self.pos,
                "Unexpected end-of-input in a Number value".to_string(),
            ),
        }
    }
}
