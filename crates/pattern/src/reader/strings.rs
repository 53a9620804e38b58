//! Strings: escapes, `\\uXXXX` and surrogate pairs, with Jackson's messages.

use super::{Reader, describe_char};

/// Jackson words its string errors by what the string is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum StringKind {
    /// A field name.
    Name,
    /// A string value.
    Value,
}

/// Jackson's message for the end of input inside an escape (`\`, `\u12`).
const EOF_IN_ESCAPE: &str = "Unexpected end-of-input in character escape sequence";

impl Reader<'_> {
    /// Reads a string starting at the opening quote; `None` after a syntax error.
    pub(super) fn string(&mut self, kind: StringKind) -> Option<String> {
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
                    let message = match kind {
                        StringKind::Name => "Unexpected end-of-input in field name",
                        StringKind::Value => {
                            "Unexpected end-of-input: was expecting closing quote for a string value"
                        }
                    };
                    self.fail(self.pos, message.to_string());
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
                            "Illegal unquoted character ({}): has to be escaped using backslash to be included in {}",
                            describe_char(char::from(b)),
                            if kind == StringKind::Name { "name" } else { "string value" }
                        ),
                    );
                    return None;
                }
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        let Some(c) = self.char_at(self.pos) else {
            self.fail(self.pos, EOF_IN_ESCAPE.to_string());
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
                self.fail(self.pos, EOF_IN_ESCAPE.to_string());
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
}
