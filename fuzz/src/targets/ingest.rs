//! Ingest: any bytes, as several inputs, become events and problems within the caps.
//!
//! Input layout: `\0`-separated inputs. An input starting with `GZ:` is gzip-compressed first,
//! `GZ2:` becomes two gzip members, `GZX:` a good member followed by a cut one — so the
//! mutator reaches the gzip paths without having to invent a valid deflate stream.

use crate::runner::Verdict;
use arbitrary::Unstructured;
use eventpen_ingest::{Input, MAX_EVENTS, MAX_INPUTS, MAX_PROBLEMS, ingest};

/// Tokens of the shapes ingest reads.
pub const DICTIONARY: &[&[u8]] = &[
    b"GZ:",
    b"GZ2:",
    b"GZX:",
    b"{\"Records\":[",
    b"\"eventVersion\":\"1.08\"",
    b"\"eventSource\":\"ec2.amazonaws.com\"",
    b"\"eventName\":\"RunInstances\"",
    b"\"detail-type\":",
    b"\"source\":",
    b"\"detail\":{",
    b"\"Entries\":[",
    b"\"Events\":[",
    b"\"CloudTrailEvent\":\"",
    b"\"Message\":\"",
    b"\"Body\":\"",
    b"\"Type\":\"Notification\"",
    b"\"eventJson\":",
    b"\"Detail\":\"",
    b"\\\"",
    b"\n",
    b"\xef\xbb\xbf",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"]}",
    b"\x00",
];

/// Runs one input; panics if a cap or a reference is broken.
pub fn run(data: &[u8]) -> Verdict {
    let mut u = Unstructured::new(data.get(..8).unwrap_or_default());
    let repeat_name = u.ratio(1, 4).unwrap_or(false);
    let texts: Vec<Vec<u8>> = data.split(|&b| b == 0).map(prepare).collect();
    let names: Vec<String> = (0..texts.len())
        .map(|i| {
            if repeat_name {
                "pasted text".to_string()
            } else {
                format!("input-{i}.json")
            }
        })
        .collect();
    let inputs: Vec<Input> = texts
        .iter()
        .zip(&names)
        .map(|(bytes, name)| Input { name, bytes })
        .collect();
    let ingested = ingest(&inputs);
    assert!(
        ingested.events.len() <= MAX_EVENTS,
        "{} events",
        ingested.events.len()
    );
    let summaries = 2 + inputs.len().min(MAX_INPUTS);
    assert!(
        ingested.problems.len() <= MAX_PROBLEMS + summaries,
        "{} problems",
        ingested.problems.len()
    );
    for problem in &ingested.problems {
        assert!(
            names.contains(&problem.input),
            "problem names an unknown input: {problem}"
        );
        let _ = problem.to_string();
    }
    for event in &ingested.events {
        assert!(
            names.contains(&event.origin.input),
            "event from an unknown input"
        );
        assert!(
            event.event.is_object(),
            "an event is a JSON object: {}",
            event.event
        );
    }
    if ingested.events.is_empty() {
        Verdict::Boring
    } else {
        Verdict::Interesting
    }
}

/// Apply the `GZ…:` prefixes.
fn prepare(part: &[u8]) -> Vec<u8> {
    if let Some(rest) = part.strip_prefix(b"GZ2:") {
        let (a, b) = rest.split_at(rest.len() / 2);
        [gzip_stored(a), gzip_stored(b)].concat()
    } else if let Some(rest) = part.strip_prefix(b"GZX:") {
        let (a, b) = rest.split_at(rest.len() / 2);
        let broken = gzip_stored(b);
        [gzip_stored(a), broken[..broken.len() / 2].to_vec()].concat()
    } else if let Some(rest) = part.strip_prefix(b"GZ:") {
        gzip_stored(rest)
    } else {
        part.to_vec()
    }
}

/// A gzip member holding `bytes` in stored (uncompressed) deflate blocks, RFC 1951 §3.2.4.
/// Written by hand because a real compressor costs more than the call being timed; the
/// decoder's Huffman paths are covered by the seeds, which are compressed for real.
fn gzip_stored(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let mut chunks = bytes.chunks(u16::MAX as usize).peekable();
    if chunks.peek().is_none() {
        out.extend([1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        let len = chunk.len() as u16;
        out.push(u8::from(chunks.peek().is_none()));
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(chunk);
    }
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    out.extend(crc.sum().to_le_bytes());
    out.extend((bytes.len() as u32).to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    #[test]
    fn stored_gzip_decompresses_to_its_input() {
        let big = [7u8; 70_000];
        for input in [&b""[..], b"{}", &big] {
            let mut out = Vec::new();
            let gzip = super::gzip_stored(input);
            let mut decoder = flate2::read::GzDecoder::new(&gzip[..]);
            decoder.read_to_end(&mut out).expect("valid gzip");
            assert_eq!(out, input);
        }
    }
}
