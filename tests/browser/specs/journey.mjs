// The outgoing student's journey through the portal, with a bokmål-reading student and coordinator
// and an English-reading admin: the student applies in the open round (using only the keyboard,
// a mistake first shown beside its field and what was typed kept) and attaches her transcript (a
// file that is no PDF refused beside the file field first), the coordinator opens the transcript
// and selects her,
// which nominates her to the partner, she proposes a course for pre-approval, and the admin
// approves it from the work queue; the student then sees the decision and its PDF. (The journey
// on to the partner's approvals, the learning agreement and its changes runs between two real
// nodes in journey_two_nodes.mjs.)
import { checkAccessibility, expect, expectVisible, logIn, run } from '../lib/harness.mjs';

const PASSWORD = 'mobility-demo';
const STUDENT = 'aase.bjornstad@student.fjordland.example';
const COORDINATOR = 'per.saether@fjordland.example';
const ADMIN = 'ingrid.haugland@fjordland.example';
const MOTIVATION = 'Jeg vil ta maskinlæring og distribuerte systemer ved Lumière-Nord.';
// The pages' Content-Security-Policy (no inline scripts) would refuse the axe-core script that
// checkAccessibility adds.
const AXE_CONTEXT = { bypassCSP: true };
const TRANSCRIPT = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

// Presses Tab until the element with `id` has the focus; fails after `limit` presses.
async function tabTo(page, id, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement && document.activeElement.id) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

await run(async (check) => {
  await check('the student applies with the keyboard alone', async ({ page, screenshot }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.waitForURL('**/my-exchange');
    await page.getByRole('link', { name: 'Søk om utveksling' }).click();
    await page.getByRole('link', { name: 'Exchange studies 2027/2028' }).click();
    await screenshot('nb-application-empty');
    await tabTo(page, 'choice_1');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'motivation');
    await page.keyboard.type(MOTIVATION);
    await tabTo(page, 'citizenship');
    await page.keyboard.type('Norge');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement.textContent.trim()) === 'Lever', 'Tab does not reach "Lever"');
    await page.keyboard.press('Enter');
    await page.locator('#citizenship-error').waitFor();
    expect(await page.locator('#citizenship').inputValue() === 'Norge', 'the citizenship typed was changed');
    expect(await page.locator('#motivation').inputValue() === MOTIVATION, 'the motivation typed was lost');
    await screenshot('nb-application-error-kept');
    await page.locator('#citizenship').fill('NO');
    await page.getByRole('button', { name: 'Lever' }).click();
    await page.waitForURL('**done=submitted');
    await expectVisible(page.getByRole('status'), 'no confirmation');
    await screenshot('nb-application-handed-in');

    // Her transcript, after a file that is no PDF, PNG or JPEG whatever its name says.
    const field = page.getByLabel('Dokument som skal legges ved');
    await field.setInputFiles({ name: 'karakterer.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text') });
    await page.getByRole('button', { name: 'Legg ved dokumentet' }).click();
    await expectVisible(page.locator('#document-error'), 'the refused file is not explained beside the field');
    expect((await page.locator('#document-error').textContent()).includes('Bare PDF-, PNG- og JPEG-filer'),
      'the refusal does not say which files are taken');
    await checkAccessibility(page, 'the application form with a refused document');
    await screenshot('nb-application-document-refused');
    await field.setInputFiles({ name: 'karakterutskrift.pdf', mimeType: 'application/pdf', buffer: TRANSCRIPT });
    await page.getByRole('button', { name: 'Legg ved dokumentet' }).click();
    await page.waitForURL(/done=attached/);
    await expectVisible(page.getByRole('link', { name: 'karakterutskrift.pdf' }), 'the transcript is not listed');
    await checkAccessibility(page, 'the application form with its document and the upload field');
    await screenshot('nb-application-document-attached');
  }, AXE_CONTEXT);

  await check('the coordinator selects her and she is nominated', async ({ page, screenshot }) => {
    await logIn(page, COORDINATOR, PASSWORD);
    await page.waitForURL('**/coordinator');
    await page.getByRole('link', { name: 'Søknader', exact: true }).click();
    await page.getByRole('link', { name: 'Exchange studies 2027/2028' }).click();
    const row = page.locator('tr', { hasText: 'Åse Bjørnstad' });
    await row.getByText('Dokumenter', { exact: true }).click();
    const download = page.waitForEvent('download');
    await row.getByRole('link', { name: 'karakterutskrift.pdf' }).click();
    expect((await download).suggestedFilename() === 'karakterutskrift.pdf', 'the coordinator does not get the transcript');
    await screenshot('nb-selection');
    await row.getByRole('button', { name: 'Velg ut og nominer' }).click();
    await page.waitForURL('**done=selected');
    await expectVisible(page.locator('tr', { hasText: 'Åse Bjørnstad' }).getByRole('link', { name: 'Nominasjonen' }),
      'no link to the nomination');
    await screenshot('nb-selected');
  });

  await check('the student proposes a course for pre-approval', async ({ page, screenshot }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.goto('/my-exchange/applications');
    await page.getByRole('link', { name: 'Exchange studies 2027/2028' }).click();
    await page.getByRole('link', { name: 'Følg nominasjonen din' }).click();
    await page.getByRole('link', { name: 'Forhåndsgodkjenning av emner' }).click();
    await page.getByLabel('Emnekode hos verten (om det finnes)').fill('INF-330');
    await page.getByLabel('Emnenavn hos verten').fill('Vision par ordinateur');
    await page.getByLabel('Studiepoeng hos verten (ECTS)').fill('seks');
    await page.getByLabel('Studiepoeng hjemme (ECTS)').fill('10');
    await page.getByRole('button', { name: 'Foreslå emnet' }).click();
    await page.locator('#host_credits-error').waitFor();
    await page.getByLabel('Studiepoeng hos verten (ECTS)').fill('6');
    await page.getByRole('button', { name: 'Foreslå emnet' }).click();
    await page.waitForURL('**done=proposed');
    await screenshot('nb-preapproval-proposed');
  });

  await check('the admin approves it from the work queue', async ({ page, screenshot }) => {
    await logIn(page, ADMIN, PASSWORD);
    await page.waitForURL('**/admin');
    await page.getByRole('link', { name: 'Waiting for you' }).click();
    const row = page.locator('tr').filter({ hasText: 'Åse Bjørnstad' }).filter({ hasText: 'Lumière-Nord' });
    await row.locator('a[href$="/courses"]').click();
    await screenshot('en-preapproval-to-decide');
    const line = page.locator('tr', { hasText: 'Vision par ordinateur' });
    await line.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL('**done=decided');
    await expectVisible(page.locator('tr', { hasText: 'Vision par ordinateur' }).getByText('Approved'), 'not approved');
    await screenshot('en-preapproval-decided');
  });

  await check('the student sees the decision and can download it', async ({ page, screenshot }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.goto('/my-exchange/mobilities');
    await page.getByRole('link', { name: 'Lumière-Nord', exact: false }).first().click();
    await page.getByRole('link', { name: 'Forhåndsgodkjenning av emner' }).click();
    await expectVisible(page.locator('tr', { hasText: 'Vision par ordinateur' }).getByText('Godkjent'), 'no approval shown');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned vedtaket (PDF)' }).click();
    expect((await download).suggestedFilename().endsWith('.pdf'), 'no PDF');
    await screenshot('nb-preapproval-decision');
  });
});
