//! Where a problem is: which field of the target input, and the line and column inside it.

use std::fmt;

/// The field of the target's input configuration a problem is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// The `InputPathsMap` text (the JSON object of variable name to JSON path).
    InputPathsMap,
    /// The `InputTemplate` text.
    InputTemplate,
    /// The `InputPath` text.
    InputPath,
    /// The constant `Input` text.
    Input,
}

impl Field {
    /// The AWS property name.
    pub fn name(&self) -> &'static str {
        match self {
            Field::InputPathsMap => "InputPathsMap",
            Field::InputTemplate => "InputTemplate",
            Field::InputPath => "InputPath",
            Field::Input => "Input",
        }
    }
}

/// A position inside one field's text: byte offset, and 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Position {
    /// Byte offset into the field's text.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text, moved back to a char boundary).
    pub fn at(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let column = before[line_start..].chars().count() + 1;
        Position {
            offset,
            line,
            column,
        }
    }
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// AWS rejects the target (`PutTargets` fails) or the target input cannot be produced.
    Error,
    /// AWS accepts it, but the target receives something the user probably did not mean.
    Warning,
}

/// A problem AWS would reject (`PutTargets` fails) or that changes what the target receives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The field it is in.
    pub field: Field,
    /// Where in that field's text.
    pub position: Position,
    /// What is wrong and what to do, as a sentence.
    pub message: String,
}

impl Problem {
    /// A problem at byte `offset` of `text`.
    pub fn at(field: Field, text: &str, offset: usize, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            field,
            position: Position::at(text, offset),
            message: message.into(),
        }
    }
}

impl Problem {
    /// The same problem as a warning.
    pub fn warning(self) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..self
        }
    }

    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}:{}: {}",
            self.field.name(),
            self.position.line,
            self.position.column,
            self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Position;

    #[test]
    fn lines_and_columns() {
        let cases = [
            ("abc", 0, (1, 1)),
            ("abc", 2, (1, 3)),
            ("a\nbc", 3, (2, 2)),
            ("é<x>", 2, (1, 2)),
            ("ab", 99, (1, 3)),
        ];
        for (text, offset, (line, column)) in cases {
            let at = Position::at(text, offset);
            assert_eq!((at.line, at.column), (line, column), "{text:?} @ {offset}");
        }
    }
}
