// Diagnostics from the pattern crate as CodeMirror lint marks, each with its fix as an action
// ("Apply fix" in the hover, or Ctrl+. / Cmd+. at the cursor). A fix is the whole fixed text,
// handed to the app, which applies it as one undo step.

/** A lint diagnostic for `d` (`{from, to, severity, message, fixTitle?, fixText?}`). */
export function toLint(d, length, onFix) {
  let from = Math.max(0, Math.min(d.from, length));
  let to = Math.max(from, Math.min(d.to, length));
  if (from === to) {
    // An empty span ("unexpected end"): mark the character before it, or after it.
    if (from > 0) from -= 1; else if (to < length) to += 1;
  }
  const message = d.fixTitle ? `${d.message}\nFix: ${d.fixTitle}` : d.message;
  const actions = d.fixText == null ? [] : [{ name: 'Apply fix', apply: () => onFix(d.fixText) }];
  return { from, to, severity: d.severity, message, actions };
}

/** The diagnostic whose fix Ctrl+. applies: the one under the cursor, else the nearest. */
export function fixAt(diagnostics, at) {
  const fixable = diagnostics.filter((d) => d.fixText != null);
  const under = fixable.find((d) => d.from <= at && at <= Math.max(d.to, d.from + 1));
  if (under) return under;
  let best = null;
  for (const d of fixable) {
    const distance = Math.min(Math.abs(d.from - at), Math.abs(d.to - at));
    if (!best || distance < best.distance) best = { d, distance };
  }
  return best?.d ?? null;
}

/** Ctrl+. (Cmd+. on a Mac): apply the fix nearest the cursor. */
export function quickFixKeymap(diagnostics, onFix) {
  return [{
    key: 'Mod-.',
    run: (view) => {
      const d = fixAt(diagnostics(), view.state.selection.main.head);
      if (!d) return false;
      onFix(d.fixText);
      return true;
    },
  }];
}
