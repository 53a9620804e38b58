//! Citylots-like events for the benchmark, generated in-repo and deterministically.
//!
//! The public "citylots" data set (San Francisco parcels as GeoJSON features) is what
//! event-ruler and quamina report their throughput on; generating look-alikes keeps 180 MB of
//! third-party data out of the repository while keeping the numbers comparable: the same
//! shape (`type`, `properties` with nine string-or-null fields, a `Polygon` of `[lon, lat, 0]`
//! points with long decimals) and about the same size (~900 bytes per event).

use std::fmt::Write as _;

/// xorshift64*: enough randomness for test data, seeded so every run sees the same events.
pub struct Random(u64);

impl Random {
    /// A generator that always produces the same sequence for the same seed.
    pub fn seeded(seed: u64) -> Random {
        Random(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A whole number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    /// A float in `low..high`.
    pub fn between(&mut self, low: f64, high: f64) -> f64 {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        low + unit * (high - low)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const STREETS: &[&str] = &[
    "FOLSOM",
    "MISSION",
    "HOWARD",
    "CLEMENTINA",
    "HARRISON",
    "BRYANT",
    "VALENCIA",
    "GUERRERO",
    "DOLORES",
    "CHURCH",
    "SANCHEZ",
    "NOE",
    "CASTRO",
    "DIAMOND",
    "DOUGLASS",
    "HOFFMAN",
    "FUNSTON",
    "LAWTON",
    "MORAGA",
    "NORIEGA",
    "ORTEGA",
    "PACHECO",
    "QUINTARA",
    "RIVERA",
    "SANTIAGO",
    "TARAVAL",
    "ULLOA",
    "VICENTE",
    "WAWONA",
    "UNKNOWN",
];
const STREET_TYPES: &[&str] = &["ST", "AVE", "BLVD", "WAY", "TER", "PL"];

/// One feature as JSON text (keys in citylots' order; ST_TYPE is sometimes `null`, as there).
pub fn feature(random: &mut Random) -> String {
    let block = random.below(8000) + 1;
    let lot = random.below(400) + 1;
    let from = random.below(3000);
    let street = random.pick(STREETS);
    let street_type = if random.below(10) == 0 {
        String::from("null")
    } else {
        format!("\"{}\"", random.pick(STREET_TYPES))
    };
    let odd_even = if from.is_multiple_of(2) { "E" } else { "O" };
    let mut text = String::with_capacity(1024);
    let _ = write!(
        text,
        "{{\"type\":\"Feature\",\"properties\":{{\"MAPBLKLOT\":\"{block:04}{lot:03}\",\
         \"BLKLOT\":\"{block:04}{lot:03}\",\"BLOCK_NUM\":\"{block:04}\",\"LOT_NUM\":\"{lot:03}\",\
         \"FROM_ST\":\"{from}\",\"TO_ST\":\"{to}\",\"STREET\":\"{street}\",\
         \"ST_TYPE\":{street_type},\"ODD_EVEN\":\"{odd_even}\"}},\
         \"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[",
        to = from + random.below(40),
    );
    let (lon, lat) = (
        random.between(-122.51, -122.36),
        random.between(37.70, 37.81),
    );
    let points = 12 + random.below(6);
    for index in 0..points {
        // A small ring around (lon, lat), closed like GeoJSON polygons: last point = first.
        let step = if index + 1 == points { 0 } else { index };
        let angle = step as f64 / (points - 1) as f64 * std::f64::consts::TAU;
        let point_lon = lon + 0.0002 * angle.cos();
        let point_lat = lat + 0.0002 * angle.sin();
        let separator = if index == 0 { "" } else { "," };
        let _ = write!(text, "{separator}[{point_lon:.15},{point_lat:.15},0.0]");
    }
    text.push_str("]]}}");
    text
}

/// `count` features, the same ones on every run.
pub fn features(count: usize) -> Vec<String> {
    let mut random = Random::seeded(0x0000_c17e_1075);
    (0..count).map(|_| feature(&mut random)).collect()
}

/// The benchmark patterns, one per group, written like the rules people put on citylots benchmarks.
pub const PATTERNS: &[(&str, &str)] = &[
    (
        "EXACT",
        r#"{"properties": {"STREET": ["FOLSOM", "CLEMENTINA", "MISSION"]}, "geometry": {"type": ["Polygon"]}}"#,
    ),
    (
        "PREFIX",
        r#"{"properties": {"STREET": [{"prefix": "FOL"}, {"prefix": "MO"}]}}"#,
    ),
    (
        "SUFFIX",
        r#"{"properties": {"STREET": [{"suffix": "ON"}], "ST_TYPE": [{"suffix": "E"}]}}"#,
    ),
    (
        "EQUALS_IGNORE_CASE",
        r#"{"properties": {"STREET": [{"equals-ignore-case": "folsom"}, {"equals-ignore-case": "Mission"}]}}"#,
    ),
    (
        "WILDCARD",
        r#"{"properties": {"STREET": [{"wildcard": "*O*A"}], "MAPBLKLOT": [{"wildcard": "1*0"}]}}"#,
    ),
    // Only longitudes west of -122.5 pass, so most events have every number compared.
    (
        "NUMERIC",
        r#"{"geometry": {"type": ["Polygon"], "coordinates": [{"numeric": ["<", -122.5]}]}}"#,
    ),
    (
        "ANYTHING_BUT",
        r#"{"properties": {"STREET": [{"anything-but": ["FOLSOM", "MISSION", "UNKNOWN"]}], "ST_TYPE": [{"anything-but": {"prefix": "A"}}]}}"#,
    ),
    (
        "COMPLEX_ARRAYS",
        r#"{"properties": {"ODD_EVEN": ["E"]}, "geometry": {"coordinates": [{"numeric": [">", -122.45, "<=", -122.44]}, {"numeric": [">", 37.8]}]}}"#,
    ),
    (
        "OR",
        r#"{"$or": [{"properties": {"STREET": ["FOLSOM"]}}, {"properties": {"BLOCK_NUM": [{"prefix": "37"}]}}, {"geometry": {"coordinates": [{"numeric": ["<", -122.5]}]}}]}"#,
    ),
];
