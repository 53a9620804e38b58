// From rule to delivered message: an input transformer on the walkthrough's events, rule settings
// that say where account and region come from, every export using them, and importing existing
// rules. Elements are found by role and accessible name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, screenshot, setEditorText, editorText } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const exportPane = (page) => page.getByRole('region', { name: 'Export' });
const output = (page) => page.getByRole('tabpanel');
const rendered = (page) => page.getByRole('region', { name: 'Rendered target input' });

const PATHS = JSON.stringify({
  who: '$.detail.userIdentity.sessionContext.sessionIssuer.userName',
  count: '$.detail.requestParameters.instancesSet.items[0].maxCount',
  type: '$.detail.requestParameters.instanceType',
  region: '$.region',
}, null, 2);

test('write a transformer for the walkthrough rule and see the SNS message per matched event', async () => {
  const page = await openPage(env);
  const pane = exportPane(page);
  await pane.getByRole('combobox', { name: 'What the target receives' }).selectOption('transformer');
  await pane.getByRole('textbox', { name: 'InputPathsMap' }).fill(PATHS);
  await pane.getByRole('textbox', { name: 'InputTemplate' }).fill('<who> launched <count>× <type> in <region>');
  const first = rendered(page).getByLabel('Target input for event 1');
  await first.getByText('Developer launched 1× t3.micro in eu-west-1', { exact: true }).waitFor();
  assert.match(await rendered(page).getByRole('heading').textContent(), /1 matched event/);

  // A path the event does not have: AWS creates no variable, the word disappears, a note says why.
  await pane.getByRole('textbox', { name: 'InputPathsMap' }).fill(PATHS.replace('$.region', '$.detail.nowhere'));
  await first.getByText('Developer launched 1× t3.micro in ', { exact: true }).waitFor();
  await rendered(page).getByText(/\$\.detail\.nowhere is not in this event/).waitFor();

  // A path AWS rejects: a positioned problem, and the user's text stays as typed.
  const bad = PATHS.replace('$.region', "$.detail['x']");
  await pane.getByRole('textbox', { name: 'InputPathsMap' }).fill(bad);
  await pane.getByRole('list', { name: 'Target input problems' }).getByText(/InputPathsMap 5:\d+: .*dot notation/).waitFor();
  assert.equal(await pane.getByRole('textbox', { name: 'InputPathsMap' }).inputValue(), bad);

  await pane.getByRole('textbox', { name: 'InputPathsMap' }).fill(PATHS);
  await pane.getByRole('textbox', { name: 'SNS topic (name or ARN)' }).fill('alerts');
  await page.getByRole('tab', { name: 'bash / zsh' }).click();
  await output(page).getByText(/"InputTransformer"/).first().waitFor();
  const copy = pane.getByRole('button', { name: 'Copy Commands (bash / zsh)' });
  await copy.click();
  await copy.getByText('Copied').waitFor();
  await pane.getByRole('button', { name: 'Download topic-policy.json' }).waitFor();
  await screenshot(page, 'transformer-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'transformer-390');
  assert.deepEqual(page.problems, []);
});

test('account and region: from your events, then typed, used by every command and template', async () => {
  const page = await openPage(env);
  const pane = exportPane(page);
  await pane.getByText('111122223333: from your events').waitFor();
  await pane.getByText('eu-west-1: from your events').waitFor();
  await pane.getByRole('textbox', { name: 'Account' }).fill('444455556666');
  await pane.getByRole('textbox', { name: 'Region' }).fill('ap-southeast-2');
  await pane.getByRole('textbox', { name: 'SNS topic (name or ARN)' }).fill('alerts');
  await page.getByRole('tab', { name: 'bash / zsh' }).click();
  const bash = await output(page).textContent();
  assert.match(bash, /--region ap-southeast-2/);
  assert.match(bash, /arn:aws:sns:ap-southeast-2:444455556666:alerts/);
  assert.doesNotMatch(bash, /111122223333|eu-west-1/);
  for (const [tab, want] of [['CloudFormation (JSON)', /444455556666[\s\S]*ap-southeast-2/], ['Terraform', /region\s*=\s*"ap-southeast-2"/]]) {
    await page.getByRole('tab', { name: tab }).click();
    assert.match(await output(page).textContent(), want, tab);
  }
  // A topic in another region: say which setup is needed.
  await pane.getByRole('textbox', { name: 'SNS topic (name or ARN)' }).fill('arn:aws:sns:us-east-1:444455556666:alerts');
  await pane.getByRole('alert').filter({ hasText: 'The topic is in us-east-1 but the rule in ap-southeast-2' }).waitFor();
  assert.deepEqual(page.problems, []);
});

const DESCRIBE_RULE = JSON.stringify({
  Name: 'launch-alerts',
  Arn: 'arn:aws:events:ap-southeast-2:444455556666:rule/launch-alerts',
  EventPattern: JSON.stringify({ source: ['aws.ec2'], detail: { eventName: ['RunInstances'] } }),
  State: 'DISABLED',
  EventBusName: 'default',
}, null, 2);

const CLOUDFORMATION = `Resources:
  LaunchAlertsRule:
    Type: AWS::Events::Rule
    Properties:
      Name: launch-alerts
      EventBusName: default
      State: DISABLED
      EventPattern:
        source: [aws.ec2]
        detail:
          eventName: [RunInstances]
      Targets:
        - Id: sns-topic
          Arn: !Ref AlertsTopic
          InputTransformer:
            InputPathsMap:
              type: $.detail.requestParameters.instanceType
            InputTemplate: "launched <type>"
  AlertsTopic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
`;

test('import a describe-rule JSON and a CloudFormation rule: same pattern and settings', async () => {
  const page = await openPage(env);
  const pane = exportPane(page);
  const box = pane.getByRole('textbox', { name: 'Rule to import' });
  await box.fill('{"Name": "x",\n  "EventPattern": }');
  await pane.getByRole('button', { name: 'Import rule' }).click();
  await pane.getByRole('alert').filter({ hasText: /Line 2, column \d+/ }).waitFor();
  assert.equal(await box.inputValue(), '{"Name": "x",\n  "EventPattern": }');

  const seen = [];
  for (const text of [DESCRIBE_RULE, CLOUDFORMATION]) {
    await box.fill(text);
    await pane.getByRole('button', { name: 'Import rule' }).click();
    await page.getByText(/Imported rule launch-alerts/).first().waitFor();
    seen.push({
      pattern: JSON.parse(await editorText(page.getByRole('textbox', { name: 'Event pattern' }))),
      name: await pane.getByRole('textbox', { name: 'Rule name' }).inputValue(),
      state: await pane.getByRole('combobox', { name: 'State' }).inputValue(),
    });
  }
  assert.deepEqual(seen[0], seen[1]);
  assert.deepEqual(seen[0].pattern, { source: ['aws.ec2'], detail: { eventName: ['RunInstances'] } });
  assert.equal(seen[0].state, 'DISABLED');
  assert.equal(await pane.getByRole('textbox', { name: 'InputTemplate' }).inputValue(), 'launched <type>');
  assert.equal(await pane.getByRole('textbox', { name: 'SNS topic (name or ARN)' }).inputValue(), 'alerts');
  assert.deepEqual(page.problems, []);
});

test('the gallery SNS alert example renders the one-line message', async () => {
  const page = await openPage(env, { hash: '#ex=ec2-run-instances-sns-alert' });
  await rendered(page).getByText('alice launched 2× t2.micro in eu-west-1', { exact: true }).waitFor();
  await rendered(page).getByText('bob launched 1× t3.small in eu-west-1', { exact: true }).waitFor();
  assert.deepEqual(page.problems, []);
});
