// The CodeMirror pattern editor as a keyboard user meets it: a pattern written with completion
// only, the Lambda prefix tip and the t2.micro rewrite applied with one action each (the
// per-clause counts follow), the pattern editor reached from the top in at most 5 Tab presses
// with 30 events loaded, focus kept inside the Share dialog and given back on Escape, and
// axe-core scans (light and dark) of the default page, a challenge, presenter view and the
// Share dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, screenshot, setEditorText, editorText } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const record = (i, eventSource, eventName, extra = {}) => ({
  eventVersion: '1.09',
  userIdentity: { type: 'IAMUser', accountId: '111122223333', userName: ['alice', 'bob'][i % 2] },
  eventTime: new Date(Date.UTC(2024, 4, 1, 12, i)).toISOString().replace('.000', ''),
  eventSource,
  eventName,
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.7',
  eventID: `6e0bd1a1-7a1b-4d0e-9d7e-0b2f6a1c${String(1000 + i)}`,
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  ...extra,
});
const lines = (records) => records.map((r) => JSON.stringify(r)).join('\n');

const patternBox = (page) => page.getByRole('textbox', { name: 'Event pattern' });
const eventsBox = (page) => page.getByRole('textbox', { name: 'Events' });
const results = (page) => page.getByRole('region', { name: 'Results' });
const clauseCount = (page, text) => page.locator('.cm-clause-count', { hasText: text });

/** Accept the completion option named `name` with Enter once it is the selected one. CodeMirror
 * ignores Enter for 75 ms after the list changes (so fast typists do not accept by accident). */
async function accept(page, name) {
  await page.getByRole('listbox').getByRole('option', { name, selected: true }).waitFor();
  await page.waitForTimeout(100);
  await page.keyboard.press('Enter');
}

test('a pattern written with completion only (no field name typed in full)', async () => {
  const page = await openPage(env);
  await setEditorText(eventsBox(page), lines([
    record(1, 'ec2.amazonaws.com', 'RunInstances'),
    record(2, 'ec2.amazonaws.com', 'TerminateInstances'),
    record(3, 'ec2.amazonaws.com', 'RunInstances'),
  ]));
  // Completion reads the worker's field index: wait until it describes these three events.
  await page.getByText(/fields in 3 events/).waitFor();
  await setEditorText(patternBox(page), '');
  await patternBox(page).click();
  await page.keyboard.type('{');
  await page.keyboard.press('Control+Space');
  const options = page.getByRole('listbox');
  // Field names come from the events, with how many have them.
  await options.getByRole('option', { name: /^source3 of 3 events/ }).waitFor();
  await options.getByRole('option', { name: /^detail3 of 3 events/ }).click();
  await page.keyboard.type('eventN');
  await accept(page, /^eventName/);
  await page.keyboard.type('Run');
  // Values at the path, with counts: RunInstances is in 2 events.
  await options.getByRole('option', { name: /^RunInstances2 events/ }).waitFor();
  await screenshot(page, 'editor-completion');
  await accept(page, /^RunInstances/);
  assert.equal(await editorText(patternBox(page)), '{"detail": {"eventName": ["RunInstances"]}}');
  await results(page).getByText('2 of 3 events match').waitFor();
  await clauseCount(page, '2 of 3').waitFor();
  // Inside a leaf list, operators come with their operand shapes.
  await page.keyboard.type(', ');
  await page.keyboard.press('Control+Space');
  await options.getByRole('option', { name: /^prefix\{"prefix": ""\}/ }).waitFor();
  await options.getByRole('option', { name: /^numeric\{"numeric": \[">", 0\]\}/ }).waitFor();
  await page.keyboard.press('Escape');
  assert.deepEqual(page.problems, []);
});

test('the Lambda prefix tip and the t2.micro rewrite each apply with one action; counts follow', async () => {
  const page = await openPage(env, { width: 1280, height: 800 });
  await setEditorText(eventsBox(page), lines([
    record(1, 'lambda.amazonaws.com', 'CreateFunction20150331'),
    record(2, 'lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2'),
    record(3, 'lambda.amazonaws.com', 'GetFunction20150331v2'),
  ]));
  await setEditorText(patternBox(page), '{"source": ["aws.lambda"], "detail": {"eventName": ["CreateFunction"]}}');
  await results(page).getByText('0 of 3 events match').waitFor();
  await clauseCount(page, '0 of 3').waitFor();
  // Ctrl+. applies the fix nearest the cursor: one action, one undo step.
  await patternBox(page).getByText('"CreateFunction"').click();
  await page.keyboard.press('Control+.');
  await results(page).getByText('1 of 3 events match').waitFor();
  assert.equal(await editorText(patternBox(page)), '{"source": ["aws.lambda"], "detail": {"eventName": [{"prefix": "CreateFunction"}]}}');
  await clauseCount(page, '1 of 3').waitFor();
  await page.keyboard.press('Control+z');
  await results(page).getByText('0 of 3 events match').waitFor();

  const launched = (i, type) => record(i, 'ec2.amazonaws.com', 'RunInstances', {
    responseElements: { instancesSet: { items: [{ instanceId: `i-${i}`, instanceType: type }] } },
  });
  await setEditorText(eventsBox(page), lines([launched(1, 't2.micro'), launched(2, 'm5.large')]));
  await setEditorText(patternBox(page),
    '{"detail": {"responseElements": {"instancesSet": {"items": [{"instanceType": ["t2.micro"]}]}}}}');
  await page.getByRole('region', { name: 'Event pattern' }).getByRole('alert').getByText(/Unrecognized match type instanceType/).waitFor();
  // The error's mark: hover it, and its tooltip offers the fix as a button.
  await page.locator('.cm-lintRange-error').first().hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.getByText(/read as an operator because it is inside \[ \]/).waitFor();
  await screenshot(page, 'editor-quick-fix');
  await tooltip.getByRole('button', { name: 'Apply fix' }).click();
  await results(page).getByText('1 of 2 events match').waitFor();
  assert.match(await editorText(patternBox(page)), /"items": \{"instanceType": \["t2\.micro"\]\}/);
  await clauseCount(page, '1 of 2').waitFor();
  assert.deepEqual(page.problems, []);
});

test('the pattern editor is at most 5 Tab presses from the top with 30 events loaded', async () => {
  const page = await openPage(env);
  const names = ['RunInstances', 'StopInstances', 'DescribeInstances', 'CreateBucket', 'PutObject'];
  await setEditorText(eventsBox(page), lines(Array.from({ length: 30 }, (_, i) =>
    record(i, i % 2 ? 'ec2.amazonaws.com' : 's3.amazonaws.com', names[i % 5]))));
  await results(page).getByText(/30 events/).first().waitFor();
  // From the top of the page, as a keyboard user arrives: nothing focused.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  let presses = 0;
  while (presses < 5) {
    await page.keyboard.press('Tab');
    presses += 1;
    const at = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (at === 'Skip to the event pattern') {
      await page.keyboard.press('Enter');
      break;
    }
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'pattern-text', `after ${presses} Tab presses`);
  assert.ok(presses <= 5);
  // Tab indents inside the editor; Escape then Tab leaves it, as its hint says.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'pattern-text');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'pattern-text');
  assert.deepEqual(page.problems, []);
});

test('focus stays inside the Share dialog and returns to the Share button on Escape', async () => {
  const page = await openPage(env);
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Share/ });
  await dialog.waitFor();
  const inside = () => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') != null);
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await inside(), `Tab ${i + 1} stays in the dialog`);
  }
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inside(), `Shift+Tab ${i + 1} stays in the dialog`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Share');
  assert.deepEqual(page.problems, []);
});

test('arrow keys move between the Export tabs', async () => {
  const page = await openPage(env);
  const tabs = page.getByRole('tablist', { name: 'Export format' });
  const selected = tabs.getByRole('tab', { selected: true });
  const first = await selected.textContent();
  await selected.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((was) => document.activeElement?.getAttribute('role') === 'tab'
    && document.activeElement.getAttribute('aria-selected') === 'true' && document.activeElement.textContent !== was, first);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((was) => document.activeElement?.textContent === was
    && document.activeElement.getAttribute('aria-selected') === 'true', first);
  assert.deepEqual(page.problems, []);
});

/** Serious or critical axe-core violations (axe evaluated through the driver: the page's CSP
 * refuses inline scripts, as it should). */
async function axe(page, label) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  }
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
  });
  assert.deepEqual(found, [], `axe: ${label}`);
}

async function axeLightAndDark(page, label) {
  await page.emulateMedia({ colorScheme: 'light' });
  await axe(page, `${label}, light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe(page, `${label}, dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('axe-core: no serious or critical violations (default page, challenge, presenter view, Share dialog)', async () => {
  const page = await openPage(env);
  await results(page).getByText('1 of 2 events match').waitFor();
  await axeLightAndDark(page, 'default page');

  await page.getByRole('button', { name: 'Presenter view' }).click();
  await axeLightAndDark(page, 'presenter view');
  await page.getByRole('button', { name: 'Presenter view' }).click();

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('dialog', { name: /Share/ }).waitFor();
  await axeLightAndDark(page, 'Share dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Examples' }).click();
  const gallery = page.getByRole('dialog');
  await gallery.getByRole('link').first().click();
  await page.getByRole('region', { name: /./ }).filter({ has: page.getByRole('button', { name: 'Leave challenge' }) }).first().waitFor();
  await axeLightAndDark(page, 'a challenge');
  assert.deepEqual(page.problems, []);
});
