// Completion from the loaded events: field names where a key goes (with how many events have
// the field), values where a leaf list's item goes (with counts), and operators with their
// operand shapes. The catalog comes from the app (eventpen_playground::Catalog, as JSON).

/** Operators of a leaf list, with the operand shape each is written with. */
const OPERATORS = [
  ['prefix', '{"prefix": ""}', 'starts with'],
  ['suffix', '{"suffix": ""}', 'ends with'],
  ['equals-ignore-case', '{"equals-ignore-case": ""}', 'any case'],
  ['wildcard', '{"wildcard": "*"}', '* matches any run of characters'],
  ['anything-but', '{"anything-but": [""]}', 'none of these'],
  ['numeric', '{"numeric": [">", 0]}', 'compare numbers'],
  ['exists', '{"exists": true}', 'field present (or false: absent)'],
  ['cidr', '{"cidr": "10.0.0.0/24"}', 'IP address in a range'],
];

/**
 * Where the cursor is in the (possibly unfinished) JSON before it: `{ kind, path }` with kind
 * `key` (a member name goes here), `operator` (a key inside an object inside a leaf list) or
 * `value` (an item of a leaf list); `path` is the field path of the enclosing keys (dotted keys
 * split). A tolerant scan: unfinished strings and missing brackets are fine.
 */
export function contextAt(text) {
  const stack = [];
  let pendingKey = null;
  let i = 0;
  let openString = null;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) { openString = i; break; }
      const top = stack[stack.length - 1];
      if (top?.type === 'object' && top.expectKey) {
        try { pendingKey = JSON.parse(text.slice(i, j + 1)); } catch { pendingKey = text.slice(i + 1, j); }
      }
      i = j + 1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{') stack.push({ type: 'object', expectKey: true, key: null });
    else if (c === '[') stack.push({ type: 'array', branches: top?.type === 'object' && top.key === '$or' });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ':' && top?.type === 'object') { top.key = pendingKey; top.expectKey = false; pendingKey = null; }
    else if (c === ',' && top?.type === 'object') { top.expectKey = true; top.key = null; }
    i++;
  }
  const top = stack[stack.length - 1];
  if (!top) return null;
  const path = [];
  let inList = false;
  for (const frame of stack.slice(0, -1)) {
    if (frame.type === 'array') {
      // `$or`'s list holds branches (objects of fields), not a field's conditions.
      inList = !frame.branches;
      continue;
    }
    if (frame.key != null && frame.key !== '$or') path.push(...String(frame.key).split('.'));
  }
  if (top.type === 'array') return { kind: 'value', path, from: openString };
  if (top.expectKey) return { kind: inList ? 'operator' : 'key', path, from: openString };
  return null;
}

/** The next path segments under `path`, with the most events any field below each has. */
function childKeys(catalog, path) {
  const prefix = path.join('.');
  const children = new Map();
  for (const field of catalog.fields) {
    const parts = field.path.split('.');
    if (parts.length <= path.length || (prefix && parts.slice(0, path.length).join('.') !== prefix)) continue;
    const name = parts[path.length];
    const leaf = parts.length === path.length + 1;
    const known = children.get(name);
    children.set(name, {
      events: Math.max(known?.events ?? 0, field.events),
      leaf: (known?.leaf ?? true) && leaf,
      // The catalog lists the usual starting fields first: keep that order.
      rank: known?.rank ?? children.size,
    });
  }
  return children;
}

/** Replace `from..to` with `insert`, swallowing the quotes around the typed word (the open
 * quote the user typed and the closing one auto-close added), cursor `cursor` chars in. */
function replaceWord(view, from, to, insert, cursor = insert.length) {
  const doc = view.state.doc;
  const start = from > 0 && doc.sliceString(from - 1, from) === '"' ? from - 1 : from;
  const end = doc.sliceString(to, to + 1) === '"' ? to + 1 : to;
  view.dispatch({
    changes: { from: start, to: end, insert },
    selection: { anchor: start + cursor },
    userEvent: 'input.complete',
  });
}

/** The CodeMirror completion source, reading the latest catalog on each call. */
export function completionSource(catalog) {
  return (context) => {
    const before = context.state.doc.sliceString(0, context.pos);
    const where = contextAt(before);
    if (!where) return null;
    const word = context.matchBefore(/"?[\w.:@-]*/);
    if (!context.explicit && (!word || word.from === word.to)) return null;
    // Options are filtered against the text after the open quote.
    let from = where.from != null ? where.from + 1 : word?.from ?? context.pos;
    if (where.from == null && word && word.text.startsWith('"')) from += 1;
    const data = catalog();
    const options = [];
    if (where.kind === 'key' && data) {
      for (const [name, { events, leaf, rank }] of childKeys(data, where.path)) {
        const head = `${JSON.stringify(name)}: ${leaf ? '[' : '{'}`;
        options.push({
          label: name,
          detail: `${events} of ${data.events} events`,
          type: leaf ? 'property' : 'namespace',
          boost: 99 - Math.min(rank, 198),
          apply: (view, _c, f, t) => replaceWord(view, f, t, head + (leaf ? ']' : '}'), head.length),
        });
      }
    } else if (where.kind === 'value') {
      const field = data?.fields.find((f) => f.path === where.path.join('.'));
      for (const [rank, [value, count]] of (field?.values ?? []).entries()) {
        const text = value.startsWith('"') ? value.slice(1, -1) : value;
        options.push({
          label: text,
          detail: `${count} events`,
          type: 'constant',
          boost: 99 - rank,
          apply: (view, _c, f, t) => replaceWord(view, f, t, value),
        });
      }
      for (const [name, shape, info] of OPERATORS) {
        options.push({
          label: name,
          detail: `${shape} · ${info}`,
          type: 'keyword',
          boost: -99,
          apply: (view, _c, f, t) => replaceWord(view, f, t, shape, shape.lastIndexOf('"') > shape.indexOf(':') ? shape.lastIndexOf('"') : shape.length - 1),
        });
      }
    } else if (where.kind === 'operator') {
      for (const [name, shape, info] of OPERATORS) {
        const operand = shape.slice(shape.indexOf(':') + 2, -1);
        options.push({
          label: name,
          detail: info,
          type: 'keyword',
          apply: (view, _c, f, t) => replaceWord(view, f, t, `"${name}": ${operand}`),
        });
      }
    }
    if (!options.length) return null;
    return { from, options, validFor: /^[\w.:@-]*$/ };
  };
}
