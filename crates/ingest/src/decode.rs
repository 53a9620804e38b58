//! Bytes → text: gunzip when the bytes start with gzip's magic number (not by file name: a
//! browser may hand us `download (3)`), then UTF-8 with an optional BOM.

use crate::model::ProblemKind;
use eventpen_pattern::position::LineColumn;
use flate2::bufread::GzDecoder;
use std::io::Read;

/// gzip's magic bytes, RFC 1952 §2.3.1.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Why bytes could not become text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodeError {
    /// Invalid gzip, too large, or invalid UTF-8.
    pub kind: ProblemKind,
    /// Where, for invalid UTF-8 (the first invalid byte).
    pub position: Option<LineColumn>,
    /// The byte offset of that place.
    pub offset: Option<usize>,
    /// What is wrong, for people.
    pub message: String,
}

/// Compressed or archive formats people drop by mistake, by magic bytes, with what to do.
const OTHER_FORMATS: &[(&[u8], &str)] = &[
    (b"PK\x03\x04", "a zip archive"),
    (b"BZh", "a bzip2 file"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"\x28\xb5\x2f\xfd", "a zstd file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
];

/// A clear problem for a compressed format EventPen does not read, instead of "invalid UTF-8".
pub(crate) fn unsupported_format(bytes: &[u8]) -> Option<DecodeError> {
    let (_, what) = OTHER_FORMATS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))?;
    Some(DecodeError {
        kind: ProblemKind::UnsupportedFormat,
        position: None,
        offset: None,
        message: format!(
            "this is {what}: EventPen reads JSON text and gzip (.json.gz); extract it and add \
             the files inside"
        ),
    })
}

/// Whether `bytes` are gzip-compressed.
pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// gzip `bytes` inflated member by member, for callers that inflate before ingesting (the app
/// keeps a dropped `.json.gz` as text): `Ok((text bytes, damage))` where `damage` says why
/// reading stopped after good members; `Err(why)` when not even the first member is good.
/// At most `limit` bytes come out.
pub fn inflate_gzip(bytes: &[u8], limit: usize) -> Result<(Vec<u8>, Option<String>), String> {
    gunzip(bytes, limit)
        .map(|inflated| (inflated.bytes, inflated.damaged.map(|d| d.message)))
        .map_err(|error| error.message)
}

/// What [`gunzip`] recovered.
#[derive(Debug)]
pub(crate) struct Gunzipped {
    /// The text of every good member, in order.
    pub bytes: Vec<u8>,
    /// Why reading stopped early after at least one good member, if it did.
    pub damaged: Option<DecodeError>,
}

/// Decompresses gzip `bytes` member by member (a gzip file may be several members, e.g. log
/// files concatenated with `cat`), refusing output larger than `limit` bytes. A bad or
/// oversized member after good ones ends the reading but keeps the good ones, with the reason
/// in [`Gunzipped::damaged`]; if the first member is bad, there is nothing to keep: `Err`.
pub(crate) fn gunzip(bytes: &[u8], limit: usize) -> Result<Gunzipped, DecodeError> {
    let mut out = Vec::new();
    let mut rest = bytes;
    let mut members = 0usize;
    while !rest.is_empty() {
        let offset = bytes.len() - rest.len();
        if !is_gzip(rest) {
            if members > 0 && rest.iter().all(|&b| b == 0) {
                break; // zero padding after the last member, as tape and block tools write
            }
            let problem = not_gzip_after(members, offset, rest.len());
            return keep_or_fail(out, members, problem);
        }
        let good = out.len();
        let cap = u64::try_from(limit - good)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        let mut decoder = GzDecoder::new(rest);
        let read = (&mut decoder).take(cap).read_to_end(&mut out);
        if let Err(error) = read {
            out.truncate(good);
            let problem = bad_member(members, offset, &error);
            return keep_or_fail(out, members, problem);
        }
        if out.len() > limit {
            out.truncate(good);
            return keep_or_fail(out, members, too_large(limit));
        }
        rest = decoder.into_inner();
        members += 1;
    }
    Ok(Gunzipped {
        bytes: out,
        damaged: None,
    })
}

/// The good members with the reason reading stopped, or the reason alone when there are none.
fn keep_or_fail(
    out: Vec<u8>,
    members: usize,
    problem: DecodeError,
) -> Result<Gunzipped, DecodeError> {
    if members == 0 {
        return Err(problem);
    }
    Ok(Gunzipped {
        bytes: out,
        damaged: Some(problem),
    })
}

fn bad_member(members: usize, offset: usize, error: &std::io::Error) -> DecodeError {
    let message = if members == 0 {
        format!("this gzip file could not be decompressed: {error}")
    } else {
        format!(
            "gzip member {} (from byte {offset}) could not be decompressed: {error}; the {members} \
             member(s) before it were read",
            members + 1
        )
    };
    DecodeError {
        kind: ProblemKind::InvalidGzip,
        position: None,
        offset: None,
        message,
    }
}

fn not_gzip_after(members: usize, offset: usize, len: usize) -> DecodeError {
    DecodeError {
        kind: ProblemKind::InvalidGzip,
        position: None,
        offset: None,
        message: format!(
            "the {len} bytes from byte {offset} are not gzip; the {members} gzip member(s) before \
             them were read"
        ),
    }
}

fn too_large(limit: usize) -> DecodeError {
    DecodeError {
        kind: ProblemKind::InputTooLarge,
        position: None,
        offset: None,
        message: format!(
            "this gzip file decompresses to more than the {} MiB left of the input size limit \
             ({} MiB in total); the part past the limit was not read",
            limit / (1024 * 1024),
            crate::MAX_INPUT_BYTES / (1024 * 1024)
        ),
    }
}

/// The bytes as UTF-8 text, without a leading BOM.
pub(crate) fn utf8_text(bytes: &[u8]) -> Result<&str, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // The prefix is valid UTF-8 by construction; the fallback is never taken.
            let prefix = std::str::from_utf8(valid).unwrap_or("");
            Err(DecodeError {
                kind: ProblemKind::InvalidUtf8,
                position: Some(LineColumn::of(prefix, prefix.len())),
                offset: Some(error.valid_up_to()),
                message: format!(
                    "invalid UTF-8 at byte offset {}: EventPen reads UTF-8 text or gzip; the input was not read",
                    error.valid_up_to()
                ),
            })
        }
    }
}
