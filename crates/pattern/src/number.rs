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
    let mut buffer = ryu::Buffer::new();
    Decimal::parse(buffer.format_finite(value)).is_some_and(|shortest| shortest == written)
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
    use super::comparable;

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
            ("5e-324", Some(5e-324)),
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
