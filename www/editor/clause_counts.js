// Per-clause match counts drawn after each leaf's list: `["RunInstances"]  12 of 30`, so a user
// sees which clause filters everything out. The app computes the counts; this only draws them.
import { StateEffect, StateField, RangeSet } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';

/** Replaces the counts: `[{at, count, total}]`, `at` the UTF-16 offset just after a leaf list. */
export const setClauseCounts = StateEffect.define();

class CountWidget extends WidgetType {
  constructor(count, total) {
    super();
    this.count = count;
    this.total = total;
  }

  eq(other) { return other.count === this.count && other.total === this.total; }

  toDOM() {
    const span = document.createElement('span');
    span.className = this.count === 0 ? 'cm-clause-count none' : 'cm-clause-count';
    span.textContent = `${this.count} of ${this.total}`;
    span.title = `${this.count} of ${this.total} loaded events satisfy this condition on its own`;
    return span;
  }

  ignoreEvent() { return true; }
}

function decorations(list, length) {
  const ranges = list
    .filter((c) => c.at >= 0 && c.at <= length)
    .sort((a, b) => a.at - b.at)
    .map((c) => Decoration.widget({ widget: new CountWidget(c.count, c.total), side: 1 }).range(c.at));
  return RangeSet.of(ranges);
}

/** The extension: counts follow edits until the app sends new ones. */
export function clauseCounts() {
  return StateField.define({
    create: () => Decoration.none,
    update(value, tr) {
      let next = value.map(tr.changes);
      for (const effect of tr.effects) {
        if (effect.is(setClauseCounts)) next = decorations(effect.value, tr.state.doc.length);
      }
      return next;
    },
    provide: (field) => EditorView.decorations.from(field),
  });
}
