//! Numbers as event-ruler compares them.
//!
//! event-ruler turns a number into a double only when the double holds it exactly:
//! `BigDecimal(text)` must equal `BigDecimal.valueOf(double)`. Otherwise a pattern operand is
//! rejected (`Cannot compare number : 1E309`) and an event value can only match by its exact
//! text. Numbers that pass compare by value, so `300`, `300.0` and `3e2` are equal.

/// The value of the JSON number `text` if a double holds it exactly, else `None`.
pub(crate) fn comparable(text: &str) -> Option<f64> {
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let written = Decimal::parse(text)?;
    // Up to 15 significant digits always survive the trip through a normal double.
    if written.digits.len() <= 15 && (value == 0.0 || value.is_normal()) {
        return (value != 0.0 || written.is_zero()).then_some(value);
    }
    let shortest = Decimal::parse(&format!("{value:e}"))?;
    (shortest == written).then_some(value)
}

/// A decimal number as sign, significant digits (no leading or trailing zeros) and the
/// exponent of the last digit; zero has no digits.
#[derive(Debug, PartialEq)]
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
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
        let mut digits: Vec<u8> = int_part
            .bytes()
            .chain(frac_part.bytes())
            .map(|b| b - b'0')
            .collect();
        let mut exponent = exp - frac_part.len() as i64;
        while digits.last() == Some(&0) {
            digits.pop();
            exponent += 1;
        }
        let leading = digits.iter().take_while(|&&d| d == 0).count();
        digits.drain(..leading);
        if digits.is_empty() {
            return Some(Decimal {
                negative: false,
                digits,
                exponent: 0,
            });
        }
        Some(Decimal {
            negative,
            digits,
            exponent,
        })
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
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
            ("123456789012", Some(123456789012.0)),
            ("0.1", Some(0.1)),
            ("5e-324", Some(5e-324)),
            ("1.7976931348623157e308", Some(f64::MAX)),
            ("1E309", None),
            ("2.0e422", None),
            ("1E-325", None),
            ("9007199254740993", None),
            ("1.00000000000000001", None),
            ("9007199254740992", Some(9007199254740992.0)),
        ];
        for &(text, expected) in cases {
            assert_eq!(comparable(text), expected, "{text}");
        }
    }
}
