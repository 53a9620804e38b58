//! Ignoring case as event-ruler does, which is not Unicode case folding.
//!
//! event-ruler compiles an ignore-case operand one UTF-16 unit at a time: each unit becomes
//! "its lower case or its upper case" (Java's `toLowerCase`/`toUpperCase` of that one unit,
//! as UTF-8 bytes), and the event's bytes must spell one of the two for every unit, in order.
//! So `ﬀ` matches `FF` (its upper case) but not `ff`, `ǅ` matches `ǆ` or `Ǆ` but not
//! itself, and a character outside the BMP (two UTF-16 units, each a lone surrogate that
//! Java writes as `?`) only matches the text `??` — an emoji never matches itself.
//! The event's text is not changed, only compared.

/// One unit of the operand: the byte strings that may stand for it.
#[derive(Debug, Clone, PartialEq)]
struct Unit {
    lower: Box<[u8]>,
    upper: Box<[u8]>,
}

/// An ignore-case operand, compiled.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Folded {
    /// The operand when it is ASCII: then a byte-wise ASCII comparison is exact.
    ascii: Option<Box<[u8]>>,
    units: Vec<Unit>,
}

impl Folded {
    /// Compiles an operand.
    pub(crate) fn new(text: &str) -> Folded {
        let units = text
            .chars()
            .flat_map(|c| {
                let supplementary = c.len_utf16() == 2;
                let one = (!supplementary).then(|| Unit {
                    lower: c.to_lowercase().collect::<String>().into_bytes().into(),
                    upper: c.to_uppercase().collect::<String>().into_bytes().into(),
                });
                let lone_surrogate = Unit {
                    lower: Box::from(&b"?"[..]),
                    upper: Box::from(&b"?"[..]),
                };
                let pair = supplementary.then(|| [lone_surrogate.clone(), lone_surrogate]);
                one.into_iter().chain(pair.into_iter().flatten())
            })
            .collect();
        Folded {
            ascii: text.is_ascii().then(|| text.as_bytes().into()),
            units,
        }
    }

    /// Where reading the units forward from the start of `s` can end.
    fn forward_ends(&self, s: &[u8]) -> Vec<usize> {
        let mut at = vec![0];
        for unit in &self.units {
            let mut next = Vec::with_capacity(2);
            for &p in &at {
                for spelling in [&unit.lower, &unit.upper] {
                    if s[p..].starts_with(spelling) && !next.contains(&(p + spelling.len())) {
                        next.push(p + spelling.len());
                    }
                }
            }
            if next.is_empty() {
                return next;
            }
            at = next;
        }
        at
    }

    /// Whether `s` spells the operand exactly.
    #[inline]
    pub(crate) fn equals(&self, s: &str) -> bool {
        if let Some(ascii) = &self.ascii {
            return s.as_bytes().eq_ignore_ascii_case(ascii);
        }
        self.forward_ends(s.as_bytes()).contains(&s.len())
    }

    /// Whether `s` starts with a spelling of the operand.
    #[inline]
    pub(crate) fn is_prefix_of(&self, s: &str) -> bool {
        if let Some(ascii) = &self.ascii {
            return s.len() >= ascii.len()
                && s.as_bytes()[..ascii.len()].eq_ignore_ascii_case(ascii);
        }
        !self.forward_ends(s.as_bytes()).is_empty()
    }

    /// Whether `s` ends with a spelling of the operand.
    #[inline]
    pub(crate) fn is_suffix_of(&self, s: &str) -> bool {
        let bytes = s.as_bytes();
        if let Some(ascii) = &self.ascii {
            return bytes.len() >= ascii.len()
                && bytes[bytes.len() - ascii.len()..].eq_ignore_ascii_case(ascii);
        }
        let mut at = vec![bytes.len()];
        for unit in self.units.iter().rev() {
            let mut next = Vec::with_capacity(2);
            for &p in &at {
                for spelling in [&unit.lower, &unit.upper] {
                    if bytes[..p].ends_with(spelling) && !next.contains(&(p - spelling.len())) {
                        next.push(p - spelling.len());
                    }
                }
            }
            if next.is_empty() {
                return false;
            }
            at = next;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::Folded;

    #[test]
    fn compares_unit_by_unit_as_event_ruler() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, bool, bool, bool)] = &[
            // operand, value, equals, prefix of, suffix of
            ("AbC", "abc", true, true, true),
            ("AbC", "ABCd", false, true, false),
            ("été", "ÉTÉ", true, true, true),
            ("ﬀ", "FF", true, true, true),
            ("ﬀ", "ff", false, false, false),
            ("ﬀ", "ﬀ", true, true, true),
            ("ǅus", "ǅus", false, false, false),
            ("ǅus", "ǆUS", true, true, true),
            ("ß", "SS", true, true, true),
            ("😀", "😀", false, false, false),
            ("😀", "??", true, true, true),
            ("x😀", "X??", true, true, true),
            ("k", "\u{212a}", false, false, false),
            ("İ", "i\u{307}", true, true, true),
            (".png", "file.PNG", false, false, true),
        ];
        for &(operand, value, equals, prefix, suffix) in cases {
            let folded = Folded::new(operand);
            let got = (
                folded.equals(value),
                folded.is_prefix_of(value),
                folded.is_suffix_of(value),
            );
            assert_eq!(got, (equals, prefix, suffix), "{operand} vs {value}");
        }
    }
}
