//! Bytes → text: gunzip when the bytes start with gzip's magic number (not by file name: a
//! browser may hand us `download (3)`), then UTF-8 with an optional BOM.

use crate::model::ProblemKind;
use eventpen_pattern::position::LineColumn;
use flate2::read::MultiGzDecoder;
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

/// Decompresses gzip `bytes`, refusing output larger than `limit` bytes.
pub(crate) fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut decoder = MultiGzDecoder::new(bytes).take(cap);
    decoder.read_to_end(&mut out).map_err(|e| DecodeError {
        kind: ProblemKind::InvalidGzip,
        position: None,
        offset: None,
        message: format!("this gzip file could not be decompressed: {e}"),
    })?;
    if out.len() > limit {
        return Err(DecodeError {
            kind: ProblemKind::InputTooLarge,
            position: None,
            offset: None,
            message: format!(
                "this gzip file decompresses to more than the {} MiB left of the input size limit \
                 ({} MiB in total); it was not read",
                limit / (1024 * 1024),
                crate::MAX_INPUT_BYTES / (1024 * 1024)
            ),
        });
    }
    Ok(out)
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
