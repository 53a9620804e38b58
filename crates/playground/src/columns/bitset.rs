//! One bit per loaded event: how column results are combined 64 events at a time.

/// A fixed-length set of event indexes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// `len` bits, all clear.
    pub fn zeros(len: usize) -> Bitset {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// `len` bits, all set.
    pub fn ones(len: usize) -> Bitset {
        let mut bits = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        bits.clear_tail();
        bits
    }

    /// Keeps the bits past `len` clear, so counts and negations stay exact.
    fn clear_tail(&mut self) {
        if !self.len.is_multiple_of(64)
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << (self.len % 64)) - 1;
        }
    }

    /// One bit per `bool`, set where it is `true`.
    pub fn from_bools(bools: &[bool]) -> Bitset {
        let mut bits = Bitset::zeros(bools.len());
        for (i, _) in bools.iter().enumerate().filter(|(_, set)| **set) {
            bits.set(i, true);
        }
        bits
    }

    /// How many bits (events).
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it has no bits at all.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether bit `i` is set (`false` out of range).
    pub fn get(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Sets bit `i` to `value` (ignored out of range).
    pub fn set(&mut self, i: usize, value: bool) {
        if i < self.len {
            let mask = 1u64 << (i % 64);
            if value {
                self.words[i / 64] |= mask;
            } else {
                self.words[i / 64] &= !mask;
            }
        }
    }

    /// How many bits are set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The set bits' indexes, ascending.
    pub fn ones_iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    w * 64 + bit
                })
            })
        })
    }

    /// One `bool` per event.
    pub fn to_vec(&self) -> Vec<bool> {
        (0..self.len).map(|i| self.get(i)).collect()
    }

    /// `self &= other`.
    pub fn and_with(&mut self, other: &Bitset) {
        self.words
            .iter_mut()
            .zip(&other.words)
            .for_each(|(a, b)| *a &= b);
    }

    /// `self |= other`.
    pub fn or_with(&mut self, other: &Bitset) {
        self.words
            .iter_mut()
            .zip(&other.words)
            .for_each(|(a, b)| *a |= b);
    }

    /// `self &= !other`.
    pub fn and_not_with(&mut self, other: &Bitset) {
        self.words
            .iter_mut()
            .zip(&other.words)
            .for_each(|(a, b)| *a &= !b);
    }

    /// How many bits are set here and clear in `other` (`|self & !other|`): the events an edit
    /// added to the matches, counted 64 at a time.
    pub fn count_and_not(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & !b).count_ones() as usize)
            .sum()
    }

    /// How many bits are set both here and in `other` (`|self & other|`), 64 at a time.
    pub fn count_and(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::Bitset;

    #[test]
    fn set_operations_keep_the_tail_clear() {
        let mut a = Bitset::ones(70);
        let mut b = Bitset::zeros(70);
        b.set(3, true);
        b.set(69, true);
        b.set(70, true);
        assert_eq!((a.count(), b.count()), (70, 2));
        a.and_not_with(&b);
        assert_eq!(a.count(), 68);
        assert!(!a.get(69) && a.get(68) && !a.get(70));
        a.or_with(&b);
        assert_eq!(a.count(), 70);
        a.and_with(&b);
        assert_eq!(a.ones_iter().collect::<Vec<_>>(), vec![3, 69]);
        assert_eq!(Bitset::ones(64).count(), 64);
    }
}
