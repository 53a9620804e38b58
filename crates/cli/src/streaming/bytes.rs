//! The decoded text of one input, read in 1 MiB chunks, with the line and column of every byte
//! it hands out, so a record split out of it can say where it started.

use std::io::{self, Read};

/// How much is read from the input at a time.
const CHUNK: usize = 1 << 20;

/// Where a byte is: line and column from 1 (the column counts bytes), and its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, from 1.
    pub line: u64,
    /// The byte on the line, from 1.
    pub column: u64,
    /// Bytes before it in the (decoded) text.
    pub offset: u64,
}

/// A chunked reader that knows where it is.
pub struct Bytes {
    reader: Box<dyn Read + Send>,
    buffer: Vec<u8>,
    /// The next byte to hand out is `buffer[start]`; `buffer[end..]` is unused.
    start: usize,
    end: usize,
    eof: bool,
    /// Bytes handed out so far.
    consumed: u64,
    /// The current line (from 1) and the offset where it started.
    line: u64,
    line_start: u64,
}

impl Bytes {
    /// Reads `reader` (already decoded from gzip where it was gzip).
    pub fn new(reader: Box<dyn Read + Send>) -> Self {
        Bytes {
            reader,
            buffer: vec![0; CHUNK],
            start: 0,
            end: 0,
            eof: false,
            consumed: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// Where the next byte is.
    pub fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.consumed - self.line_start + 1,
            offset: self.consumed,
        }
    }

    /// Bytes of text handed out so far.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The bytes not yet handed out that are in memory: at least one unless the input ended.
    pub fn available(&mut self) -> io::Result<&[u8]> {
        if self.start == self.end && !self.eof {
            self.refill()?;
        }
        Ok(&self.buffer[self.start..self.end])
    }

    /// At least `wanted` bytes not yet handed out (fewer only at the end of the input), for
    /// looking ahead without consuming.
    pub fn look_ahead(&mut self, wanted: usize) -> io::Result<&[u8]> {
        while self.end - self.start < wanted.min(CHUNK) && !self.eof {
            self.refill()?;
        }
        Ok(&self.buffer[self.start..self.end])
    }

    /// Hands out the next `count` available bytes (keeping the line count right).
    pub fn consume(&mut self, count: usize) {
        let taken = &self.buffer[self.start..self.start + count];
        if let Some(last) = memchr::memrchr(b'\n', taken) {
            self.line += memchr::memchr_iter(b'\n', taken).count() as u64;
            self.line_start = self.consumed + last as u64 + 1;
        }
        self.consumed += count as u64;
        self.start += count;
    }

    /// Consumes a byte order mark: columns count from after it, as in ingest.
    pub fn skip_bom(&mut self) {
        self.consume(3);
        self.line_start = self.consumed;
    }

    /// Moves what is left to the front and reads more after it.
    fn refill(&mut self) -> io::Result<()> {
        self.buffer.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
        if self.end == self.buffer.len() {
            self.buffer.resize(self.buffer.len() * 2, 0);
        }
        loop {
            match self.reader.read(&mut self.buffer[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(read) => {
                    self.end += read;
                    return Ok(());
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
    }
}

impl Read for Bytes {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.available()?;
        let count = available.len().min(out.len());
        out[..count].copy_from_slice(&available[..count]);
        self.consume(count);
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_the_consumed_bytes() {
        #[rustfmt::skip]
        let cases: &[(&str, usize, (u64, u64))] = &[
            // text, bytes consumed, position after them
            ("abc", 0, (1, 1)),
            ("abc", 2, (1, 3)),
            ("a\nbc", 2, (2, 1)),
            ("a\nb\n\ncd", 6, (4, 2)),
        ];
        for &(text, count, (line, column)) in cases {
            let mut bytes = Bytes::new(Box::new(io::Cursor::new(text.as_bytes().to_vec())));
            let available = bytes.available().map(<[u8]>::len).unwrap_or(0);
            assert_eq!(available, text.len(), "{text:?}");
            bytes.consume(count);
            let offset = count as u64;
            assert_eq!(
                bytes.position(),
                Position {
                    line,
                    column,
                    offset
                },
                "{text:?}"
            );
        }
    }
}
