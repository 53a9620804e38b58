// Sample events as a first-time visitor meets them: marked as samples, replaced by the user's
// own file (nothing silently mixed), and brought back with one click.
import { test, before, after } from 'node:test';
import { start, openPage } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const record = (i, eventName) => ({
  eventVersion: '1.09', eventTime: `2024-05-01T12:0${i}:00Z`, eventSource: 'ec2.amazonaws.com', eventName,
  awsRegion: 'eu-west-1', eventID: `e-${i}`, eventType: 'AwsApiCall', recipientAccountId: '111122223333',
  userIdentity: { type: 'IAMUser', accountId: '111122223333' }, readOnly: false, managementEvent: true,
});

test('the sample events are marked, replaced by a loaded file, and come back with one click', async () => {
  const page = await openPage(env, { width: 1280, height: 800 });
  const results = page.getByRole('region', { name: 'Results' });
  await results.getByText('1 of 2 events match').waitFor();
  await page.getByText('Sample events', { exact: true }).waitFor();
  const trail = { Records: [record(1, 'RunInstances'), record(2, 'RunInstances'), record(3, 'StopInstances')] };
  await page.getByLabel('Add event files').setInputFiles({
    name: 'trail.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(trail)),
  });
  // Only the user's three events: the two samples stepped aside.
  await results.getByText('2 of 3 events match').waitFor();
  await page.getByText('Your events replaced the sample events.').waitFor();
  await page.getByText('Sample events', { exact: true }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Bring the samples back' }).click();
  await results.getByText('1 of 2 events match').waitFor();
  await page.getByText('Sample events', { exact: true }).waitFor();
});
