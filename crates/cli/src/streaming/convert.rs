//! Converting one record on a worker thread with [`eventpen_ingest::ingest`], then placing what
//! it says back in the whole input: ingest sees the record alone (at line 1, column 1, with no
//! JSON path), so positions and paths are shifted to where the record really was.

use super::{Container, Position};
use eventpen_ingest::{Ingested, Input, LineColumn, Problem, ingest};

/// The events and problems of one record (or one whole input, at the start, top level).
pub fn convert(name: &str, record: &[u8], at: Position, container: Container) -> Ingested {
    let mut ingested = ingest(&[Input {
        name,
        bytes: record,
    }]);
    for problem in &mut ingested.problems {
        relocate(problem, at, container);
    }
    for event in &mut ingested.events {
        event.origin.position = event.origin.position.map(|inner| shift(inner, at));
        event.origin.offset = event.origin.offset.map(|inner| inner + at.offset as usize);
        event.origin.path = joined(container, event.origin.path.take());
    }
    ingested
}

/// Moves a problem found in a record alone to the record's place in its input.
pub fn relocate(problem: &mut Problem, at: Position, container: Container) {
    problem.position = problem.position.map(|inner| shift(inner, at));
    problem.offset = problem.offset.map(|inner| inner + at.offset as usize);
    problem.path = joined(container, problem.path.take());
}

/// A line:column inside a record, as a line:column in the input the record started at `at`.
pub fn shift(inner: LineColumn, at: Position) -> LineColumn {
    let line = at.line as usize + inner.line.saturating_sub(1);
    let column = if inner.line <= 1 {
        at.column as usize + inner.column.saturating_sub(1)
    } else {
        inner.column
    };
    LineColumn { line, column }
}

/// The container's path followed by the path inside the record.
fn joined(container: Container, inner: Option<String>) -> Option<String> {
    match (container.path(), inner) {
        (Some(outer), Some(inner)) if inner.starts_with(['[', '.']) => Some(outer + &inner),
        (Some(outer), Some(inner)) => Some(format!("{outer}.{inner}")),
        (outer, inner) => outer.or(inner),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line:column inside a record, where the record starts, the line:column in the input.
    type Shift = ((usize, usize), Position, (usize, usize));

    #[test]
    fn inner_positions_and_paths_move_to_the_record() {
        let at = |line, column| Position {
            line,
            column,
            offset: 0,
        };
        #[rustfmt::skip]
        let positions: &[Shift] = &[
            // inside the record, record start, in the input
            ((1, 1), at(1, 1), (1, 1)),
            ((1, 5), at(101, 3), (101, 7)),
            ((3, 5), at(101, 3), (103, 5)),
        ];
        for &((line, column), start, want) in positions {
            let got = shift(LineColumn { line, column }, start);
            assert_eq!(
                (got.line, got.column),
                want,
                "{line}:{column} in a record at {start:?}"
            );
        }
        #[rustfmt::skip]
        let paths: &[(Container, Option<&str>, Option<&str>)] = &[
            (Container::TopLevel, None, None),
            (Container::TopLevel, Some("Events[2]"), Some("Events[2]")),
            (Container::Array(1), None, Some("[1]")),
            (Container::Records(4), Some(".detail"), Some("Records[4].detail")),
            (Container::Records(4), Some("[0]"), Some("Records[4][0]")),
            (Container::Array(0), Some("Entries[1]"), Some("[0].Entries[1]")),
        ];
        for &(container, inner, want) in paths {
            let got = joined(container, inner.map(str::to_string));
            assert_eq!(got.as_deref(), want, "{container:?} {inner:?}");
        }
    }
}
