// Share links: round trip into a fresh browser, hostile and broken links, the length warning,
// the address bar following the work, and a link never silently replacing local work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, screenshot, setEditorText, editorText } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const patternBox = (page) => page.getByRole('textbox', { name: 'Event pattern' });
const eventsBox = (page) => page.getByRole('textbox', { name: 'Events' });
const summary = (page) => page.getByRole('region', { name: 'Results' }).locator('.summary');

async function shareLink(page, { withEvents = false, redact = true } = {}) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Share this/ });
  if (withEvents) {
    await dialog.getByLabel(/Pattern \+ events/).check();
    if (!redact) await dialog.getByLabel(/Redact/).uncheck();
  }
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  return { dialog, link };
}

test('pattern + events link reopens identically in a fresh browser context', async () => {
  const page = await openPage(env);
  const pattern = '{"detail": {"eventName": [{"prefix": "Run"}]}}';
  await setEditorText(patternBox(page), pattern);
  await summary(page).getByText('1 of 2 events match').waitFor();
  const { dialog, link } = await shareLink(page, { withEvents: true, redact: false });
  assert.match(await dialog.textContent(), /Link length: \d+ characters/);
  await screenshot(page, 'share-dialog');
  const fresh = await openPage(env, { hash: new URL(link).hash });
  assert.equal(await editorText(patternBox(fresh)), pattern);
  assert.equal(await editorText(eventsBox(fresh)), await editorText(eventsBox(page)));
  await summary(fresh).getByText('1 of 2 events match').waitFor();
  assert.deepEqual(fresh.problems, []);
});

test('pattern-only link of the default example is under 1 KB; redaction replaces account ids', async () => {
  const page = await openPage(env);
  const { link } = await shareLink(page);
  assert.ok(new URL(link).hash.length < 1024, `pattern-only fragment is ${new URL(link).hash.length} bytes`);
  await page.getByRole('button', { name: 'Close' }).click();
  const { dialog, link: redacted } = await shareLink(page, { withEvents: true, redact: true });
  assert.match(await dialog.textContent(), /values? redacted/);
  const fresh = await openPage(env, { hash: new URL(redacted).hash });
  const text = await editorText(eventsBox(fresh));
  assert.ok(!text.includes('111122223333'), 'account id redacted');
  await summary(fresh).getByText('1 of 2 events match').waitFor();
});

test('hostile strings in a link stay text', async () => {
  const page = await openPage(env);
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const quotes = '"\'`$(x) \\ </textarea>';
  await setEditorText(patternBox(page), JSON.stringify({ source: [hostile], 'detail-type': [quotes] }));
  await setEditorText(eventsBox(page), JSON.stringify({ version: '0', id: hostile, 'detail-type': quotes, source: hostile, account: '1', time: 't', region: 'r', resources: [], detail: { x: hostile } }));
  const { link } = await shareLink(page, { withEvents: true, redact: false });
  const fresh = await openPage(env, { hash: new URL(link).hash });
  await summary(fresh).getByText('1 of 1 event match').waitFor();
  assert.equal(await fresh.evaluate(() => window.__pwned ?? null), null);
  assert.equal(await fresh.locator('img[src="x"]').count(), 0);
  assert.deepEqual(fresh.problems, []);
});

test('broken, truncated, tampered and future links show a notice and fall back', async () => {
  const page = await openPage(env);
  const { link } = await shareLink(page, { withEvents: true });
  const hash = new URL(link).hash;
  const cases = [hash.slice(0, Math.floor(hash.length / 2)), hash.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) + '%%', '#v9.AAAA', '#garbage', '#ex=no-such-example'];
  for (const bad of cases) {
    const p = await openPage(env, { hash: bad });
    const alert = p.getByRole('alert').first();
    await alert.waitFor();
    assert.match(await alert.textContent(), /could not be opened|no example named/);
    await patternBox(p).waitFor();
    assert.ok((await editorText(patternBox(p))).length > 0, 'falls back to a workspace');
    assert.deepEqual(p.problems, [], bad);
    await p.context().close();
  }
});

test('the address bar follows the work without history entries; a link offers local work back', async () => {
  const page = await openPage(env);
  const before = await page.evaluate(() => history.length);
  await setEditorText(patternBox(page), '{"source": ["aws.s3"]}');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => history.length), before);
  await page.waitForTimeout(500);
  // Another link opened in the same browser: the work is not silently lost.
  const other = await openPage(env);
  const { link } = await shareLink(other);
  await page.goto(link);
  await page.reload();
  const restore = page.getByRole('button', { name: 'Restore my work' });
  await restore.waitFor();
  await restore.click();
  assert.equal(await editorText(patternBox(page)), '{"source": ["aws.s3"]}');
});

test('long links warn above 8 KB', async () => {
  const page = await openPage(env);
  const many = Array.from({ length: 60 }, (_, i) => JSON.stringify({ version: '0', id: `${i}-${Math.random()}`, 'detail-type': 'x', source: `s${Math.random()}`, account: '1', time: 't', region: 'r', resources: [], detail: { n: Array.from({ length: 20 }, () => Math.random().toString(36).slice(2)).join('') } })).join('\n');
  await setEditorText(eventsBox(page), many);
  const { dialog } = await shareLink(page, { withEvents: true, redact: false });
  await dialog.getByText(/Over 8 KB/).waitFor();
});

test('a pattern + events link carries loaded files, and names those too large for a link', async () => {
  const page = await openPage(env);
  const event = (i, name) => JSON.stringify({ version: '0', id: `e-${i}`, 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.ec2', account: '111122223333', time: '2024-05-01T12:00:00Z', region: 'us-east-1', resources: [], detail: { eventName: name, pad: 'x'.repeat(300) } });
  const small = [event(1, 'RunInstances'), event(2, 'StopInstances'), event(3, 'RunInstances')].join('\n');
  const large = Array.from({ length: 3200 }, (_, i) => event(10 + i, 'DescribeInstances')).join('\n');
  assert.ok(large.length > 1024 * 1024, 'the large file is over the kept-text size');
  const files = page.getByLabel('Add event files');
  await files.setInputFiles({ name: 'small.jsonl', mimeType: 'application/json', buffer: Buffer.from(small) });
  await page.getByText('3 events loaded', { exact: true }).waitFor();
  await files.setInputFiles({ name: 'large.jsonl', mimeType: 'application/json', buffer: Buffer.from(large) });
  await page.getByText('3203 events loaded', { exact: true }).waitFor();
  await setEditorText(patternBox(page), '{"detail": {"eventName": ["RunInstances"]}}');
  await summary(page).getByText('2 of 3203 events match').waitFor();
  const { dialog, link } = await shareLink(page, { withEvents: true, redact: false });
  assert.match(await dialog.getByRole('status').filter({ hasText: 'Not in the link' }).textContent(), /large\.jsonl/);
  assert.doesNotMatch(await dialog.textContent(), /small\.jsonl/);
  assert.ok(link.length > 0, 'a link once the files are read');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'share-dialog-loaded-files-narrow');
  const fresh = await openPage(env, { hash: new URL(link).hash });
  await summary(fresh).getByText('2 of 3 events match').waitFor();
  assert.deepEqual(fresh.problems, []);
});
