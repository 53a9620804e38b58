//! Byte offsets → line:column, for many offsets of one text.
//!
//! `LineColumn::of` scans from the start of the text every time; asking it for each of 10,000
//! records of a 20 MB log file (often one single line) would be quadratic. Records are visited
//! in text order, so a cursor that only moves forward makes the whole pass linear.

use eventpen_pattern::position::LineColumn;

/// A forward-moving line:column counter over one text.
pub(crate) struct PositionCursor<'t> {
    text: &'t str,
    offset: usize,
    at: LineColumn,
}

impl<'t> PositionCursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        PositionCursor {
            text,
            offset: 0,
            at: LineColumn { line: 1, column: 1 },
        }
    }

    /// The line:column of byte `offset`, same as `LineColumn::of(text, offset)`.
    pub fn at(&mut self, offset: usize) -> LineColumn {
        let offset = offset.min(self.text.len());
        if offset < self.offset || !self.text.is_char_boundary(offset) {
            return LineColumn::of(self.text, offset);
        }
        for c in self.text[self.offset..offset].chars() {
            if c == '\n' {
                self.at.line += 1;
                self.at.column = 1;
            } else {
                self.at.column += 1;
            }
        }
        self.offset = offset;
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_line_column_of() {
        let text = "{\"a\":1}\n  é{\"b\":\n2}\n\n[3]";
        let mut cursor = PositionCursor::new(text);
        for offset in (0..=text.len() + 2).filter(|&o| o > text.len() || text.is_char_boundary(o)) {
            assert_eq!(cursor.at(offset), LineColumn::of(text, offset), "{offset}");
        }
        assert_eq!(cursor.at(1), LineColumn::of(text, 1), "going back");
    }
}
