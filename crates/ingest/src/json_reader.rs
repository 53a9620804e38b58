//! Reading JSON text that may hold many documents (JSON Lines, concatenated `}{`, arrays) while
//! remembering where each record starts, so events and problems can point into the input.
//!
//! serde_json reads each value; this module only walks the top level by hand: the items of a
//! top-level array and of the arrays directly inside a top-level object (`Records`, `Events`,
//! `Messages`, …). That is where records live, and walking it item by item means a broken item
//! keeps the items read before it.

use serde_json::{Map, Value};
use std::ops::Range;

/// Invalid JSON at a byte offset of the input text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    /// Byte offset of the offending character (or the end of the text).
    pub offset: usize,
    /// What is wrong, without serde_json's " at line … column …" suffix.
    pub message: String,
    /// Whether reading this input must stop here (a cap), rather than resume at the next line.
    pub stop: bool,
}

/// One top-level JSON value and where its parts are.
#[derive(Debug)]
pub(crate) struct Document {
    /// The value; for a document cut short by an error, what was complete before it.
    pub value: Value,
    /// Byte range of the whole document in the text.
    pub span: Range<usize>,
    /// Byte ranges of array items: key `None` for a top-level array, `Some(key)` for an array
    /// member of a top-level object.
    pub item_spans: ItemSpans,
}

/// Byte ranges of array items, per array: `None` for a top-level array, `Some(key)` for the
/// array member `key` of a top-level object.
pub(crate) type ItemSpans = Vec<(Option<String>, Vec<Range<usize>>)>;

/// What a text holds, in text order: documents and the errors between them.
#[derive(Debug)]
pub(crate) enum Piece {
    /// A complete document, or the complete part of a broken one.
    Document(Document),
    /// Invalid JSON; reading resumed at the next line that starts a document, if any.
    Error(JsonError),
}

/// How many documents, or items of one array, are parsed at most: one more than the event cap,
/// so the cap still reports itself, while a 50 MB file of tiny values never turns into a
/// million parsed values in a browser tab.
const MAX_ITEMS: usize = crate::MAX_EVENTS + 1;

/// Reads every top-level document of `text`. After an error inside a document, reading resumes
/// at the next line that starts (in column 1) with `{` or `[` — how JSON Lines and concatenated
/// JSON look — so one bad line never drops the good ones.
pub(crate) fn read_documents(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut documents = 0;
    let mut pos = skip_whitespace(text, 0);
    while pos < text.len() {
        if documents == MAX_ITEMS {
            pieces.push(Piece::Error(too_many(pos)));
            break;
        }
        documents += 1;
        match read_document(text, pos) {
            Ok(document) => {
                pos = skip_whitespace(text, document.span.end);
                // Records copied out of an array keep their separating commas: accept them.
                if text.as_bytes().get(pos) == Some(&b',') {
                    pos += 1;
                }
                pieces.push(Piece::Document(document));
            }
            Err((partial, mut error)) => {
                let resume = if error.stop {
                    None
                } else {
                    resume_after(text, pos, error.offset)
                };
                let kept: usize = partial
                    .iter()
                    .flat_map(|d| &d.item_spans)
                    .map(|(_, s)| s.len())
                    .sum();
                if kept > 0 {
                    let items = if kept == 1 { "item was" } else { "items were" };
                    error.message =
                        format!("{} ({kept} complete {items} read before it)", error.message);
                }
                if let Some(document) = partial {
                    pieces.push(Piece::Document(*document));
                }
                pieces.push(Piece::Error(error));
                match resume {
                    Some(next) => pos = next,
                    None => break,
                }
            }
        }
        pos = skip_whitespace(text, pos);
    }
    pieces
}

/// A failed read: what was complete before the error (only inside arrays), and the error.
type Failed = (Option<Box<Document>>, JsonError);

fn read_document(text: &str, start: usize) -> Result<Document, Failed> {
    match text.as_bytes().get(start) {
        Some(b'[') => match read_array(text, start) {
            Ok((items, spans, end)) => Ok(Document {
                value: Value::Array(items),
                span: start..end,
                item_spans: vec![(None, spans)],
            }),
            Err((items, spans, error)) => {
                let partial = Document {
                    value: Value::Array(items),
                    span: start..error.offset,
                    item_spans: vec![(None, spans)],
                };
                Err((Some(Box::new(partial)), error))
            }
        },
        Some(b'{') => read_object(text, start),
        _ => match read_value(text, start) {
            Ok((value, end)) => Ok(Document {
                value,
                span: start..end,
                item_spans: Vec::new(),
            }),
            Err(error) => Err((None, error)),
        },
    }
}

/// Items, their spans, and the end offset of the array.
type ArrayRead = (Vec<Value>, Vec<Range<usize>>, usize);
/// The complete items before the error, their spans, and the error.
type ArrayFailed = (Vec<Value>, Vec<Range<usize>>, JsonError);

fn read_array(text: &str, start: usize) -> Result<ArrayRead, ArrayFailed> {
    let mut items = Vec::new();
    let mut spans = Vec::new();
    let mut pos = skip_whitespace(text, start + 1);
    if text.as_bytes().get(pos) == Some(&b']') {
        return Ok((items, spans, pos + 1));
    }
    loop {
        pos = skip_whitespace(text, pos);
        if items.len() == MAX_ITEMS {
            return Err((items, spans, too_many(pos)));
        }
        match read_value(text, pos) {
            Ok((item, end)) => {
                items.push(item);
                spans.push(pos..end);
                pos = skip_whitespace(text, end);
            }
            Err(error) => return Err((items, spans, error)),
        }
        match text.as_bytes().get(pos) {
            Some(b',') => pos += 1,
            Some(b']') => return Ok((items, spans, pos + 1)),
            Some(_) => return Err((items, spans, error_at(pos, "expected `,` or `]`"))),
            None => {
                let error = error_at(pos, "unexpected end of input: the array is not closed");
                return Err((items, spans, error));
            }
        }
    }
}

fn read_object(text: &str, start: usize) -> Result<Document, Failed> {
    let mut map = Map::new();
    let mut item_spans = Vec::new();
    let mut pos = skip_whitespace(text, start + 1);
    if text.as_bytes().get(pos) == Some(&b'}') {
        return Ok(Document {
            value: Value::Object(map),
            span: start..pos + 1,
            item_spans,
        });
    }
    loop {
        pos = skip_whitespace(text, pos);
        let key = match text.as_bytes().get(pos) {
            Some(b'"') => match read_value(text, pos) {
                Ok((Value::String(key), end)) => {
                    pos = end;
                    key
                }
                Ok(_) => return Err((None, error_at(pos, "key must be a string"))),
                Err(error) => return Err((None, error)),
            },
            Some(_) => return Err((None, error_at(pos, "key must be a string"))),
            None => return Err((None, end_of_input(pos, "the object is not closed"))),
        };
        pos = skip_whitespace(text, pos);
        match text.as_bytes().get(pos) {
            Some(b':') => pos = skip_whitespace(text, pos + 1),
            Some(_) => return Err((None, error_at(pos, "expected `:`"))),
            None => return Err((None, end_of_input(pos, "the object is not closed"))),
        }
        if text.as_bytes().get(pos) == Some(&b'[') {
            match read_array(text, pos) {
                Ok((items, spans, end)) => {
                    item_spans.push((Some(key.clone()), spans));
                    map.insert(key, Value::Array(items));
                    pos = end;
                }
                Err((items, spans, error)) => {
                    // Keep the records read so far: a truncated log file still shows them.
                    item_spans.push((Some(key.clone()), spans));
                    map.insert(key, Value::Array(items));
                    let partial = Document {
                        value: Value::Object(map),
                        span: start..error.offset,
                        item_spans,
                    };
                    return Err((Some(Box::new(partial)), error));
                }
            }
        } else {
            match read_value(text, pos) {
                Ok((value, end)) => {
                    map.insert(key, value);
                    pos = end;
                }
                Err(error) => return Err((None, error)),
            }
        }
        pos = skip_whitespace(text, pos);
        match text.as_bytes().get(pos) {
            Some(b',') => pos += 1,
            Some(b'}') => {
                return Ok(Document {
                    value: Value::Object(map),
                    span: start..pos + 1,
                    item_spans,
                });
            }
            Some(_) => return Err((None, error_at(pos, "expected `,` or `}`"))),
            None => return Err((None, end_of_input(pos, "the object is not closed"))),
        }
    }
}

/// Reads one JSON value starting at `start`; returns it and the offset just after it.
pub(crate) fn read_value(text: &str, start: usize) -> Result<(Value, usize), JsonError> {
    let rest = text.get(start..).unwrap_or("");
    let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
    match stream.next() {
        Some(Ok(value)) => Ok((value, start + stream.byte_offset())),
        Some(Err(error)) => Err(from_serde(rest, start, &error)),
        None => Err(end_of_input(text.len(), "expected a value")),
    }
}

/// Turns a serde_json error about `slice` (which starts at byte `base` of the text) into a
/// [`JsonError`] with an absolute byte offset.
pub(crate) fn from_serde(slice: &str, base: usize, error: &serde_json::Error) -> JsonError {
    let line_start = slice
        .match_indices('\n')
        .nth(error.line().saturating_sub(2))
        .map_or(0, |(i, _)| i + 1);
    let line_start = if error.line() <= 1 { 0 } else { line_start };
    // serde_json counts columns in bytes, 1-based, pointing at the offending byte.
    let offset = (line_start + error.column().saturating_sub(1)).min(slice.len());
    JsonError {
        offset: base + offset,
        message: message_of(error),
        stop: false,
    }
}

/// serde_json's message without its " at line L column C" suffix, in plainer words.
fn message_of(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    if message == "expected ident" {
        return "invalid literal: expected true, false or null".to_string();
    }
    match message.strip_prefix("EOF while parsing ") {
        Some(what) => format!("unexpected end of input while reading {what}"),
        None => message.to_string(),
    }
}

fn too_many(offset: usize) -> JsonError {
    let message = format!("more than {MAX_ITEMS} values: the rest of this input was not read");
    JsonError {
        offset,
        message,
        stop: true,
    }
}

fn error_at(offset: usize, message: &str) -> JsonError {
    JsonError {
        offset,
        message: message.to_string(),
        stop: false,
    }
}

fn end_of_input(offset: usize, what: &str) -> JsonError {
    error_at(offset, &format!("unexpected end of input: {what}"))
}

fn skip_whitespace(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// Where to resume after an error in the document that started at `start`: the first line
/// after the error that starts with `{` in column 1 (JSON Lines, `}{` per line, records between
/// log lines that are not JSON) — or the error's own line when the error is that `{` (the line
/// before was left unclosed). A broken top-level array is not resumed inside: its items are not
/// documents of their own.
fn resume_after(text: &str, start: usize, error_offset: usize) -> Option<usize> {
    if text.as_bytes().get(start) == Some(&b'[') {
        return None;
    }
    let error_offset = error_offset.min(text.len());
    let at_line_start = error_offset == 0 || text.as_bytes().get(error_offset - 1) == Some(&b'\n');
    if at_line_start && error_offset > start && text.as_bytes().get(error_offset) == Some(&b'{') {
        return Some(error_offset);
    }
    let mut from = error_offset;
    loop {
        let line_start = from + text.get(from..)?.find('\n')? + 1;
        if text.as_bytes().get(line_start) == Some(&b'{') {
            return Some(line_start);
        }
        from = line_start;
    }
}
