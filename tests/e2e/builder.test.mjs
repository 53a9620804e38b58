// The visual builder as a user meets it: rules built by clicks alone — on values in an event, in
// the facet panel and in the pattern tree — then the JSON and the results checked. Elements are
// found by role and accessible name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { start, openPage, screenshot, SHOTS, setEditorText, editorText } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const record = (eventName, extra = {}) => ({
  eventVersion: '1.09',
  userIdentity: { type: 'IAMUser', accountId: '111122223333', userName: 'alice' },
  eventTime: '2024-05-01T12:00:00Z',
  eventSource: 'ec2.amazonaws.com',
  eventName,
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.7',
  requestParameters: null,
  responseElements: null,
  eventID: `e-${eventName}-${Math.random().toString(16).slice(2, 8)}`,
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
  ...extra,
});
const launch = (type) => record('RunInstances', {
  requestParameters: { instancesSet: { items: [{ imageId: 'ami-0abc', instanceType: type, minCount: 1, maxCount: 1 }] } },
});
const lambda = (eventName) => record(eventName, {
  eventSource: 'lambda.amazonaws.com',
  requestParameters: { functionName: 'orders' },
});
// 1 t2.micro launch, 1 m5.large launch, a terminate by root, two Lambda changes with versioned names, one Lambda read.
const RECORDS = [
  launch('t2.micro'),
  launch('m5.large'),
  record('TerminateInstances', { userIdentity: { type: 'Root', accountId: '111122223333' } }),
  lambda('UpdateFunctionConfiguration20150331v2'),
  lambda('UpdateFunctionCode20150331v2'),
  lambda('GetFunction20150331v2'),
];

const patternBox = (page) => page.getByRole('textbox', { name: 'Event pattern' });
const results = (page) => page.getByRole('region', { name: 'Results' });
const tree = (page) => page.getByRole('region', { name: 'Pattern tree' });
const facets = (page) => page.getByRole('region', { name: 'Fields and values' });

/** A page with our events loaded and an empty pattern. */
async function fresh(options) {
  const page = await openPage(env, options);
  await page.getByRole('button', { name: 'Clear events' }).click();
  await setEditorText(page.getByRole('textbox', { name: 'Events' }), JSON.stringify({ Records: RECORDS }, null, 2));
  await setEditorText(patternBox(page), '');
  await page.getByRole('list', { name: 'Loaded events' }).waitFor();
  return page;
}

/** Open event `n` in the loaded-events list. */
async function openEvent(page, n) {
  const head = page.getByRole('list', { name: 'Loaded events' }).getByRole('button', { name: new RegExp(`^#${n} `) });
  if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
}

/** Click the value `path = json` in the open events, then the menu item `choice`. */
async function pick(page, path, json, choice) {
  await page.getByRole('button', { name: `${path} = ${json}: add to the pattern` }).first().click();
  const menu = page.getByRole('dialog', { name: `Conditions for ${path}` });
  await menu.waitFor();
  await menu.getByRole('button', { name: choice, exact: true }).click();
  await menu.waitFor({ state: 'detached' });
}

async function patternIs(page, value) {
  await page.waitForFunction(
    ([want]) => {
      const box = document.querySelector('#pattern-text');
      try { return box && JSON.stringify(JSON.parse(box.cmView ? box.cmView.state.doc.toString() : box.value)) === want; } catch { return false; }
    },
    [JSON.stringify(value)],
    { timeout: 5000 },
  ).catch(async () => assert.deepEqual(JSON.parse(await editorText(patternBox(page))), value));
}

async function matchCount(page, text) {
  await results(page).getByText(text).waitFor({ timeout: 5000 });
}

test('the walkthrough RunInstances rule, by clicks on an event', async () => {
  const page = await fresh();
  await openEvent(page, 1);
  await pick(page, 'source', '"aws.ec2"', 'equals "aws.ec2"');
  await pick(page, 'detail-type', '"AWS API Call via CloudTrail"', 'equals "AWS API Call via CloudTrail"');
  await pick(page, 'detail.eventSource', '"ec2.amazonaws.com"', 'equals "ec2.amazonaws.com"');
  await pick(page, 'detail.eventName', '"RunInstances"', 'equals "RunInstances"');
  const want = {
    source: ['aws.ec2'],
    'detail-type': ['AWS API Call via CloudTrail'],
    detail: { eventSource: ['ec2.amazonaws.com'], eventName: ['RunInstances'] },
  };
  await patternIs(page, want);
  assert.equal(await editorText(patternBox(page)), [
    '{',
    '  "source": ["aws.ec2"],',
    '  "detail-type": ["AWS API Call via CloudTrail"],',
    '  "detail": {',
    '    "eventSource": ["ec2.amazonaws.com"],',
    '    "eventName": ["RunInstances"]',
    '  }',
    '}',
  ].join('\n'));
  await matchCount(page, '2 of 6 events match');
  // Picked values show pressed; clicking one again removes it (one undo step brings it back).
  const picked = page.getByRole('button', { name: 'detail.eventName = "RunInstances": in the pattern' }).first();
  assert.equal(await picked.getAttribute('aria-pressed'), 'true');
  await picked.click();
  await patternIs(page, { source: ['aws.ec2'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventSource: ['ec2.amazonaws.com'] } });
  await matchCount(page, '3 of 6 events match');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await patternIs(page, want);
  assert.deepEqual(page.problems, []);
});

test('quick start from the selected event makes the same skeleton', async () => {
  const page = await fresh();
  await results(page).getByRole('button', { name: /#1 RunInstances/ }).click();
  await page.getByRole('button', { name: 'Start a pattern from this event' }).click();
  await patternIs(page, {
    source: ['aws.ec2'],
    'detail-type': ['AWS API Call via CloudTrail'],
    detail: { eventSource: ['ec2.amazonaws.com'], eventName: ['RunInstances'] },
  });
  await matchCount(page, '2 of 6 events match');
  assert.deepEqual(page.problems, []);
});

test('Lambda changes: a prefix drops the API version real events carry', async () => {
  const page = await fresh();
  await openEvent(page, 4);
  await pick(page, 'source', '"aws.lambda"', 'equals "aws.lambda"');
  await pick(page, 'detail.eventName', '"UpdateFunctionConfiguration20150331v2"', 'prefix "Update"');
  await patternIs(page, { source: ['aws.lambda'], detail: { eventName: [{ prefix: 'Update' }] } });
  await matchCount(page, '2 of 6 events match');
  // The menu's first prefix is the name without its version; the tree edits the chip in place.
  await pick(page, 'detail.eventName', '"UpdateFunctionConfiguration20150331v2"', 'prefix "UpdateFunctionConfiguration"');
  await patternIs(page, { source: ['aws.lambda'], detail: { eventName: [{ prefix: 'Update' }, { prefix: 'UpdateFunctionConfiguration' }] } });
  await tree(page).getByRole('button', { name: 'Remove condition prefix "Update" from detail.eventName' }).click();
  await patternIs(page, { source: ['aws.lambda'], detail: { eventName: [{ prefix: 'UpdateFunctionConfiguration' }] } });
  await matchCount(page, '1 of 6 events match');
  await screenshot(page, 'builder-lambda');
  assert.deepEqual(page.problems, []);
});

test('t2.micro launches: a nested array field from the facets', async () => {
  const page = await fresh();
  const panel = facets(page);
  await panel.getByRole('searchbox', { name: 'Search fields and values' }).fill('instanceType');
  await panel.getByRole('button', { name: /^t2\.micro 1: detail\.requestParameters\.instancesSet\.items\.instanceType, 1 event,/ }).click();
  await panel.getByRole('searchbox', { name: 'Search fields and values' }).fill('RunInstances');
  await panel.getByRole('button', { name: /^RunInstances 2: detail\.eventName, 2 events,/ }).click();
  await patternIs(page, {
    detail: { requestParameters: { instancesSet: { items: { instanceType: ['t2.micro'] } } }, eventName: ['RunInstances'] },
  });
  await matchCount(page, '1 of 6 events match');
  await panel.getByRole('searchbox', { name: 'Search fields and values' }).fill('');
  await screenshot(page, 'builder-facets');
  assert.deepEqual(page.problems, []);
});

test('an $or rule: group two fields in the pattern tree', async () => {
  const page = await fresh();
  const panel = facets(page);
  const search = panel.getByRole('searchbox', { name: 'Search fields and values' });
  await search.fill('aws.ec2');
  await panel.getByRole('button', { name: /^aws\.ec2 \d+: source,/ }).click();
  await search.fill('TerminateInstances');
  await panel.getByRole('button', { name: /^TerminateInstances \d+: detail\.eventName,/ }).click();
  await search.fill('Root');
  await panel.getByRole('button', { name: /^Root \d+: detail\.userIdentity\.type,/ }).click();
  await tree(page).getByRole('checkbox', { name: 'Select detail.eventName to group with $or' }).check();
  await tree(page).getByRole('checkbox', { name: 'Select detail.userIdentity.type to group with $or' }).check();
  await tree(page).getByRole('button', { name: 'Group 2 selected fields as any of ($or)' }).click();
  await patternIs(page, {
    source: ['aws.ec2'],
    detail: { $or: [{ eventName: ['TerminateInstances'] }, { userIdentity: { type: ['Root'] } }] },
  });
  await matchCount(page, '1 of 6 events match');
  // Add a second alternative value inside the group, from the chip's "+ or" editor.
  await tree(page).getByRole('button', { name: 'Add a condition to detail.eventName' }).click();
  const editor = tree(page).getByRole('form', { name: 'New condition on detail.eventName' });
  await editor.getByRole('combobox', { name: 'Operator' }).selectOption('equals');
  await editor.getByRole('textbox', { name: 'Value' }).fill('RunInstances');
  await editor.getByRole('button', { name: 'Add' }).click();
  await patternIs(page, {
    source: ['aws.ec2'],
    detail: { $or: [{ eventName: ['TerminateInstances', 'RunInstances'] }, { userIdentity: { type: ['Root'] } }] },
  });
  await matchCount(page, '3 of 6 events match');
  // A third alternative, and a field one branch also requires.
  await tree(page).getByRole('button', { name: 'Add a branch to the group: Any of these, in detail ($or)' }).click();
  const branchPath = tree(page).getByRole('combobox', { name: 'Field of a new branch' });
  assert.equal(await branchPath.inputValue(), 'detail.');
  await branchPath.fill('detail.eventName');
  const branchForm = tree(page).getByRole('form', { name: 'Condition for the field (Field of a new branch)' });
  await branchForm.getByRole('combobox', { name: 'Operator' }).selectOption('prefix');
  await branchForm.getByRole('textbox', { name: 'Value' }).fill('Stop');
  await branchForm.getByRole('button', { name: 'Add field' }).click();
  await tree(page).getByRole('button', { name: 'Add a field to branch 2 of 3' }).click();
  await tree(page).getByRole('combobox', { name: 'New field in branch 2' }).fill('detail.userIdentity.accountId');
  const andForm = tree(page).getByRole('form', { name: 'Condition for the field (New field in branch 2)' });
  await andForm.getByRole('combobox', { name: 'Operator' }).selectOption('exists');
  await andForm.getByRole('button', { name: 'Add field' }).click();
  await patternIs(page, {
    source: ['aws.ec2'],
    detail: { $or: [
      { eventName: ['TerminateInstances', 'RunInstances'] },
      { userIdentity: { type: ['Root'], accountId: [{ exists: true }] } },
      { eventName: [{ prefix: 'Stop' }] },
    ] },
  });
  await matchCount(page, '3 of 6 events match');
  await screenshot(page, 'builder-or');
  assert.deepEqual(page.problems, []);
});

test('the tree edits in place, adds fields by path, and goes stale on broken JSON', async () => {
  const page = await fresh();
  await tree(page).getByRole('combobox', { name: 'Add a field' }).fill('detail.eventName');
  const add = tree(page).getByRole('form', { name: 'Condition for the new field' });
  await add.getByRole('combobox', { name: 'Operator' }).selectOption('prefix');
  await add.getByRole('textbox', { name: 'Value' }).fill('Run');
  await add.getByRole('button', { name: 'Add field' }).click();
  await patternIs(page, { detail: { eventName: [{ prefix: 'Run' }] } });
  await matchCount(page, '2 of 6 events match');

  await tree(page).getByRole('button', { name: 'Edit condition prefix "Run" on detail.eventName' }).click();
  const edit = tree(page).getByRole('form', { name: 'Edit condition prefix "Run" on detail.eventName' });
  const operator = edit.getByRole('combobox', { name: 'Operator' });
  assert.ok(await operator.evaluate((el) => el === document.activeElement), 'focus moves into the chip editor');
  await operator.selectOption('anything-but');
  await edit.getByRole('textbox', { name: 'Value' }).fill('RunInstances');
  await edit.getByRole('textbox', { name: 'Value' }).press('Enter');
  await patternIs(page, { detail: { eventName: [{ 'anything-but': 'RunInstances' }] } });
  await matchCount(page, '4 of 6 events match');
  // Closing the editor hands focus back: after saving to the field's "+ or", after Escape to the chip.
  const focused = (name) => tree(page).getByRole('button', { name, exact: true }).evaluate((el) => el === document.activeElement);
  await page.waitForFunction(() => document.activeElement?.dataset.focusKey === 'Add a condition to detail.eventName');
  const chip = 'Edit condition anything-but "RunInstances" on detail.eventName';
  await tree(page).getByRole('button', { name: chip }).click();
  await page.keyboard.press('Escape');
  await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, chip);
  assert.equal(await focused(chip), true);

  // Broken JSON: the text stays, the tree shows the last valid pattern, marked stale, and is read-only.
  const broken = '{"detail": {"eventName": [{"anything-but": "RunInstances"}]';
  await setEditorText(patternBox(page), broken);
  await tree(page).getByRole('status').getByText(/last valid pattern/).waitFor();
  assert.equal(await tree(page).getByRole('button', { name: 'Remove field detail.eventName' }).isDisabled(), true);
  assert.equal(await editorText(patternBox(page)), broken);
  await screenshot(page, 'builder-stale');
  assert.deepEqual(page.problems, []);
});

test('the condition menu is keyboard accessible', async () => {
  const page = await fresh({ width: 1280, height: 900 });
  await openEvent(page, 1);
  const value = page.getByRole('button', { name: 'sourceIPAddress = "198.51.100.7": add to the pattern' }).first();
  // (the envelope puts the record under detail)
  const leaf = (await value.count()) ? value : page.getByRole('button', { name: 'detail.sourceIPAddress = "198.51.100.7": add to the pattern' }).first();
  await leaf.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: /Conditions for (detail\.)?sourceIPAddress/ });
  await menu.waitFor();
  assert.equal(await menu.getByRole('button', { name: 'equals "198.51.100.7"' }).evaluate((el) => el === document.activeElement), true);
  await screenshot(page, 'builder-menu');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  assert.equal(await leaf.evaluate((el) => el === document.activeElement), true, 'focus returns to the value');
  await page.keyboard.press('Enter');
  await menu.waitFor();
  await menu.getByRole('button', { name: 'cidr 198.51.100.0/24' }).focus();
  await page.keyboard.press('Enter');
  await patternIs(page, { detail: { sourceIPAddress: [{ cidr: '198.51.100.0/24' }] } });
  await matchCount(page, '6 of 6 events match');
  assert.deepEqual(page.problems, []);
});

test('10,000 events: facets, search and a facet click stay quick', async (t) => {
  const page = await openPage(env);
  await page.getByRole('button', { name: 'Clear events' }).click();
  await setEditorText(patternBox(page), '');
  const names = ['RunInstances', 'TerminateInstances', 'StopInstances', 'CreateTags', 'AttachVolume'];
  const records = Array.from({ length: 10000 }, (_, i) => record(names[i % names.length], {
    userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::111122223333:assumed-role/Dev/user${i % 50}`, accountId: '111122223333' },
    sourceIPAddress: `198.51.100.${i % 250}`,
    requestParameters: { instancesSet: { items: [{ imageId: 'ami-0abc', instanceType: i % 7 ? 't3.micro' : 'm5.large' }] } },
    eventID: `7a6b5c4d-3e2f-4a1b-9c8d-${String(i).padStart(12, '0')}`,
  }));
  let started = Date.now();
  await page.getByLabel('Add event files').setInputFiles({ name: 'trail.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ Records: records })) });
  const panel = facets(page);
  await panel.getByText(/fields in 10000 events/).waitFor({ timeout: 60000 });
  t.diagnostic(`10,000 events loaded, facets shown: ${Date.now() - started} ms`);
  // Typing a search: time from the input to the summary changing.
  const searchMs = await page.evaluate(async () => {
    const input = document.querySelector('.facet-search input');
    const status = document.querySelector('.facet-summary');
    const t0 = performance.now();
    input.value = 'm5.large';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    while (!status.textContent.includes('m5.large')) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  });
  t.diagnostic(`facet search over 10,000 events: ${searchMs.toFixed(1)} ms`);
  started = Date.now();
  await panel.getByRole('button', { name: /^m5\.large 1429: .*instanceType, 1429 events, add/ }).click();
  await results(page).getByText('1429 of 10000 events match').waitFor({ timeout: 20000 });
  t.diagnostic(`facet click to results over 10,000 events: ${Date.now() - started} ms`);
  assert.ok(searchMs < 1000, `search took ${searchMs} ms`);
  await panel.getByRole('searchbox', { name: 'Search fields and values' }).fill('');
  mkdirSync(SHOTS, { recursive: true });
  await panel.screenshot({ path: path.join(SHOTS, 'builder-facets-10k.png') });
  assert.deepEqual(page.problems, []);
});
