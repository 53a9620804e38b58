//! Growable storage that never holds more than one chunk of spare capacity.
//!
//! A `Vec` that doubles wastes up to half its capacity: at 100,000 events a 150 MB byte
//! buffer could reserve 256 MB. The store keeps its large arrays in fixed-size chunks
//! instead, so its memory stays close to what it holds (the target is 2× the input).

/// Elements per chunk once a [`ChunkedVec`] outgrows its first chunk.
const CHUNK_ELEMENTS: usize = 16 * 1024;

/// A vector of `Copy` values in chunks: the first grows by doubling (small columns stay
/// small), later ones are allocated at full size.
#[derive(Debug, Clone, Default)]
pub(crate) struct ChunkedVec<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T: Copy> ChunkedVec<T> {
    pub(crate) fn push(&mut self, value: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK_ELEMENTS => last.push(value),
            _ => {
                let capacity = if self.chunks.is_empty() {
                    4
                } else {
                    CHUNK_ELEMENTS
                };
                let mut chunk = Vec::with_capacity(capacity);
                chunk.push(value);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn get(&self, index: usize) -> Option<T> {
        self.chunks
            .get(index / CHUNK_ELEMENTS)?
            .get(index % CHUNK_ELEMENTS)
            .copied()
    }

    /// The elements in order, chunk by chunk (the fast way to scan).
    pub(crate) fn chunks(&self) -> impl Iterator<Item = &[T]> {
        self.chunks.iter().map(Vec::as_slice)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.chunks.iter().flatten().copied()
    }

    /// The first index whose element is not less than `key`, for sorted contents.
    pub(crate) fn lower_bound(&self, key: T) -> usize
    where
        T: Ord,
    {
        let (mut low, mut high) = (0, self.len);
        while low < high {
            let middle = low + (high - low) / 2;
            match self.get(middle) {
                Some(value) if value < key => low = middle + 1,
                _ => high = middle,
            }
        }
        low
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.chunks.capacity() * std::mem::size_of::<Vec<T>>()
            + self
                .chunks
                .iter()
                .map(|c| c.capacity() * std::mem::size_of::<T>())
                .sum::<usize>()
    }
}

/// Bytes per [`ByteArena`] chunk; a longer item gets a chunk of its own.
const ARENA_CHUNK: usize = 1 << 20;

/// Where an item of a [`ByteArena`] is: its chunk and offset, packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    chunk: u32,
    start: u32,
    len: u32,
}

/// The bit of [`Span::len`] a holder may use as a mark (items are far shorter than 2 GiB).
const MARK: u32 = 1 << 31;

impl Span {
    /// The same span with a mark for its holder (the dictionary marks spans into events).
    pub(crate) fn marked(self) -> Span {
        Span {
            len: self.len | MARK,
            ..self
        }
    }

    /// Whether [`Span::marked`] made it, and the span without the mark.
    pub(crate) fn unmark(self) -> (bool, Span) {
        let span = Span {
            len: self.len & !MARK,
            ..self
        };
        (self.len & MARK != 0, span)
    }

    /// The part of this item from `offset`, `len` bytes long (which must lie inside it).
    pub(crate) fn part(self, offset: usize, len: usize) -> Span {
        Span {
            chunk: self.chunk,
            start: self.start + offset as u32,
            len: len as u32,
        }
    }
}

/// Byte strings appended one after another; an item never spans two chunks, so it can be
/// borrowed as one slice.
#[derive(Debug, Clone, Default)]
pub(crate) struct ByteArena {
    chunks: Vec<Vec<u8>>,
}

impl ByteArena {
    /// Appends `bytes`; returns where they are.
    pub(crate) fn push(&mut self, bytes: &[u8]) -> Span {
        self.push_parts(&[bytes])
    }

    /// Appends `parts` as one item; returns where it is.
    pub(crate) fn push_parts(&mut self, parts: &[&[u8]]) -> Span {
        let len: usize = parts.iter().map(|part| part.len()).sum();
        let fits = self
            .chunks
            .last()
            .is_some_and(|last| last.capacity() - last.len() >= len);
        if !fits {
            // The first chunk starts small (a store of a few events stays small); later ones
            // are allocated at full size.
            let capacity = if self.chunks.is_empty() {
                len.max(4096)
            } else {
                len.max(ARENA_CHUNK)
            };
            self.chunks.push(Vec::with_capacity(capacity));
        }
        let chunk_index = self.chunks.len() - 1;
        let chunk = &mut self.chunks[chunk_index];
        let start = chunk.len();
        for part in parts {
            chunk.extend_from_slice(part);
        }
        Span {
            chunk: chunk_index as u32,
            start: start as u32,
            len: len as u32,
        }
    }

    pub(crate) fn get(&self, span: Span) -> &[u8] {
        let start = span.start as usize;
        self.chunks
            .get(span.chunk as usize)
            .and_then(|chunk| chunk.get(start..start + span.len as usize))
            .unwrap_or_default()
    }

    /// Bytes held (without spare capacity).
    pub(crate) fn used_bytes(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum()
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.chunks.capacity() * std::mem::size_of::<Vec<u8>>()
            + self.chunks.iter().map(Vec::capacity).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_vec_keeps_order_across_chunks() {
        let mut values = ChunkedVec::default();
        for i in 0..(CHUNK_ELEMENTS * 2 + 5) as u32 {
            values.push(i);
        }
        assert_eq!(values.len(), CHUNK_ELEMENTS * 2 + 5);
        assert_eq!(
            values.get(CHUNK_ELEMENTS + 1),
            Some(CHUNK_ELEMENTS as u32 + 1)
        );
        assert_eq!(values.iter().nth(7), Some(7));
        assert_eq!(values.lower_bound(CHUNK_ELEMENTS as u32), CHUNK_ELEMENTS);
        assert_eq!(values.get(CHUNK_ELEMENTS * 3), None);
    }

    #[test]
    fn arena_items_stay_whole() {
        let mut arena = ByteArena::default();
        let big = vec![7u8; ARENA_CHUNK + 3];
        let cases: Vec<(Span, Vec<u8>)> = [b"abc".to_vec(), big, b"".to_vec(), b"xyz".to_vec()]
            .into_iter()
            .map(|bytes| (arena.push(&bytes), bytes))
            .collect();
        for (span, bytes) in &cases {
            assert_eq!(arena.get(*span), bytes.as_slice());
        }
    }
}
