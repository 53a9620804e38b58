// One-click fixes from the evaluation core: a tip from the events (exact name → prefix for
// Lambda's versioned API names) and an error fix (an object written inside a field's list, the
// walkthrough's t2.micro mistake). Each is one click, one undo step, and the counts follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, screenshot, setEditorText, editorText } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const record = (eventSource, eventName, extra = {}) => ({
  eventVersion: '1.09',
  userIdentity: { type: 'IAMUser', accountId: '111122223333', userName: 'alice' },
  eventTime: '2024-05-01T12:00:00Z',
  eventSource,
  eventName,
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.7',
  eventID: `6e0bd1a1-7a1b-4d0e-9d7e-0b2f6a1c1d${String(eventName.length).padStart(2, '0')}`,
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  ...extra,
});

const patternBox = (page) => page.getByRole('textbox', { name: 'Event pattern' });
const eventsBox = (page) => page.getByRole('textbox', { name: 'Events' });
const results = (page) => page.getByRole('region', { name: 'Results' });

test('the prefix tip for versioned Lambda names applies in one click', async () => {
  const page = await openPage(env);
  const events = [
    record('lambda.amazonaws.com', 'CreateFunction20150331'),
    record('lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2'),
    record('lambda.amazonaws.com', 'GetFunction20150331v2'),
  ];
  await setEditorText(eventsBox(page), events.map((e) => JSON.stringify(e)).join('\n'));
  await setEditorText(patternBox(page), '{"source": ["aws.lambda"], "detail": {"eventName": ["CreateFunction"]}}');
  await results(page).getByText('0 of 3 events match').waitFor();
  const tips = page.getByRole('status', { name: 'Tips' });
  await tips.getByText(/"CreateFunction20150331" starts with it/).waitFor();
  await screenshot(page, 'tip-with-fix');
  await tips.getByRole('button', { name: 'Apply fix: Use prefix "CreateFunction"' }).click();
  await results(page).getByText('1 of 3 events match').waitFor();
  assert.equal(
    await editorText(patternBox(page)),
    '{"source": ["aws.lambda"], "detail": {"eventName": [{"prefix": "CreateFunction"}]}}',
  );
  // One undo step back to the text as typed.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await results(page).getByText('0 of 3 events match').waitFor();
  assert.deepEqual(page.problems, []);
});

test('an object inside a field list gets AWS\'s error and a one-click rewrite', async () => {
  const page = await openPage(env);
  const launched = (type) => record('ec2.amazonaws.com', 'RunInstances', {
    responseElements: { instancesSet: { items: [{ instanceId: 'i-1', instanceType: type }] } },
  });
  await setEditorText(eventsBox(page), [launched('t2.micro'), launched('m5.large')].map((e) => JSON.stringify(e)).join('\n'));
  const broken = '{\n  "source": ["aws.ec2"],\n  "detail": {"responseElements": {"instancesSet": {"items": [{"instanceType": ["t2.micro"]}]}}}\n}';
  await setEditorText(patternBox(page), broken);
  const editor = page.getByRole('region', { name: 'Event pattern' });
  await editor.getByRole('alert').getByText(/Unrecognized match type instanceType/).waitFor();
  await screenshot(page, 'error-with-fix');
  await editor.getByRole('button', { name: /^Apply fix: `instanceType` is read as an operator/ }).click();
  await results(page).getByText('1 of 2 events match').waitFor();
  assert.match(await editorText(patternBox(page)), /"items": \{"instanceType": \["t2\.micro"\]\}/);
  assert.deepEqual(page.problems, []);
});
