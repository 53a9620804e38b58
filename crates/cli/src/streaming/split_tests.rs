//! Tables for the splitter: every layout, positions, paths, and the record limit.

use super::*;

/// A record found: its text, line, column and JSON path.
type Record = (String, u64, u64, Option<String>);
/// A case: the input, and its records as `(text, line, column, path)`.
type Case<'a> = (&'a str, &'a [(&'a str, u64, u64, Option<String>)]);

/// The records of `text`; skipped ones as `TOO LARGE`.
fn split(text: &str, max_record: usize) -> Vec<Record> {
    let bytes = Bytes::new(Box::new(io::Cursor::new(text.as_bytes().to_vec())));
    let mut splitter = Splitter::new(bytes, max_record).expect("in memory");
    let mut found = Vec::new();
    loop {
        let mut out = Vec::new();
        match splitter.next_record(&mut out).expect("in memory") {
            Found::Record(at, container) => found.push((
                String::from_utf8_lossy(&out).into_owned(),
                at.line,
                at.column,
                container.path(),
            )),
            Found::TooLarge(at, container, _) => {
                found.push(("TOO LARGE".into(), at.line, at.column, container.path()))
            }
            Found::End => return found,
        }
    }
}

#[test]
fn records_are_found_in_every_layout() {
    let p = |s: &str| Some(s.to_string());
    #[rustfmt::skip]
    let cases: &[Case] = &[
        // JSON Lines: one record per line, a broken line is a record of its own.
        ("{\"a\":1}\n\n{\"a\": \n{\"b\":\"}\"}\r\n", &[("{\"a\":1}", 1, 1, None), ("{\"a\":", 3, 1, None), ("{\"b\":\"}\"}", 4, 1, None)]),
        ("\u{feff}{\"a\":1}\n{\"a\":2}", &[("{\"a\":1}", 1, 1, None), ("{\"a\":2}", 2, 1, None)]),
        // Pretty-printed values, one after another; strings may hold brackets.
        ("{\n \"a\": \"]}\\\"\"\n}\n{\"b\": [1, {}]} 7 \"s\"", &[("{\n \"a\": \"]}\\\"\"\n}", 1, 1, None), ("{\"b\": [1, {}]}", 4, 1, None), ("7", 4, 16, None), ("\"s\"", 4, 18, None)]),
        // An array: its elements.
        ("[\n  {\"a\": 1},\n  {\"a\": [2]}\n]", &[("{\"a\": 1}", 2, 3, p("[0]")), ("{\"a\": [2]}", 3, 3, p("[1]"))]),
        // A log file: the records, the other keys skipped; a second log file after it.
        ("{\"Records\": [{\"r\": 1}, {\"r\": 2}], \"x\": {}}\n{ \"Records\" : [ {\"r\": 3} ] }", &[("{\"r\": 1}", 1, 14, p("Records[0]")), ("{\"r\": 2}", 1, 24, p("Records[1]")), ("{\"r\": 3}", 2, 17, p("Records[0]"))]),
        // Unfinished at the end: what there is, for the worker to report.
        ("{\"Records\": [{\"r\": 1}, {\"r\": ", &[("{\"r\": 1}", 1, 14, p("Records[0]")), ("{\"r\": ", 1, 24, p("Records[1]"))]),
        // Stray closing brackets are one-byte records (reported by the worker, not lost).
        ("} {\"a\": 1}", &[("}", 1, 1, None), ("{\"a\": 1}", 1, 3, None)]),
        ("", &[]),
        (" \n ", &[]),
    ];
    for (text, want) in cases {
        let want: Vec<_> = want
            .iter()
            .map(|(t, l, c, p)| (t.to_string(), *l, *c, p.clone()))
            .collect();
        assert_eq!(split(text, 1 << 20), want, "{text:?}");
    }
}

#[test]
fn records_over_the_limit_are_skipped_and_reading_goes_on() {
    #[rustfmt::skip]
    let cases: &[(&str, &[&str])] = &[
        ("{\"a\":1}\n{\"a\":\"0123456789\"}\n{\"b\":2}\n", &["{\"a\":1}", "TOO LARGE", "{\"b\":2}"]),
        ("[{\"a\":\"0123456789\"}, {\"b\":2}]", &["TOO LARGE", "{\"b\":2}"]),
    ];
    for (text, want) in cases {
        let got: Vec<String> = split(text, 12).into_iter().map(|(t, ..)| t).collect();
        assert_eq!(got, *want, "{text:?}");
    }
}
