// The playground as a user meets it: paste, type, read the verdicts and the reasons, survive a
// reload. Elements are found by role and accessible name, as a user (or screen reader) finds them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, screenshot, setEditorText, editorText } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const RECORD = {
  eventVersion: '1.09',
  userIdentity: { type: 'IAMUser', accountId: '111122223333', userName: 'alice' },
  eventTime: '2024-05-01T12:00:00Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'StopInstances',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.7',
  requestParameters: { instancesSet: { items: [{ instanceId: 'i-0abc' }] }, force: false },
  responseElements: null,
  eventID: '6e0bd1a1-7a1b-4d0e-9d7e-0b2f6a1c1d11',
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
};

const patternBox = (page) => page.getByRole('textbox', { name: 'Event pattern' });
const eventsBox = (page) => page.getByRole('textbox', { name: 'Events' });
const results = (page) => page.getByRole('region', { name: 'Results' });

async function setPattern(page, text) {
  await setEditorText(patternBox(page), text);
}

test('the default example explains the walkthrough rule', async () => {
  const page = await openPage(env);
  await results(page).getByText('1 of 2 events match').waitFor();
  const list = results(page).getByRole('list', { name: 'Result list' });
  await list.getByText('Matched', { exact: true }).first().waitFor();
  assert.match(await list.textContent(), /detail\.eventName is "TerminateInstances"; pattern wants/);
  await screenshot(page, 'default-example');
  assert.deepEqual(page.problems, []);
});

test('paste a record, type patterns, read Matched / Not matched and why', async () => {
  const page = await openPage(env);
  await setEditorText(eventsBox(page), JSON.stringify(RECORD, null, 2));
  await setPattern(page, '{"source": ["aws.ec2"], "detail": {"eventName": ["StopInstances"]}}');
  await results(page).getByText('1 of 1 event match').waitFor();
  await results(page).getByRole('button', { name: /^Matched #1 StopInstances/ }).waitFor();

  await setPattern(page, '{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"]}}');
  await results(page).getByText('0 of 1 event match').waitFor();
  await results(page).getByRole('button', { name: /^Not matched #1 StopInstances/ }).waitFor();
  const reasons = await results(page).locator('.reasons').textContent();
  assert.match(reasons, /detail\.eventName is "StopInstances"; pattern wants/);
  await screenshot(page, 'non-match');

  // Selecting the result shows the event with the fields the pattern reads highlighted.
  await results(page).getByRole('button', { name: /#1 StopInstances/ }).click();
  const selected = page.getByRole('region', { name: /Event #1: StopInstances/ });
  await selected.waitFor();
  assert.equal(await selected.locator('.hl-bad > .key', { hasText: 'eventName' }).count(), 1);
  assert.equal(await selected.locator('.hl-ok > .key', { hasText: 'source' }).count(), 1);
  assert.deepEqual(page.problems, []);
});

test('an invalid pattern raises an alert naming the place, and keeps the text', async () => {
  const page = await openPage(env);
  const broken = '{\n  "source": ["aws.ec2"],\n  "detail": {"eventName": "RunInstances"}\n}';
  await setPattern(page, broken);
  const alert = page.getByRole('region', { name: 'Event pattern' }).getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /Line 3:\d+ at detail\.eventName/);
  assert.equal(await editorText(patternBox(page)), broken);
  assert.equal(await patternBox(page).getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'invalid-pattern');

  await setPattern(page, '{"source": ["aws.ec2"');
  // The previous alert stays until the new text's check is drawn (after its answer's paint):
  // wait for the new one, not for any alert.
  await alert.filter({ hasText: /Line 1:\d+/ }).waitFor();
  assert.match(await alert.textContent(), /Line 1:\d+/);
  assert.deepEqual(page.problems, []);
});

test('work survives a reload', async () => {
  const page = await openPage(env);
  await setEditorText(eventsBox(page), JSON.stringify(RECORD));
  const mine = '{"detail": {"eventName": [{"prefix": "Stop"}]}}';
  await setPattern(page, mine);
  await results(page).getByText('1 of 1 event match').waitFor();
  await page.waitForTimeout(700); // the workspace is kept 400 ms after the last change
  await page.reload();
  await page.getByRole('heading', { name: 'EventPen', level: 1 }).waitFor();
  assert.equal(await editorText(patternBox(page)), mine);
  await results(page).getByText('1 of 1 event match').waitFor();
  assert.deepEqual(page.problems, []);
});

test('empty state and narrow window', async () => {
  const page = await openPage(env, { width: 420, height: 900 });
  await page.getByRole('button', { name: 'Clear events' }).click();
  await setPattern(page, '');
  await results(page).getByText(/No events loaded yet|Write a valid event pattern/).waitFor();
  await screenshot(page, 'empty-narrow');
  const page2 = await openPage(env, { width: 420, height: 900 });
  await screenshot(page2, 'default-narrow');
  const box = await page2.getByRole('region', { name: 'Events' }).boundingBox();
  const res = await page2.getByRole('region', { name: 'Results' }).boundingBox();
  assert.ok(res.y > box.y + box.height - 1, 'regions stack on a narrow window');
  assert.deepEqual(page.problems, []);
});
