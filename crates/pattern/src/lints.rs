//! Warnings: patterns AWS accepts that are probably not what their author meant.

use crate::compile::Compiled;
use crate::diagnostic::Diagnostic;

/// Lints a compiled pattern.
pub(crate) fn lint(_text: &str, _compiled: &Compiled) -> Vec<Diagnostic> {
    Vec::new()
}
