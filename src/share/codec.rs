//! The link format: `#v1.` + base64url (no padding) of the zlib-compressed compact JSON of a
//! [`Snapshot`].
//!
//! Why these choices (fragment lengths in bytes, measured by `tests/share_props.rs`
//! `measure_fragment_lengths` on generated, realistic CloudTrail events pretty-printed the way
//! the console shows them, each in its own input):
//!
//! | content                                    | none (base64url) | lz-string (URI) | deflate (zlib, best) |
//! |--------------------------------------------|-----------------:|----------------:|---------------------:|
//! | pattern only (RunInstances, example id)    |              470 |             341 |                  280 |
//! | 1 event (+ that pattern)                   |            4 120 |           2 246 |                1 630 |
//! | 10 events                                  |           36 711 |          13 540 |                5 458 |
//! | 100 events                                 |          362 575 |          87 298 |               38 376 |
//!
//! On the 21 gallery examples (`www/examples`, 4–5 visible CloudTrail records each plus the
//! challenge's hidden ones, hints and solution), whole links are 2.0–5.0 KB with deflate
//! against 4.2–14.2 KB with lz-string, and pattern-only links 331–664 bytes against 397–880.
//!
//! Deflate wins everywhere: 20–30 % shorter than lz-string for a pattern or one event, 2.3×
//! shorter at 100 events (its 32 KiB window and Huffman coding exploit the keys every
//! CloudTrail record repeats). Its zlib wrapper adds an Adler-32 checksum (6 bytes) so a link damaged in transit is reported
//! instead of silently opening as something else. Its decoder also takes an output limit,
//! which is how a zip bomb in a link is refused.
//!
//! Caps: links above [`WARN_LINK_BYTES`] (8 KiB) still work in every current browser but are
//! cut by many chat apps and mail clients, so the app warns. [`MAX_LINK_BYTES`] (512 KiB) is
//! the hard cap: a quarter of Chromium's documented 2 MiB URL limit (Firefox and Safari
//! document none; both are reported to take far longer URLs — verify Safari before raising
//! it), enough for about 1 300 deflated CloudTrail events, and small enough that decoding
//! stays instantaneous. The expanded content is capped at [`MAX_INFLATED_BYTES`] (16 MiB): deflate
//! can expand about 1000:1, so without it a 512 KiB link could ask for half a gigabyte; and at
//! [`MAX_INFLATION_RATIO`] times the compressed size (with a floor of
//! [`MIN_INFLATION_ALLOWANCE`]), so a short link cannot ask for megabytes of JSON either.
//! Lists inside the content are capped while they are read (`caps.rs`).

use super::{ShareError, Snapshot};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use miniz_oxide::inflate::TINFLStatus;

/// The format version written by this EventPen; it is the text between `#` and the first `.`.
pub const VERSION: &str = "v1";
/// Links longer than this (in bytes, `#` included) get a warning: many chat apps and mail
/// clients cut or refuse them.
pub const WARN_LINK_BYTES: usize = 8 * 1024;
/// Links longer than this are neither written nor read (see the module notes for why 512 KiB).
pub const MAX_LINK_BYTES: usize = 512 * 1024;
/// The largest snapshot JSON a link may expand to: the zip-bomb guard.
pub const MAX_INFLATED_BYTES: usize = 16 * 1024 * 1024;
/// How many times its compressed size a link's content may expand to (beyond
/// [`MIN_INFLATION_ALLOWANCE`]). Real content stays far below: the gallery examples and a
/// hundred generated CloudTrail events expand at most 9.8× (`tests/share_props/measure.rs`);
/// deflate's extreme is about 1000×, which is how a 10 KB link could ask for 10 MB of JSON and
/// a long freeze while it is read.
pub const MAX_INFLATION_RATIO: usize = 64;
/// Every link may expand to this much whatever its ratio: short links of repetitive text stay
/// openable, and reading 1 MiB takes milliseconds.
pub const MIN_INFLATION_ALLOWANCE: usize = 1024 * 1024;

/// Deflate level 9: links are written rarely (throttled) and read often; the best ratio wins.
const COMPRESSION_LEVEL: u8 = 9;

/// How a link's length compares with the caps, for the app's notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSize {
    /// Short enough to paste anywhere.
    Fine,
    /// Works in browsers, but chat apps and mail clients may cut it.
    Long,
    /// Over [`MAX_LINK_BYTES`]: EventPen will not write or read it.
    TooLarge,
}

/// Classify a fragment's length (`#` included) against [`WARN_LINK_BYTES`] and
/// [`MAX_LINK_BYTES`].
pub fn link_size(fragment: &str) -> LinkSize {
    match fragment.len() {
        n if n > MAX_LINK_BYTES => LinkSize::TooLarge,
        n if n > WARN_LINK_BYTES => LinkSize::Long,
        _ => LinkSize::Fine,
    }
}

/// Encode a snapshot as a URL fragment, `#` included. Never fails; use [`encode_checked`] (or
/// [`link_size`]) to refuse links over the cap.
pub fn encode(s: &Snapshot) -> String {
    encode_measured(s).0
}

/// The fragment, with the length of the JSON inside and of its compressed form.
fn encode_measured(s: &Snapshot) -> (String, usize, usize) {
    // Serializing plain strings, vectors and options into JSON cannot fail; an empty payload
    // (which decodes to an error, not to a wrong snapshot) is the defensive fallback.
    let json = serde_json::to_vec(s).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&json, COMPRESSION_LEVEL);
    let fragment = format!("#{VERSION}.{}", URL_SAFE_NO_PAD.encode(&compressed));
    (fragment, json.len(), compressed.len())
}

/// Like [`encode`], but refuses what [`decode`] would refuse: a link over [`MAX_LINK_BYTES`],
/// or content expanding past its [inflation limit](MAX_INFLATION_RATIO) (many copies of the
/// same events compress too well to be told apart from a zip bomb).
pub fn encode_checked(s: &Snapshot) -> Result<String, ShareError> {
    let (fragment, json_len, compressed_len) = encode_measured(s);
    let limit = inflation_limit(compressed_len);
    if json_len > limit {
        return Err(ShareError::TooLarge {
            what: "content",
            limit,
        });
    }
    match link_size(&fragment) {
        LinkSize::TooLarge => Err(ShareError::TooLarge {
            what: "link",
            limit: MAX_LINK_BYTES,
        }),
        LinkSize::Fine | LinkSize::Long => Ok(fragment),
    }
}

/// Decode a fragment (with or without its leading `#`) back into a snapshot.
///
/// Whitespace is ignored, around and inside (mail clients wrap long links). Every malformed
/// input gives a
/// [`ShareError`]; nothing here panics, and the work done is bounded by the caps.
pub fn decode(fragment: &str) -> Result<Snapshot, ShareError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    if fragment.len() + 1 > MAX_LINK_BYTES {
        return Err(ShareError::TooLarge {
            what: "link",
            limit: MAX_LINK_BYTES,
        });
    }
    let Some((version, payload)) = fragment.split_once('.') else {
        return Err(ShareError::UnknownVersion(shorten(fragment)));
    };
    if version != VERSION {
        return Err(ShareError::UnknownVersion(shorten(version)));
    }
    let compressed = if payload.contains(char::is_whitespace) {
        // Positions in the unwrapped payload would not point into the user's text: name none.
        let unwrapped: String = payload.split_whitespace().collect();
        URL_SAFE_NO_PAD
            .decode(unwrapped)
            .map_err(|_| ShareError::BadEncoding { position: None })?
    } else {
        URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|e| bad_encoding(&e, version.len() + 1))?
    };
    let json = inflate(&compressed)?;
    serde_json::from_slice(&json).map_err(|e| ShareError::BadPayload {
        message: e.to_string(),
    })
}

/// Inflate with the [`MAX_INFLATED_BYTES`] guard, naming why a stream is refused.
fn inflate(compressed: &[u8]) -> Result<Vec<u8>, ShareError> {
    if compressed.is_empty() {
        return Err(ShareError::Truncated);
    }
    let limit = inflation_limit(compressed.len());
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(compressed, limit).map_err(|e| match e
        .status
    {
        TINFLStatus::HasMoreOutput => ShareError::TooLarge {
            what: "content",
            limit,
        },
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            ShareError::Truncated
        }
        _ => ShareError::BadCompression,
    })
}

/// How far `compressed_len` bytes may expand: [`MAX_INFLATION_RATIO`] times, at least
/// [`MIN_INFLATION_ALLOWANCE`], at most [`MAX_INFLATED_BYTES`].
pub fn inflation_limit(compressed_len: usize) -> usize {
    compressed_len
        .saturating_mul(MAX_INFLATION_RATIO)
        .clamp(MIN_INFLATION_ALLOWANCE, MAX_INFLATED_BYTES)
}

/// Map a base64 failure to a position in the fragment (without `#`).
fn bad_encoding(error: &base64::DecodeError, payload_offset: usize) -> ShareError {
    let position = match error {
        base64::DecodeError::InvalidByte(at, _) => Some(payload_offset + at),
        base64::DecodeError::InvalidLastSymbol { offset, .. } => Some(payload_offset + offset),
        base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidPadding => None,
    };
    ShareError::BadEncoding { position }
}

/// Keep an unknown version short enough for a notice (it may be a whole pasted URL).
fn shorten(text: &str) -> String {
    const SHOWN: usize = 16;
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_their_kind() {
        let cases: &[(&str, &str)] = &[
            ("", "empty"),
            ("#", "empty"),
            ("  #  ", "empty"),
            ("#v2.abc", "unknown-version"),
            ("#hello", "unknown-version"),
            ("#v1.***", "bad-encoding"),
            ("#v1.", "truncated"),
            ("#v1.eJw", "truncated"),
            ("#v1.AAAA", "bad-compression"),
            ("#v1.eNoLzi8qqgQABhMCIA", "bad-payload"),
            ("#v1.eNqLNtQxigUAA9UBSA", "bad-payload"),
            ("#v1.eNqrVipQsjKsBQAIdQIY", "bad-payload"),
        ];
        for (fragment, kind) in cases {
            let got = decode(fragment).map_err(|e| e.kind());
            assert_eq!(got, Err(*kind), "fragment {fragment:?}");
        }
    }

    #[test]
    fn bad_encoding_points_at_the_character() {
        assert_eq!(
            decode("#v1.eJw*"),
            Err(ShareError::BadEncoding { position: Some(6) })
        );
    }

    #[test]
    fn link_size_classifies_against_both_caps() {
        assert_eq!(link_size("#v1.x"), LinkSize::Fine);
        assert_eq!(link_size(&"x".repeat(WARN_LINK_BYTES + 1)), LinkSize::Long);
        assert_eq!(
            link_size(&"x".repeat(MAX_LINK_BYTES + 1)),
            LinkSize::TooLarge
        );
    }
}
