//! Tables for the chunked log-file reader: fed in pieces of every size, it yields what the
//! whole-text reader yields (events and their places), and reports a text cut short.

use super::*;
use crate::fixtures::{ASSUME_ROLE, RUN_INSTANCES};
use crate::read_log_file;

/// What a reader yielded, comparable: per event (json, offset, line:column, path, index);
/// per problem its text.
fn outline(item: RawItem<'_>) -> String {
    match item {
        RawItem::Event(e) => format!(
            "{} @{} {}:{} {} #{}",
            e.json(),
            e.offset,
            e.position.line,
            e.position.column,
            e.path,
            e.index
        ),
        RawItem::Problem(p) => format!("problem: {p}"),
    }
}

/// Everything `LogFileChunks` yields for `text` fed `piece` bytes at a time.
fn chunked(text: &str, piece: usize) -> Vec<String> {
    chunked_by(text, piece, false)
}

/// [`chunked`], every other piece written into the reader's room instead of given.
fn chunked_by(text: &str, piece: usize, in_room: bool) -> Vec<String> {
    let mut chunks = LogFileChunks::new("log.json");
    let mut found = Vec::new();
    let mut sink = |item: RawItem<'_>| {
        found.push(outline(item));
        ControlFlow::Continue(())
    };
    for (index, part) in text.as_bytes().chunks(piece).enumerate() {
        if in_room && index % 2 == 0 {
            chunks.room(part.len()).copy_from_slice(part);
            let _ = chunks.feed_filled(&mut sink);
        } else {
            let _ = chunks.feed(part, &mut sink);
        }
    }
    let _ = chunks.finish(&mut sink);
    found
}

fn whole(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    read_log_file("log.json", text, &mut |item| {
        found.push(outline(item));
        ControlFlow::Continue(())
    });
    found
}

/// An EventBridge event inside `Records` (the reader's slow path).
const EVENTBRIDGE: &str =
    r#"{"source":"aws.s3","detail-type":"X","detail":{"key":"a \"}]\\ b"},"id":"1"}"#;

#[test]
fn pieces_of_any_size_read_as_the_whole_text() {
    #[rustfmt::skip]
    let texts = [
        format!("{{\"Records\":[{RUN_INSTANCES}]}}"),
        format!("{{\"Records\":[{RUN_INSTANCES},{ASSUME_ROLE}]}}"),
        format!("\u{feff}{{ \"Records\" : [\n  {RUN_INSTANCES} ,\n  {ASSUME_ROLE}\n ] }}\n"),
        format!("{{\"Records\":[{RUN_INSTANCES}],\"Other\":{{\"a\":[\"]}}\"]}}}}{{\"Records\":[{ASSUME_ROLE}]}}"),
        format!("{{\"Records\":[{EVENTBRIDGE},{RUN_INSTANCES}]}}"),
        "{\"Records\":[]}".to_string(),
        format!("{{\"Records\":[\"café\",{ASSUME_ROLE}]}}"),
    ];
    for text in &texts {
        let expected = whole(text);
        assert!(!expected.is_empty() || text.contains("[]"), "{text}");
        for piece in [1, 2, 7, 64, 1000, text.len()] {
            assert_eq!(chunked(text, piece), expected, "pieces of {piece}: {text}");
            let in_room = chunked_by(text, piece, true);
            assert_eq!(in_room, expected, "pieces of {piece} in room: {text}");
        }
    }
}

#[test]
fn a_text_cut_short_or_not_a_log_file_is_reported_where_it_goes_wrong() {
    let cut = format!("{{\"Records\":[{RUN_INSTANCES},{{\"eventID\":");
    let cut_at = cut.len();
    #[rustfmt::skip]
    let cases: [(&str, usize, &str); 4] = [
        // (text, events before the problem, where the problem is)
        (&cut, 1, &format!("@{cut_at}")),
        ("{\"Records\":[", 0, "@12"),
        ("{\"Records\":[}", 0, "@12"),
        ("{\"Events\":[]}", 0, "@0"),
    ];
    for (text, events, place) in cases {
        for piece in [1, 5, text.len()] {
            let found = chunked(text, piece);
            let problems: Vec<&String> =
                found.iter().filter(|f| f.starts_with("problem")).collect();
            assert_eq!(found.len() - problems.len(), events, "{text}");
            assert_eq!(problems.len(), 1, "{text}: {found:?}");
            let mut reader = LogFileChunks::new("log.json");
            let mut offsets = Vec::new();
            let mut sink = |item: RawItem<'_>| {
                if let RawItem::Problem(p) = item {
                    offsets.push(format!("@{}", p.offset.unwrap_or(usize::MAX)));
                }
                ControlFlow::Continue(())
            };
            for part in text.as_bytes().chunks(piece) {
                let _ = reader.feed(part, &mut sink);
            }
            let _ = reader.finish(&mut sink);
            assert_eq!(offsets, [place], "{text}");
        }
    }
}

#[test]
fn only_the_unfinished_record_is_held() {
    let text = format!("{{\"Records\":[{}]}}", [RUN_INSTANCES; 50].join(","));
    let mut reader = LogFileChunks::new("log.json");
    let mut sink = |_: RawItem<'_>| ControlFlow::Continue(());
    let mut most = 0;
    for part in text.as_bytes().chunks(4096) {
        let _ = reader.feed(part, &mut sink);
        most = most.max(reader.buffer.len());
    }
    assert_eq!(reader.events(), 50);
    assert!(most < RUN_INSTANCES.len() + 4096, "{most}");
}
