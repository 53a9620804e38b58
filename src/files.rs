//! Turning dropped or picked files into event text: gzip (CloudTrail's `.json.gz` from S3) is
//! inflated here, detected by its magic bytes rather than its name, with a cap so a hostile
//! archive cannot exhaust the tab.

/// The largest file, after inflating, the app accepts.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// A file that could not be read, with the reason in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file's name.
    pub name: String,
    /// Why it was refused.
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

/// The text of a file's bytes: inflated when gzip (member by member: the good members before
/// a damaged one are kept, and the second value says what was lost), checked to be UTF-8 and
/// within the size cap.
pub fn file_text(name: &str, bytes: &[u8]) -> Result<(String, Option<FileError>), FileError> {
    let error = |message: String| FileError {
        name: name.to_string(),
        message,
    };
    let inflated;
    let mut damaged = None;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let (out, damage) = eventpen_ingest::inflate_gzip(bytes, MAX_FILE_BYTES).map_err(error)?;
        damaged = damage.map(error);
        inflated = out;
        &inflated[..]
    } else {
        bytes
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(name));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
        error(format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok((text, damaged))
}

/// The refusal for a file over [`MAX_FILE_BYTES`] (also used before reading a file whose size
/// alone is over it).
pub fn too_large(name: &str) -> FileError {
    FileError {
        name: name.to_string(),
        message: format!(
            "is larger than {} MB; split it or load fewer records",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn plain_gzip_bom_and_bad_bytes() {
        let cases: Vec<(Vec<u8>, Result<&str, &str>)> = vec![
            (b"{\"a\":1}".to_vec(), Ok("{\"a\":1}")),
            (gzip(b"{\"Records\":[]}"), Ok("{\"Records\":[]}")),
            (b"\xef\xbb\xbf{}".to_vec(), Ok("{}")),
            (
                vec![b'{', 0xff, b'}'],
                Err("not UTF-8 text (invalid byte at offset 1)"),
            ),
            (
                vec![0x1f, 0x8b, 0, 1, 2],
                Err("this gzip file could not be decompressed"),
            ),
        ];
        for (bytes, want) in cases {
            let got = file_text("f.json", &bytes);
            match want {
                Ok(text) => assert_eq!(got.map(|(t, _)| t).as_deref(), Ok(text)),
                Err(fragment) => {
                    let message = got.unwrap_err().message;
                    assert!(message.contains(fragment), "{message}");
                }
            }
        }
    }

    #[test]
    fn good_gzip_members_before_a_damaged_one_are_kept() {
        let good = gzip(b"{\"a\":1}\n");
        let second = gzip(b"{\"b\":2}\n");
        let bytes = [good.clone(), second[..second.len() / 2].to_vec()].concat();
        let (text, damaged) = file_text("two.json.gz", &bytes).expect("the first member is good");
        assert_eq!(text, "{\"a\":1}\n");
        let damaged = damaged.map(|d| d.to_string()).unwrap_or_default();
        assert!(
            damaged.starts_with("two.json.gz: gzip member 2"),
            "{damaged}"
        );
    }

    #[test]
    fn inflating_is_capped() {
        let bomb = gzip(&vec![b' '; MAX_FILE_BYTES + 10]);
        let error = file_text("bomb.json.gz", &bomb).unwrap_err();
        assert!(
            error
                .message
                .contains("decompresses to more than the 50 MiB"),
            "{error}"
        );
    }
}
