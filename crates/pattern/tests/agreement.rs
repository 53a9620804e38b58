//! Property test: on patterns and events generated here (every operator, arrays of objects,
//! `$or`, dotted and empty keys, edge numbers and addresses), the three ways to match —
//! `matches`, `explain(..).matched` and `matches_json` — always agree, and nothing panics.
//!
//! Runs with debug assertions and overflow checks on (the test profile); the test checks
//! that they are, so an arithmetic overflow anywhere in the engine fails it.

use eventpen_pattern::check;
use serde_json::{Map, Value, json};

/// A small deterministic generator (xorshift64*), so failures reproduce from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const KEYS: &[&str] = &["a", "b", "c", "a.b", "", "d"];
const STRINGS: &[&str] = &[
    "x",
    "X",
    "abc",
    "ABC",
    "aBc",
    "abcd",
    "",
    " x ",
    "ﬀ",
    "FF",
    "ǅ",
    "😀",
    "été",
    "ÉTÉ",
    "10.0.0.1",
    "10.0.0.255",
    "2001:db8::1",
    "0fe80::1",
    "::",
    "a*b",
    "ab",
    "run",
    "running",
];
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "300",
    "300.0",
    "3e2",
    "5e-324",
    "4.9e-324",
    "1e308",
    "-1e308",
    "0.1",
    "421.7",
    "5000000001",
    "12345678901234567890",
];
const CIDRS: &[&str] = &[
    "10.0.0.0/8",
    "0.0.0.0/0",
    "::/0",
    "::/1",
    "2001:db8::/32",
    "10.0.0.0/31",
    "::/127",
];
const WILDCARDS: &[&str] = &["*", "a*", "*c", "a*c", "*b*", "r*n*ng", "x"];

fn scalar(rng: &mut Rng) -> Value {
    match rng.below(5) {
        0 | 1 => json!(rng.pick(STRINGS)),
        2 => serde_json::from_str(rng.pick(NUMBERS)).unwrap_or(Value::Null),
        3 => json!(rng.chance(50)),
        _ => Value::Null,
    }
}

fn event_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 2 { 2 } else { 5 }) {
        0 | 1 => scalar(rng),
        2 => Value::Array((0..rng.below(3)).map(|_| scalar(rng)).collect()),
        3 => Value::Array(
            (0..1 + rng.below(2))
                .map(|_| event_object(rng, depth + 1))
                .collect(),
        ),
        _ => event_object(rng, depth + 1),
    }
}

fn event_object(rng: &mut Rng, depth: usize) -> Value {
    let mut map = Map::new();
    for _ in 0..1 + rng.below(3) {
        map.insert(rng.pick(KEYS).to_string(), event_value(rng, depth));
    }
    Value::Object(map)
}

fn string_operand(rng: &mut Rng) -> Value {
    json!(rng.pick(STRINGS))
}

fn condition(rng: &mut Rng) -> Value {
    let num = |rng: &mut Rng| serde_json::from_str(rng.pick(NUMBERS)).unwrap_or(json!(0));
    match rng.below(16) {
        0 => string_operand(rng),
        1 => num(rng),
        2 => json!(rng.chance(50)),
        3 => Value::Null,
        4 => json!({"prefix": string_operand(rng)}),
        5 => json!({"suffix": string_operand(rng)}),
        6 => json!({"equals-ignore-case": string_operand(rng)}),
        7 => json!({"prefix": {"equals-ignore-case": string_operand(rng)}}),
        8 => json!({"suffix": {"equals-ignore-case": string_operand(rng)}}),
        9 => match rng.below(6) {
            0 => json!({"anything-but": string_operand(rng)}),
            1 => json!({"anything-but": [string_operand(rng), string_operand(rng)]}),
            2 => json!({"anything-but": num(rng)}),
            3 => json!({"anything-but": {"prefix": string_operand(rng)}}),
            4 => json!({"anything-but": {"equals-ignore-case": string_operand(rng)}}),
            _ => json!({"anything-but": {"wildcard": rng.pick(WILDCARDS)}}),
        },
        10 => json!({"numeric": [">", num(rng)]}),
        11 => json!({"numeric": [">=", num(rng), "<", num(rng)]}),
        12 => json!({"exists": rng.chance(50)}),
        13 => json!({"cidr": rng.pick(CIDRS)}),
        14 => json!({"wildcard": rng.pick(WILDCARDS)}),
        _ => json!({"numeric": ["=", num(rng)]}),
    }
}

fn pattern_object(rng: &mut Rng, depth: usize) -> Value {
    let mut map = Map::new();
    for _ in 0..1 + rng.below(2) {
        let value = if depth < 2 && rng.chance(30) {
            pattern_object(rng, depth + 1)
        } else {
            Value::Array((0..1 + rng.below(3)).map(|_| condition(rng)).collect())
        };
        map.insert(rng.pick(KEYS).to_string(), value);
    }
    if depth < 2 && rng.chance(15) {
        let branches = (0..2).map(|_| pattern_object(rng, depth + 1)).collect();
        map.insert("$or".to_string(), Value::Array(branches));
    }
    Value::Object(map)
}

/// Whether `debug_assert!` fires in this build.
fn debug_assertions_on() -> bool {
    std::panic::catch_unwind(|| debug_assert!(std::hint::black_box(false))).is_err()
}

/// Whether integer overflow panics in this build (the test profile's overflow checks).
fn overflow_checks_on() -> bool {
    std::panic::catch_unwind(|| {
        let max = std::hint::black_box(u8::MAX);
        max + std::hint::black_box(1)
    })
    .is_err()
}

#[test]
fn matches_explain_and_matches_json_agree() {
    assert!(debug_assertions_on(), "run with debug assertions on");
    assert!(overflow_checks_on(), "run with overflow checks on");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut valid, mut matched) = (0, 0);
    for case in 0..4000 {
        let pattern = pattern_object(&mut rng, 0).to_string();
        let event = event_object(&mut rng, 0);
        let event_text = event.to_string();
        let checked = check(&pattern);
        let Some(compiled) = checked.pattern else {
            continue;
        };
        valid += 1;
        let by_value = compiled.matches(&event);
        let explained = compiled.explain(&event).matched;
        let by_bytes = compiled.matches_json(event_text.as_bytes());
        let prevalidated = compiled.matches_json_prevalidated(event_text.as_bytes());
        assert_eq!(
            (
                explained,
                by_bytes.as_ref().ok(),
                prevalidated.as_ref().ok()
            ),
            (by_value, Some(&by_value), Some(&by_value)),
            "case {case}: explain / matches_json / matches_json_prevalidated disagree with matches\n pattern {pattern}\n event {event_text}"
        );
        matched += usize::from(by_value);
    }
    // The generator must exercise the matcher, not only the validator.
    assert!(
        valid > 1000 && matched > 100,
        "{valid} valid, {matched} matched"
    );
}

/// Event text whose objects may repeat a key (which a `serde_json::Value` cannot hold):
/// valid JSON as any serialiser writing a multimap would.
fn event_text(rng: &mut Rng, depth: usize, out: &mut String) {
    out.push('{');
    for member in 0..1 + rng.below(4) {
        if member > 0 {
            out.push(',');
        }
        out.push_str(&Value::from(rng.pick(KEYS)).to_string());
        out.push(':');
        match rng.below(if depth > 2 { 2 } else { 5 }) {
            0 | 1 => out.push_str(&scalar(rng).to_string()),
            2 => out.push_str(&event_value(rng, depth + 1).to_string()),
            3 => {
                out.push('[');
                for element in 0..1 + rng.below(2) {
                    if element > 0 {
                        out.push(',');
                    }
                    event_text(rng, depth + 1, out);
                }
                out.push(']');
            }
            _ => event_text(rng, depth + 1, out),
        }
    }
    out.push('}');
}

/// The early path (`matches_json_prevalidated` stops once the verdict is known) agrees
/// with `matches_json`, which reads every repeated key, on events with repeated and
/// dotted keys, nested arrays, and patterns with `$or` and `exists: false`.
#[test]
fn prevalidated_agrees_with_matches_json_on_repeated_keys() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let (mut compared, mut matched) = (0, 0);
    for case in 0..6000 {
        let pattern = pattern_object(&mut rng, 0).to_string();
        let mut event = String::new();
        event_text(&mut rng, 0, &mut event);
        let Some(compiled) = check(&pattern).pattern else {
            continue;
        };
        let full = compiled.matches_json(event.as_bytes());
        let early = compiled.matches_json_prevalidated(event.as_bytes());
        assert_eq!(
            early.as_ref().ok(),
            full.as_ref().ok(),
            "case {case}: matches_json_prevalidated disagrees with matches_json\n pattern {pattern}\n event {event}"
        );
        compared += 1;
        matched += usize::from(full.is_ok_and(|verdict| verdict));
    }
    assert!(
        compared > 1500 && matched > 150,
        "{compared} compared, {matched} matched"
    );
}
