//! What a diagnostic is about, as a value callers branch on (never on message text).
//!
//! Each kind has a stable kebab-case code, printed by `eventpen check` and kept in
//! PATTERNS.md. Errors are AWS's reasons for rejecting a pattern; warnings are lints on the
//! pattern alone; tips need the loaded events (the evaluation core makes them).

/// Declares the kinds with their codes and severity class in one table.
macro_rules! kinds {
    ($($(#[$doc:meta])* $name:ident = $code:literal,)*) => {
        /// The kind of a [`crate::Diagnostic`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Kind {
            $($(#[$doc])* $name,)*
        }

        impl Kind {
            /// Every kind, for tables and tests.
            pub const ALL: &'static [Kind] = &[$(Kind::$name,)*];

            /// The stable kebab-case code.
            pub fn code(self) -> &'static str {
                match self {
                    $(Kind::$name => $code,)*
                }
            }

            /// The kind with this code.
            pub fn from_code(code: &str) -> Option<Kind> {
                match code {
                    $($code => Some(Kind::$name),)*
                    _ => None,
                }
            }
        }
    };
}

kinds! {
    // Errors: AWS rejects the pattern.
    /// The text is not JSON (Jackson's message).
    JsonSyntax = "json-syntax",
    /// Longer than AWS's 4096 characters.
    TooLong = "too-long",
    /// The pattern is not a JSON object.
    NotAnObject = "not-an-object",
    /// A field's value is a string, number, … instead of an object or a list.
    ScalarLeaf = "scalar-leaf",
    /// `{}` somewhere.
    EmptyObject = "empty-object",
    /// `[]` as a field's list.
    EmptyArray = "empty-array",
    /// A list inside a field's list.
    NestedArray = "nested-array",
    /// An object in a field's list whose key is no operator (often a field written inside `[ ]`).
    UnknownOperator = "unknown-operator",
    /// An operator's operand has the wrong type.
    OperandType = "operand-type",
    /// An operator object with a second key.
    ExtraKey = "extra-key",
    /// An empty operand where AWS needs text.
    EmptyOperand = "empty-operand",
    /// A malformed `numeric` list.
    NumericSyntax = "numeric-syntax",
    /// A `numeric` range whose bottom is not below its top.
    NumericRange = "numeric-range",
    /// A number a double cannot hold exactly.
    NumberOutOfRange = "number-out-of-range",
    /// A malformed `cidr` range.
    CidrSyntax = "cidr-syntax",
    /// A malformed `wildcard`.
    WildcardSyntax = "wildcard-syntax",
    /// A wildcard rule too complex for AWS.
    TooComplex = "too-complex",
    /// An operator name used as a field name inside `$or`.
    ReservedField = "reserved-field",
    /// `$or` whose value is not a list.
    OrNotArray = "or-not-array",
    /// A `$or` branch that is not an object.
    OrNotObject = "or-not-object",
    /// A `$or` with fewer than two branches.
    OrTooFew = "or-too-few",
    /// More `$or` combinations than EventPen evaluates.
    TooManyCombinations = "too-many-combinations",
    /// Any other reason AWS gives.
    Invalid = "invalid",
    // Warnings: AWS accepts the pattern, probably not as meant.
    /// A condition every value satisfies.
    AlwaysMatches = "always-matches",
    /// A condition no value can satisfy.
    NeverMatches = "never-matches",
    /// A field written twice: AWS keeps the last.
    DuplicateKey = "duplicate-key",
    /// A wildcard with no `*`.
    WildcardWithoutStar = "wildcard-without-star",
    /// Text after the pattern's closing brace (AWS ignores it).
    TrailingText = "trailing-text",
    /// A value with spaces around it.
    SurroundingSpace = "surrounding-space",
    /// A numeric bound beyond the documented range.
    NumericRangeLimit = "numeric-range-limit",
    /// A number written as a string (or the reverse).
    NumberAsString = "number-as-string",
    /// equals-ignore-case on text with no letters.
    IgnoreCaseWithoutLetters = "ignore-case-without-letters",
    /// A misspelt envelope field (`detailType`).
    EnvelopeFieldSpelling = "envelope-field-spelling",
    /// `detail.resources` where the envelope's `resources` was meant, or the reverse.
    DetailResources = "detail-resources",
    /// CloudTrail's resources read from the envelope.
    CloudtrailResources = "cloudtrail-resources",
    /// A CloudTrail field at the top instead of under `detail`.
    CloudtrailFieldAtTop = "cloudtrail-field-at-top",
    /// More `$or` combinations than AWS documents.
    OrCombinations = "or-combinations",
    /// A `cidr` range that also matches the other address family.
    CidrOtherFamily = "cidr-other-family",
    /// A wildcard rule close to AWS's complexity limit.
    WildcardComplexity = "wildcard-complexity",
    // Tips: they need the loaded events.
    /// No loaded event has the field.
    MissingField = "missing-field",
    /// An exact value no event has, though longer values start with it.
    UsePrefix = "use-prefix",
    /// An exact value that differs from a seen one only in case.
    UseEqualsIgnoreCase = "use-equals-ignore-case",
    /// An exact value no event has, close to one that is seen.
    NearValue = "near-value",
    /// `resources.…` reads the envelope's list of ARNs.
    EnvelopeResources = "envelope-resources",
    /// Matched events are read-only: they need a rule state that receives them.
    ReadOnlyEvents = "read-only-events",
    /// Matched events include failed calls (`errorCode`).
    FailedCallsMatch = "failed-calls-match",
    /// Any kind this version does not know.
    Other = "other",
}

impl From<&str> for Kind {
    /// The kind of a code; [`Kind::Other`] for an unknown one (a test checks every code the
    /// crate emits is known).
    fn from(code: &str) -> Kind {
        Kind::from_code(code).unwrap_or(Kind::Other)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(*kind));
        }
        let mut codes: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Kind::ALL.len());
        assert_eq!(Kind::from("no-such-code"), Kind::Other);
    }
}
