//! Numbers as event-ruler compares them.
//!
//! event-ruler turns a number into a double only when the double holds it exactly:
//! `BigDecimal(text)` must equal `BigDecimal.valueOf(double)` (the double's shortest
//! decimal form). Otherwise a pattern operand is rejected (`Cannot compare number : 1E309`)
//! and an event value can only match by its exact text. Numbers that pass compare by value,
//! so `300`, `300.0` and `3e2` are equal.
//!
//! This runs for every event number a numeric condition looks at, so it allocates nothing.

/// The most significant digits a double's shortest form can have.
const MAX_DIGITS: usize = 17;

/// The value of the JSON number `text` if a double holds it exactly, else `None`.
#[inline]
pub(crate) fn comparable(text: &str) -> Option<f64> {
    let value = approximate(text)?;
    is_exact(text, value).then_some(value)
}

/// The nearest double to the JSON number `text`, if finite. Cheap; callers that only need
/// an answer when a comparison succeeds check [`is_exact`] afterwards.
#[inline]
pub(crate) fn approximate(text: &str) -> Option<f64> {
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some(value)
}

/// The whole numbers around a JSON number, read from its integer digits only: `-122.43`
/// lies in [-123, -122]. `None` with an exponent or more than 15 integer digits (so both
/// ends are exact doubles). Lets a range reject most numbers without parsing them.
#[inline]
pub(crate) fn integer_bracket(text: &str) -> Option<(f64, f64)> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, bytes),
    };
    let integer = digits
        .iter()
        .position(|&b| b == b'.')
        .unwrap_or(digits.len());
    if integer == 0 || integer > 15 {
        return None;
    }
    // No exponent anywhere (a branch-free scan the compiler can vectorise).
    let exponent = digits
        .iter()
        .fold(false, |seen, &b| seen | (b | 0x20 == b'e'));
    if exponent {
        return None;
    }
    let mut whole: u64 = 0;
    for &b in &digits[..integer] {
        if !b.is_ascii_digit() {
            return None;
        }
        whole = whole * 10 + u64::from(b - b'0');
    }
    let whole = whole as f64;
    Some(if negative {
        (-(whole + 1.0), -whole)
    } else {
        (whole, whole + 1.0)
    })
}

/// An event number whose parse is done at most once, however many conditions read it.
pub(crate) struct LazyNumber<'a> {
    pub text: &'a str,
    parsed: Option<Option<f64>>,
    bracket: Option<Option<(f64, f64)>>,
}

impl<'a> LazyNumber<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LazyNumber {
            text,
            parsed: None,
            bracket: None,
        }
    }

    /// The nearest double, if finite ([`approximate`]).
    #[inline]
    pub(crate) fn value(&mut self) -> Option<f64> {
        let text = self.text;
        *self.parsed.get_or_insert_with(|| approximate(text))
    }

    /// [`integer_bracket`].
    #[inline]
    pub(crate) fn bracket(&mut self) -> Option<(f64, f64)> {
        let text = self.text;
        *self.bracket.get_or_insert_with(|| integer_bracket(text))
    }
}

/// Whether `value` (the double nearest to `text`) is exactly the number written.
#[inline]
pub(crate) fn is_exact(text: &str, value: f64) -> bool {
    let Some(written) = Decimal::parse(text) else {
        return false;
    };
    // Up to 15 significant digits always survive the trip through a normal double.
    if written.len <= 15 && (value == 0.0 || value.is_normal()) {
        return value != 0.0 || written.is_zero();
    }
    Decimal::parse(&java_text(value)).is_some_and(|shortest| shortest == written)
}

/// Java's `Double.toString` digits for a finite double: the shortest decimal that reads back
/// as it, except that Java writes at least two significant digits and then picks the two
/// closest to the exact value. The two differ only for the smallest subnormals, whose
/// shortest form has one digit that is not the closest: `Double.MIN_VALUE` is `5e-324`
/// shortest but `4.9E-324` in Java, so event-ruler compares `4.9e-324` and refuses `5e-324`.
fn java_text(value: f64) -> String {
    let mut buffer = ryu::Buffer::new();
    let shortest = buffer.format_finite(value);
    if value.is_normal() || value == 0.0 {
        return shortest.to_string();
    }
    let one_digit = Decimal::parse(shortest).is_some_and(|d| d.len == 1);
    if one_digit {
        format!("{value:.1e}")
    } else {
        shortest.to_string()
    }
}

/// A decimal number reduced to sign, significant digits (no leading or trailing zeros) and
/// the power of ten of the last digit; zero has no digits. `None` from `parse` when it has
/// more significant digits than any double's shortest form.
#[derive(Debug, PartialEq)]
struct Decimal {
    negative: bool,
    digits: [u8; MAX_DIGITS],
    len: usize,
    exponent: i64,
}

impl Decimal {
    fn parse(text: &str) -> Option<Decimal> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exp) = match rest.find(['e', 'E']) {
            Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
            None => (rest, 0),
        };
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all = || int_part.bytes().chain(frac_part.bytes());
        let total = int_part.len() + frac_part.len();
        let Some(first) = all().position(|b| b != b'0') else {
            return Some(Decimal {
                negative: false,
                digits: [0; MAX_DIGITS],
                len: 0,
                exponent: 0,
            });
        };
        let last = total - 1 - all().rev().position(|b| b != b'0')?;
        let len = last - first + 1;
        if len > MAX_DIGITS {
            return None;
        }
        let mut digits = [0; MAX_DIGITS];
        for (slot, b) in digits.iter_mut().zip(all().skip(first).take(len)) {
            *slot = b - b'0';
        }
        let exponent = exp
            .checked_sub(frac_part.len() as i64)?
            .checked_add((total - 1 - last) as i64)?;
        Some(Decimal {
            negative,
            digits,
            len,
            exponent,
        })
    }

    fn is_zero(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::{comparable, integer_bracket};

    #[test]
    fn brackets_numbers_by_their_integer_part() {
        let cases: &[(&str, Option<(f64, f64)>)] = &[
            ("-122.42860896096420", Some((-123.0, -122.0))),
            ("37.8", Some((37.0, 38.0))),
            ("0", Some((0.0, 1.0))),
            ("-0.5", Some((-1.0, -0.0))),
            ("5", Some((5.0, 6.0))),
            ("1e3", None),
            ("1.5E-3", None),
            ("1234567890123456", None),
        ];
        for &(text, expected) in cases {
            assert_eq!(integer_bracket(text), expected, "{text}");
        }
    }

    #[test]
    fn exact_doubles_compare_by_value() {
        let cases: &[(&str, Option<f64>)] = &[
            ("300", Some(300.0)),
            ("300.0", Some(300.0)),
            ("3.018e2", Some(301.8)),
            ("-0", Some(0.0)),
            ("0.0", Some(0.0)),
            ("0e5", Some(0.0)),
            ("123456789012", Some(123456789012.0)),
            ("0.1", Some(0.1)),
            ("-122.4286089609642", Some(-122.4286089609642)),
            ("37.795818585593523", None),
            // Java writes the smallest subnormals with two digits: 4.9E-324, 9.9E-324.
            ("5e-324", None),
            ("4.9e-324", Some(5e-324)),
            ("49e-325", Some(5e-324)),
            ("1e-323", None),
            ("9.9e-324", Some(1e-323)),
            ("1.5e-323", Some(1.5e-323)),
            ("1.7976931348623157e308", Some(f64::MAX)),
            ("1E309", None),
            ("2.0e422", None),
            ("1E-325", None),
            ("9007199254740993", None),
            ("1.00000000000000001", None),
            ("1.000000000000000000000000000", Some(1.0)),
            ("9007199254740992", Some(9007199254740992.0)),
        ];
        for &(text, expected) in cases {
            assert_eq!(comparable(text), expected, "{text}");
        }
    }
}
