//! A small JSON reader for pattern text that keeps what a pattern editor needs and
//! `serde_json` throws away: the byte span of every node, repeated keys (AWS lets the last
//! one win, which the compiler decides, not the reader), and the original text of numbers.
//!
//! It reads like Jackson's streaming parser, which event-ruler (and so AWS) uses: syntax
//! errors carry Jackson's wording, and when a syntax error stops the reading the nodes read
//! so far are kept (marked not `closed`), because AWS reports whichever problem its
//! streaming compiler meets first — a bad operand before a missing comma wins.

use std::ops::Range;

use crate::position::LineColumn;

/// Jackson's default nesting limit (`StreamReadConstraints.getMaxNestingDepth()`).
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
        reader.skip_whitespace();
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

/// Jackson's description of a character in its messages: `'x' (code 120)`.
pub(crate) fn describe_char(c: char) -> String {
    let code = c as u32;
    if code < 32 {
        format!("(CTRL-CHAR, code {code})")
    } else if code > 255 {
        format!("'{c}' (code {code} / 0x{code:x})")
    } else {
        format!("'{c}' (code {code})")
    }
}

/// Jackson's `[Source: (String)"…"; line: L, column: C]`, truncated after 500 characters as
/// Jackson does.
fn source_description(text: &str, offset: usize) -> String {
    let at = LineColumn::of(text, offset);
    let total = text.chars().count();
    let shown: String = text.chars().take(500).collect();
    let truncated = if total > 500 {
        format!("[truncated {} chars]", total - 500)
    } else {
        String::new()
    };
    format!(
        "[Source: (String)\"{shown}\"{truncated}; line: {}, column: {}]",
        at.line, at.column
    )
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

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
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
            Some('"') => match self.string() {
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

    /// Reads a string starting at the opening quote; `None` after a syntax error.
    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let chunk_start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[chunk_start..self.pos]);
            match self.bytes.get(self.pos) {
                None => {
                    self.fail(
                        self.pos,
                        "Unexpected end-of-input: was expecting closing quote for a string value"
                            .to_string(),
                    );
                    return None;
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Some(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(&b) => {
                    self.fail(
                        self.pos,
                        format!(
                            "Illegal unquoted character ({}): has to be escaped using backslash to be included in string value",
                            describe_char(char::from(b))
                        ),
                    );
                    return None;
                }
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        let Some(c) = self.char_at(self.pos) else {
            self.fail(
                self.pos,
                "Unexpected end-of-input: was expecting closing quote for a string value"
                    .to_string(),
            );
            return None;
        };
        self.pos += c.len_utf8();
        let decoded = match c {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => return self.unicode_escape(),
            other => {
                self.fail(
                    self.pos - other.len_utf8(),
                    format!("Unrecognized character escape {}", describe_char(other)),
                );
                return None;
            }
        };
        Some(decoded)
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut value = 0;
        for _ in 0..4 {
            let Some(c) = self.char_at(self.pos) else {
                self.fail(
                    self.pos,
                    "Unexpected end-of-input: was expecting closing quote for a string value"
                        .to_string(),
                );
                return None;
            };
            let Some(digit) = c.to_digit(16) else {
                self.fail(
                    self.pos,
                    format!(
                        "Unexpected character ({}): expected a hex-digit for character escape sequence",
                        describe_char(c)
                    ),
                );
                return None;
            };
            value = value * 16 + digit;
            self.pos += 1;
        }
        Some(value)
    }

    /// `\uXXXX`, joining surrogate pairs. A lone surrogate (which Java keeps) becomes U+FFFD.
    fn unicode_escape(&mut self) -> Option<char> {
        let high = self.hex4()?;
        if (0xD800..0xDC00).contains(&high) && self.text[self.pos..].starts_with("\\u") {
            let save = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Some(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.pos = save;
        }
        Some(char::from_u32(high).unwrap_or('\u{FFFD}'))
    }

    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.fail(
                self.pos,
                format!(
                    "Document nesting depth ({}) exceeds the maximum allowed ({MAX_DEPTH}, from `StreamReadConstraints.getMaxNestingDepth()`)",
                    self.depth
                ),
            );
            return false;
        }
        true
    }

    fn end_of_input_in(&mut self, kind: &str, start: usize) {
        let source = source_description(self.text, start);
        self.fail(
            self.pos,
            format!("Unexpected end-of-input: expected close marker for {kind} (start marker at {source})"),
        );
    }

    fn object(&mut self) -> Node {
        let start = self.pos;
        let mut members = Vec::new();
        let partial = |members, reader: &Reader| Node {
            json: Json::Object(members),
            span: start..reader.pos,
            closed: false,
        };
        if !self.enter() {
            return partial(members, self);
        }
        self.pos += 1;
        self.skip_whitespace();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Node {
                json: Json::Object(members),
                span: start..self.pos,
                closed: true,
            };
        }
        loop {
            self.skip_whitespace();
            match self.bytes.get(self.pos) {
                Some(b'"') => {}
                None => {
                    self.end_of_input_in("Object", start);
                    return partial(members, self);
                }
                Some(_) => {
                    self.unexpected("was expecting double-quote to start field name");
                    return partial(members, self);
                }
            }
            let key_start = self.pos;
            let Some(key) = self.string() else {
                return partial(members, self);
            };
            let key_span = key_start..self.pos;
            self.skip_whitespace();
            if self.bytes.get(self.pos) != Some(&b':') {
                if self.pos >= self.bytes.len() {
                    self.end_of_input_in("Object", start);
                } else {
                    self.unexpected("was expecting a colon to separate field name and value");
                }
                let value = self.incomplete();
                members.push(Member {
                    key,
                    key_span,
                    value,
                });
                return partial(members, self);
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = if self.pos >= self.bytes.len() {
                self.end_of_input_in("Object", start);
                self.incomplete()
            } else {
                self.value()
            };
            members.push(Member {
                key,
                key_span,
                value,
            });
            if self.failed() {
                return partial(members, self);
            }
            self.skip_whitespace();
            match self.char_at(self.pos) {
                Some(',') => self.pos += 1,
                Some('}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Node {
                        json: Json::Object(members),
                        span: start..self.pos,
                        closed: true,
                    };
                }
                Some(']') => {
                    let source = source_description(self.text, start);
                    self.fail(
                        self.pos,
                        format!("Unexpected close marker ']': expected '}}' (for Object starting at {source})"),
                    );
                    return partial(members, self);
                }
                None => {
                    self.end_of_input_in("Object", start);
                    return partial(members, self);
                }
                Some(_) => {
                    self.unexpected("was expecting comma to separate Object entries");
                    return partial(members, self);
                }
            }
        }
    }

    fn array(&mut self) -> Node {
        let start = self.pos;
        let mut items = Vec::new();
        let partial = |items, reader: &Reader| Node {
            json: Json::Array(items),
            span: start..reader.pos,
            closed: false,
        };
        if !self.enter() {
            return partial(items, self);
        }
        self.pos += 1;
        self.skip_whitespace();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            self.depth -= 1;
            return Node {
                json: Json::Array(items),
                span: start..self.pos,
                closed: true,
            };
        }
        loop {
            self.skip_whitespace();
            match self.char_at(self.pos) {
                None => {
                    self.end_of_input_in("Array", start);
                    return partial(items, self);
                }
                Some(c @ (']' | '}')) => {
                    self.fail(
                        self.pos,
                        format!(
                            "Unexpected character ({}): expected a value",
                            describe_char(c)
                        ),
                    );
                    return partial(items, self);
                }
                Some(_) => {}
            }
            let item = self.value();
            items.push(item);
            if self.failed() {
                return partial(items, self);
            }
            self.skip_whitespace();
            match self.char_at(self.pos) {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Node {
                        json: Json::Array(items),
                        span: start..self.pos,
                        closed: true,
                    };
                }
                Some('}') => {
                    let source = source_description(self.text, start);
                    self.fail(
                        self.pos,
                        format!("Unexpected close marker '}}': expected ']' (for Array starting at {source})"),
                    );
                    return partial(items, self);
                }
                None => {
                    self.end_of_input_in("Array", start);
                    return partial(items, self);
                }
                Some(_) => {
                    self.unexpected("was expecting comma to separate Array entries");
                    return partial(items, self);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> (usize, String) {
        let doc = read(text);
        let error = doc.error.unwrap_or(SyntaxError {
            offset: usize::MAX,
            message: String::new(),
        });
        (error.offset, error.message)
    }

    #[test]
    fn keeps_spans_number_text_and_repeated_keys() {
        let doc = read(r#"{"a": [3.018e2, "x"], "a": {"b": null}}"#);
        assert_eq!(doc.error, None);
        let Some(Node {
            json: Json::Object(members),
            span,
            closed: true,
        }) = doc.root
        else {
            panic!("not an object");
        };
        assert_eq!(span, 0..39);
        assert_eq!(members.len(), 2);
        assert_eq!(members[0].key_span, 1..4);
        let Json::Array(items) = &members[0].value.json else {
            panic!("not an array")
        };
        assert_eq!(items[0].json, Json::Number("3.018e2".into()));
        assert_eq!(items[0].span, 7..14);
        assert_eq!(items[1].json, Json::String("x".into()));
    }

    #[test]
    fn decodes_escapes() {
        let doc = read(r#"["a\"b\\c\/\n\u00e9\ud83d\ude00"]"#);
        let Some(Node {
            json: Json::Array(items),
            ..
        }) = doc.root
        else {
            panic!()
        };
        assert_eq!(items[0].json, Json::String("a\"b\\c/\né😀".into()));
    }

    #[test]
    fn syntax_errors_use_jacksons_words() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "this is it",
                0,
                "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
            ),
            (
                "{'bad': 1}",
                1,
                "Unexpected character (''' (code 39)): was expecting double-quote to start field name",
            ),
            (
                r#"{"a": [1, 2 3]}"#,
                12,
                "Unexpected character ('3' (code 51)): was expecting comma to separate Array entries",
            ),
            (
                r#"{"a" 1}"#,
                5,
                "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value",
            ),
            (
                r#"{"a": 1 "b": 2}"#,
                8,
                "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
            ),
            (
                r#"{"a": "x}"#,
                9,
                "Unexpected end-of-input: was expecting closing quote for a string value",
            ),
            (
                r#"{"a": ["1" }"#,
                11,
                "Unexpected close marker '}': expected ']' (for Array starting at [Source: (String)\"{\"a\": [\"1\" }\"; line: 1, column: 7])",
            ),
            (
                r#"{"a": ]"#,
                6,
                "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
            ),
            (
                r#"{"a": [01]}"#,
                7,
                "Invalid numeric value: Leading zeroes not allowed",
            ),
            (
                r#"{"a": [-x]}"#,
                8,
                "Unexpected character ('x' (code 120)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value",
            ),
            (
                r#"{"a": ["\q"]}"#,
                9,
                "Unrecognized character escape 'q' (code 113)",
            ),
            (
                "{\"a\": [\"\n\"]}",
                8,
                "Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value",
            ),
            (
                "{\"a\": [1",
                8,
                "Unexpected end-of-input: expected close marker for Array (start marker at [Source: (String)\"{\"a\": [1\"; line: 1, column: 7])",
            ),
            (
                "{",
                1,
                "Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)\"{\"; line: 1, column: 1])",
            ),
        ];
        for &(text, offset, message) in cases {
            assert_eq!(error_of(text), (offset, message.to_string()), "{text}");
        }
    }

    #[test]
    fn keeps_what_was_read_before_a_syntax_error() {
        let doc = read(r#"{"a": [ { "prefix": [1, 2 3] } ] }"#);
        let Some(Node {
            json: Json::Object(members),
            closed: false,
            ..
        }) = doc.root
        else {
            panic!("expected a partial object");
        };
        assert_eq!(members[0].key, "a");
        assert!(!members[0].value.closed);
    }

    #[test]
    fn notes_trailing_text_and_blank_input() {
        assert_eq!(read(r#"{"a": ["b"]} x"#).trailing, Some(13));
        assert_eq!(read("  ").root, None);
    }
}
