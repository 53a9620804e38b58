//! Turning dropped or picked files into event text: gzip (CloudTrail's `.json.gz` from S3) is
//! inflated here, detected by its magic bytes rather than its name, with a cap so a hostile
//! archive cannot exhaust the tab.
use std::io::Read;

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

/// The text of a file's bytes: inflated when gzip, checked to be UTF-8 and within the size cap.
pub fn file_text(name: &str, bytes: &[u8]) -> Result<String, FileError> {
    let error = |message: String| FileError {
        name: name.to_string(),
        message,
    };
    let inflated;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let mut decoder = flate2::read::MultiGzDecoder::new(bytes).take(MAX_FILE_BYTES as u64 + 1);
        decoder
            .read_to_end(&mut out)
            .map_err(|e| error(format!("is gzip but could not be inflated ({e})")))?;
        inflated = out;
        &inflated[..]
    } else {
        bytes
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(error(format!(
            "is larger than {} MB; split it or load fewer records",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        error(format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
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
                Err("is gzip but could not be inflated"),
            ),
        ];
        for (bytes, want) in cases {
            let got = file_text("f.json", &bytes);
            match want {
                Ok(text) => assert_eq!(got.as_deref(), Ok(text)),
                Err(fragment) => {
                    let message = got.unwrap_err().message;
                    assert!(message.contains(fragment), "{message}");
                }
            }
        }
    }

    #[test]
    fn inflating_is_capped() {
        let bomb = gzip(&vec![b' '; MAX_FILE_BYTES + 10]);
        let error = file_text("bomb.json.gz", &bomb).unwrap_err();
        assert!(error.message.contains("larger than 50 MB"), "{error}");
    }
}
