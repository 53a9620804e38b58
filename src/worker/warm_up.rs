//! A small load when the worker starts, thrown away: V8 runs new wasm in its baseline tier and
//! compiles optimised code for a function only once it has run a while, in the background, so
//! the first tenth of a second of the user's first load ran several times slower than the
//! rest (measured at 100,000 events: the first 4 MiB chunk took 80–130 ms, later ones 40–45).
//! Loading a few hundred generated records here, while the page is still starting, lets that
//! compilation happen before a file is picked.
use eventpen_ingest::fixtures;
use eventpen_playground::session::{ChunkedLoad, Session};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Records in the warm-up log file (about 400 KB: a few milliseconds of work once optimised).
const RECORDS: usize = 300;
/// The pieces it is fed in, so the functions that walk a chunk are called again and again.
const PIECE: usize = 16 * 1024;

/// Runs the warm-up after the worker's current task (messages already waiting go first).
pub(super) fn soon() {
    let warm = Closure::once_into_js(warm_up);
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 0);
}

/// Loads a generated log file into a session of its own and drops both; starts the reader
/// worker too.
fn warm_up() {
    super::reader::prepare();
    let text = log_file();
    let mut load = ChunkedLoad::new(0, "warm-up.json", text.len(), false);
    for piece in text.as_bytes().chunks(PIECE) {
        load.push(piece);
    }
    let mut session = Session::default();
    let _ = load.finish(&mut session);
}

/// A compact log file of the crate's fixture records, each with an `eventID` of its own (new
/// values take the dictionaries' insert path, repeated ones their lookup path).
fn log_file() -> String {
    let records: Vec<Value> = fixtures::ALL
        .iter()
        .filter_map(|(_, text)| serde_json::from_str::<Value>(text).ok())
        .filter(|record| record.get("eventID").is_some())
        .collect();
    let mut out = String::from("{\"Records\":[");
    for index in 0..RECORDS {
        let Some(record) = records.get(index % records.len().max(1)) else {
            break;
        };
        let mut record = record.clone();
        record["eventID"] = Value::String(format!("warm-up-{index}"));
        if index > 0 {
            out.push(',');
        }
        out.push_str(&record.to_string());
    }
    out.push_str("]}");
    out
}
