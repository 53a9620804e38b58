// Where the editor's completion thinks the cursor is, for unfinished pattern text (no browser:
// www/editor/completion.js is plain JavaScript). One line per case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextAt } from '../../www/editor/completion.js';

test('completion context of the text before the cursor', () => {
  // [text before the cursor, kind, field path, index of an unfinished string's open quote]
  const cases = [
    ['{', 'key', [], null],
    ['{"so', 'key', [], 1],
    ['{"source": ["aws.ec2"], ', 'key', [], null],
    ['{"detail": {', 'key', ['detail'], null],
    ['{"detail": {"eventName": [', 'value', ['detail', 'eventName'], null],
    ['{"detail": {"eventName": ["Run', 'value', ['detail', 'eventName'], 26],
    ['{"detail.eventName": ["a", ', 'value', ['detail', 'eventName'], null],
    ['{"detail": {"eventName": [{', 'operator', ['detail', 'eventName'], null],
    ['{"$or": [{"source": [', 'value', ['source'], null],
    ['{"$or": [{', 'key', [], null],
    ['{"a": {"b\\"c": [', 'value', ['a', 'b"c'], null],
    ['{"detail": {"x": [1]}, ', 'key', [], null],
  ];
  for (const [text, kind, path, from] of cases) {
    assert.deepEqual(contextAt(text), { kind, path, from }, text);
  }
  assert.equal(contextAt(''), null);
  assert.equal(contextAt('{"source": '), null);
});
