//! Positions in text: byte offsets turned into the 1-based line:column people read.
//!
//! Columns count characters (Unicode scalar values), not bytes, so a message about a pattern
//! that contains `é` points at the same column an editor shows.

use std::fmt;

/// A 1-based line and column in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LineColumn {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

impl LineColumn {
    /// The line:column of byte `offset` in `text`. An offset past the end, or inside a
    /// multi-byte character, is clamped to the nearest character boundary before it.
    pub fn of(text: &str, offset: usize) -> LineColumn {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        LineColumn { line, column }
    }
}

impl fmt::Display for LineColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::LineColumn;

    #[test]
    fn offsets_become_line_and_column() {
        let cases: &[(&str, usize, usize, usize)] = &[
            ("", 0, 1, 1),
            ("abc", 0, 1, 1),
            ("abc", 2, 1, 3),
            ("abc", 99, 1, 4),
            ("a\nbc", 2, 2, 1),
            ("a\nbc", 3, 2, 2),
            ("é\nx", 2, 1, 2),
            ("é\nx", 1, 1, 1),
            ("{\n  \"a\": 1\n}", 9, 2, 8),
        ];
        for &(text, offset, line, column) in cases {
            assert_eq!(
                LineColumn::of(text, offset),
                LineColumn { line, column },
                "{text:?} @ {offset}"
            );
        }
    }

    #[test]
    fn displays_as_line_colon_column() {
        assert_eq!(LineColumn { line: 3, column: 7 }.to_string(), "3:7");
    }
}
