//! Reading files and standard input with a size limit checked while reading: a 300 MB input
//! costs at most the limit (plus one byte) of memory before the clear error, never its whole
//! size. Regular files are refused from their size alone, before any byte is read.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

/// Pattern files: AWS accepts 4,096 characters; 1 MiB leaves room for comments-free
/// pretty-printing and still stops a wrong file (a log, an image) at once.
pub const MAX_PATTERN_FILE_BYTES: usize = 1024 * 1024;

/// One `--batch` line: a pattern (4,096 characters) and an event (AWS takes 256 KB), as JSON
/// strings with their escapes — 1 MiB is far above both.
pub const MAX_BATCH_LINE_BYTES: usize = 1024 * 1024;

/// Why reading stopped.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused (missing file, permissions…).
    Io(io::Error),
    /// More than `limit` bytes: reading stopped there.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(error) => write!(f, "{error}"),
            ReadError::TooLarge { limit } => write!(
                f,
                "larger than {}, the most EventPen reads; reading stopped at the limit",
                size_text(*limit)
            ),
        }
    }
}

/// `52428800` as `50 MiB`, `1048576` as `1 MiB`, smaller sizes in KiB or bytes.
pub fn size_text(bytes: usize) -> String {
    match bytes {
        n if n >= 1024 * 1024 => format!("{} MiB", n / (1024 * 1024)),
        n if n >= 1024 => format!("{} KiB", n / 1024),
        n => format!("{n} bytes"),
    }
}

/// Everything `reader` holds, if it is at most `limit` bytes; reads at most `limit + 1`.
pub fn read_at_most(reader: impl Read, limit: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// The bytes of `path` (`-` for standard input), at most `limit` of them.
pub fn read_path(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    if path.as_os_str() == "-" {
        return read_at_most(io::stdin().lock(), limit);
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    let known = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    if known.is_some_and(|len| len > limit as u64) {
        return Err(ReadError::TooLarge { limit });
    }
    read_at_most(file, limit)
}

/// One line read by [`read_line_at_most`].
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The end of the input: no more lines.
    End,
    /// A line (its newline included, if it had one) is in the buffer.
    Read,
    /// The line was longer than the limit: it was skipped up to its newline, unbuffered.
    TooLong,
}

/// Reads one line into `line` (cleared first), holding at most `limit` bytes of it in memory:
/// the rest of a longer line is read and dropped chunk by chunk.
pub fn read_line_at_most(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    line.clear();
    let mut too_long = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(match (too_long, line.is_empty()) {
                (true, _) => Line::TooLong,
                (false, true) => Line::End,
                (false, false) => Line::Read,
            });
        }
        let (used, ends) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if line.len() + used > limit {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(&chunk[..used]);
            }
        }
        input.consume(used);
        if ends {
            return Ok(if too_long { Line::TooLong } else { Line::Read });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        #[rustfmt::skip]
        let cases: &[(usize, usize, Result<usize, &str>)] = &[
            // input size, limit, bytes read or the error
            (0, 10, Ok(0)),
            (10, 10, Ok(10)),
            (11, 10, Err("larger than 10 bytes, the most EventPen reads; reading stopped at the limit")),
            (300 << 20, 1 << 20, Err("larger than 1 MiB, the most EventPen reads; reading stopped at the limit")),
        ];
        for (size, limit, expected) in cases {
            // An endless reader proves only `limit + 1` bytes are asked for.
            let mut consumed = 0usize;
            let source = io::repeat(b'x')
                .take(*size as u64)
                .inspect_reads(&mut consumed);
            let got = read_at_most(source, *limit)
                .map(|b| b.len())
                .map_err(|e| e.to_string());
            assert_eq!(
                got,
                expected.map_err(String::from),
                "{size} bytes, limit {limit}"
            );
            assert!(
                consumed <= limit + 1 + 8192,
                "{consumed} bytes consumed for limit {limit}"
            );
        }
    }

    #[test]
    fn long_lines_are_skipped_whole_and_short_ones_kept() {
        let long = "y".repeat(50);
        let text = format!("short\n{long}\nlast");
        let mut input = io::BufReader::with_capacity(8, text.as_bytes());
        let mut line = Vec::new();
        let mut seen = Vec::new();
        loop {
            let kind = read_line_at_most(&mut input, &mut line, 10).expect("in memory");
            if kind == Line::End {
                break;
            }
            seen.push((kind, String::from_utf8_lossy(&line).into_owned()));
        }
        assert_eq!(
            seen,
            [
                (Line::Read, "short\n".to_string()),
                (Line::TooLong, String::new()),
                (Line::Read, "last".to_string()),
            ]
        );
    }

    /// Counts bytes handed out, to prove how much was read.
    trait InspectReads: Read + Sized {
        fn inspect_reads(self, count: &mut usize) -> Counted<'_, Self> {
            Counted { inner: self, count }
        }
    }
    impl<R: Read> InspectReads for R {}
    struct Counted<'a, R> {
        inner: R,
        count: &'a mut usize,
    }
    impl<R: Read> Read for Counted<'_, R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.inner.read(buf)?;
            *self.count += n;
            Ok(n)
        }
    }
}
