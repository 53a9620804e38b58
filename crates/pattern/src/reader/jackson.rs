//! Jackson's ways of naming characters and places in its error messages, which AWS passes on.

use crate::position::LineColumn;

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
pub(super) fn source_description(text: &str, offset: usize) -> String {
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
