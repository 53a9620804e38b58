//! Why a link could not be opened, in words a user can act on.

use std::fmt;

/// A fragment that could not be turned back into a [`super::Snapshot`].
///
/// Every failure is a value, never a panic: links travel through chat apps and e-mail that cut,
/// re-wrap and mangle them, and anyone can type one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is empty (or just `#`): there is nothing to open.
    Empty,
    /// The version prefix is not one this EventPen reads (e.g. `v2` from a newer EventPen).
    UnknownVersion(String),
    /// The fragment is not EventPen's base64url; `position` is the byte offset (in the
    /// fragment without `#`) of the first character that cannot belong to it, when known.
    BadEncoding {
        /// Offset of the offending character, if one could be named.
        position: Option<usize>,
    },
    /// The compressed data ends early: the link was probably cut off when it was copied.
    Truncated,
    /// The compressed data is damaged (corrupt stream or checksum mismatch).
    BadCompression,
    /// The data decompressed but is not a snapshot EventPen understands.
    BadPayload {
        /// The JSON reader's explanation, with its line and column.
        message: String,
    },
    /// The link (or what it expands to) is larger than EventPen accepts.
    TooLarge {
        /// What was measured: `"link"` (the fragment) or `"content"` (the expanded data).
        what: &'static str,
        /// The limit in bytes.
        limit: usize,
    },
}

impl ShareError {
    /// A stable, machine-readable name for the kind of failure (for tests and telemetry-free
    /// logging in the console).
    pub fn kind(&self) -> &'static str {
        match self {
            ShareError::Empty => "empty",
            ShareError::UnknownVersion(_) => "unknown-version",
            ShareError::BadEncoding { .. } => "bad-encoding",
            ShareError::Truncated => "truncated",
            ShareError::BadCompression => "bad-compression",
            ShareError::BadPayload { .. } => "bad-payload",
            ShareError::TooLarge { .. } => "too-large",
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "The link holds no playground to open."),
            ShareError::UnknownVersion(version) if looks_newer(version) => write!(
                f,
                "This link was made by a newer EventPen (format {version}); reload the page to get the latest version."
            ),
            ShareError::UnknownVersion(version) => write!(
                f,
                "This link is not an EventPen share link (unknown format \"{version}\")."
            ),
            ShareError::BadEncoding { position: Some(at) } => write!(
                f,
                "This link is damaged: character {} is not part of an EventPen link. Copy it again, whole.",
                at + 1
            ),
            ShareError::BadEncoding { position: None } => write!(
                f,
                "This link is damaged: it is not a valid EventPen link. Copy it again, whole."
            ),
            ShareError::Truncated => write!(
                f,
                "This link is incomplete: it was probably cut off when it was copied. Copy it again, whole."
            ),
            ShareError::BadCompression => write!(
                f,
                "This link is damaged: its data does not check out. Copy it again, whole."
            ),
            ShareError::BadPayload { message } => {
                write!(f, "This link's content could not be read ({message}).")
            }
            ShareError::TooLarge {
                what: "link",
                limit,
            } => write!(
                f,
                "This link is too long for EventPen (over {} KiB): share fewer or smaller events.",
                limit / 1024
            ),
            ShareError::TooLarge { limit, .. } => write!(
                f,
                "This link expands to more than {:.1} MiB, more than EventPen opens for a link of its length.",
                *limit as f64 / (1024.0 * 1024.0)
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// `v2`, `v17`… are versions a newer EventPen may write; anything else is not ours.
fn looks_newer(version: &str) -> bool {
    version
        .strip_prefix('v')
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n > 1)
}

#[cfg(test)]
mod tests {
    use super::ShareError;

    #[test]
    fn every_error_reads_as_a_sentence() {
        #[rustfmt::skip]
        let cases: &[(ShareError, &str)] = &[
            (ShareError::Empty, "holds no playground"),
            (ShareError::UnknownVersion("v2".into()), "made by a newer EventPen"),
            (ShareError::UnknownVersion("x".into()), "not an EventPen share link"),
            (ShareError::BadEncoding { position: Some(4) }, "character 5"),
            (ShareError::BadEncoding { position: None }, "damaged"),
            (ShareError::Truncated, "cut off"),
            (ShareError::BadCompression, "does not check out"),
            (ShareError::BadPayload { message: "expected value at line 1 column 1".into() }, "line 1 column 1"),
            (ShareError::TooLarge { what: "link", limit: 512 * 1024 }, "over 512 KiB"),
            (ShareError::TooLarge { what: "content", limit: 16 * 1024 * 1024 }, "more than 16.0 MiB"),
        ];
        for (error, phrase) in cases {
            let text = error.to_string();
            assert!(text.contains(phrase), "{text}");
            assert!(text.starts_with("Th") && text.ends_with('.'), "{text}");
        }
    }
}
