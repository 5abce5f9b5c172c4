// Destination information from draft to students: a coordinator edits the TU Rheinfeld draft and
// submits it, the international-office admin reviews the changes and approves them, and a student
// finds the destination and reads it. A mistake in the editor is shown next to its field.
import { expect, expectVisible, logIn, run } from '../lib/harness.mjs';

const PASSWORD = 'mobility-demo';
const COORDINATOR = 'per.saether@fjordland.example';
const ADMIN = 'ingrid.haugland@fjordland.example';
const STUDENT = 'aase.bjornstad@student.fjordland.example';
const FEES = 'No tuition fees; a semester contribution of about 150 euros.';

await run(async (check) => {
  await check('the coordinator edits the draft and submits it', async ({ page, screenshot }) => {
    await logIn(page, COORDINATOR, PASSWORD);
    await page.waitForURL('**/coordinator');
    await page.getByRole('link', { name: /Informasjon om studiesteder|Information on destinations/ }).click();
    await page.locator('a[href="/coordinator/destinations/edit?partner_hei_id=tu-rheinfeld.example"]').click();
    await page.getByLabel(/^(Landkode|Country code)$/).fill('Germany');
    await page.getByLabel(/^(Studieavgifter|Tuition fees)$/).fill(FEES);
    await page.getByLabel(/^(Grunn til denne versjonen|Reason for this version)$/).fill('Fees for 2026/2027');
    await page.getByRole('button', { name: /^(Lagre utkast|Save draft)$/ }).click();
    const error = page.locator('[id="country_code-error"]');
    await expectVisible(error, 'no error next to the country code');
    expect(await page.getByLabel(/^(Studieavgifter|Tuition fees)$/).inputValue() === FEES, 'the typed fees were lost');
    await screenshot('editor-error-kept');
    await page.getByLabel(/^(Landkode|Country code)$/).fill('DE');
    await page.getByRole('button', { name: /^(Lagre utkast|Save draft)$/ }).click();
    await page.waitForURL('**saved=1');
    await page.getByRole('button', { name: /^(Send til godkjenning|Submit for review)$/ }).click();
    await page.waitForURL('**submitted=1');
    await expectVisible(page.getByRole('status').first(), 'no confirmation shown');
    await screenshot('editor-submitted');
  });

  await check('the admin sees the changes and approves them', async ({ page, screenshot }) => {
    await logIn(page, ADMIN, PASSWORD);
    await page.waitForURL('**/admin');
    await page.getByRole('link', { name: 'Destination information waiting for review' }).click();
    await page.locator('a[href$="partner_hei_id=tu-rheinfeld.example"]').click();
    const changed = page.locator('table.differences ins', { hasText: FEES });
    await expectVisible(changed, 'the new fees are not shown as a change');
    await screenshot('review-diff');
    await page.getByRole('button', { name: 'Approve and publish' }).click();
    await page.waitForURL('**/admin/information-review?done=approved');
    await screenshot('review-approved');
  });

  await check('the student finds the destination and reads it', async ({ page, screenshot }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.waitForURL('**/my-exchange');
    await page.getByRole('link', { name: /Finn et sted for utvekslingen din|Find a destination/ }).click();
    await page.getByLabel(/^(Landkode|Country code)$/).fill('DE');
    await page.getByRole('button', { name: /^(Søk etter studiesteder|Search destinations)$/ }).click();
    await page.locator('a[href="/destinations/tu-rheinfeld.example"]').click();
    await expectVisible(page.getByText(FEES), 'the approved fees are not on the destination page');
    await screenshot('destination-for-students');
  });
});
