// The agreement tool as a coordinator uses it: from the start page to the list, a new draft with
// one error corrected, sending it to the partner, and a demo agreement whose partner copy differs
// from ours side by side. Per's account reads bokmål.
import { expect, expectVisible, run } from '../lib/harness.mjs';

const COORDINATOR = 'per.saether@fjordland.example';
const PASSWORD = 'mobility-demo';

async function logIn(page, email) {
  await page.goto('/login');
  await page.getByLabel(/E-postadresse|Email address/).fill(email);
  await page.getByLabel(/^(Passord|Password)$/).fill(PASSWORD);
  await page.getByRole('button', { name: /^(Logg inn|Log in)$/ }).click();
}

// Signed in as the coordinator, the link `name` of the agreement list followed to `url`.
async function openFromList(page, name, url) {
  await logIn(page, COORDINATOR);
  await page.waitForURL('**/coordinator');
  await page.goto('/agreements');
  await page.getByRole('link', { name }).click();
  await page.waitForURL(url);
}

async function heading(page) {
  return (await page.getByRole('heading', { level: 1 }).textContent()).trim();
}

await run(async (check) => {
  await check('a coordinator opens the list from the start page and searches it', async ({ page, screenshot }) => {
    await logIn(page, COORDINATOR);
    await page.waitForURL('**/coordinator');
    await page.getByRole('link', { name: 'Åpne institusjonsavtalene' }).click();
    await page.waitForURL('**/agreements');
    expect(await heading(page) === 'Institusjonsavtaler', `the list says "${await heading(page)}"`);
    const rows = await page.locator('tbody tr').count();
    expect(rows === 5, `${rows} agreements listed, not the 5 of unit MN and below`);
    await screenshot('agreements-list');
    await page.getByLabel('Partner eller kode inneholder').fill('TUR');
    await page.getByRole('button', { name: 'Vis avtaler' }).click();
    await page.waitForURL('**/agreements?*');
    const found = await page.locator('tbody tr').count();
    expect(found === 1, `${found} agreements match "TUR"`);
    expect(await page.getByLabel('Partner eller kode inneholder').inputValue() === 'TUR', 'the search was not kept');
  });

  await check('a coordinator creates a draft, corrects one error and sends it', async ({ page, screenshot }) => {
    await openFromList(page, 'Start en ny avtale', '**/agreements/new');
    await page.getByLabel('Partnerinstitusjon').selectOption('collina.example');
    await page.getByLabel(/^Avtalekode/).fill('UIF-UNIC-MN-2027');
    await page.getByLabel('Enhet').selectOption('ou-mn');
    await page.locator('#spec0_type').selectOption('student-studies');
    await page.locator('#spec0_direction').selectOption('outgoing');
    await page.locator('#spec0_first_year').fill('2027/2028');
    await page.locator('#spec0_last_year').fill('2026/2027');
    await page.locator('#spec0_mobilities').fill('2');
    await page.locator('#spec0_languages').fill('en B2');
    await page.locator('#spec0_isced').fill('0613 Programvareutvikling');
    await page.locator('#spec0_eqf').fill('6, 7');
    await page.locator('#spec0_months').fill('5');
    await page.getByLabel('Grunn til endringen').fill('Ny avtale med Collina for informatikk');
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    const error = page.locator('#spec0_last_year-error');
    await expectVisible(error, 'no error next to the last academic year');
    const said = (await error.textContent()).trim();
    expect(said === 'Det siste studieåret kan ikke komme før det første.', `the error says "${said}"`);
    expect(await page.locator('#spec0_last_year').getAttribute('aria-describedby') === 'spec0_last_year-error', 'the error is not tied to the field');
    expect(await page.getByLabel(/^Avtalekode/).inputValue() === 'UIF-UNIC-MN-2027', 'the code was not kept');
    expect(await page.locator('#spec0_isced').inputValue() === '0613 Programvareutvikling', 'the ISCED codes were not kept');
    await screenshot('draft-with-error');
    await page.locator('#spec0_last_year').fill('2029/2030');
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.waitForURL(/\/agreements\/[0-9a-f-]{36}\?done=created$/);
    expect((await page.getByRole('status').first().textContent()).trim() === 'Utkastet er lagret.', 'no confirmation of the draft');
    await screenshot('draft-saved');
    await page.getByRole('button', { name: 'Send til partneren' }).click();
    await page.waitForURL(/\?done=shared$/);
    expect((await page.getByRole('status').first().textContent()).trim() === 'Avtalen er sendt til partneren.', 'no confirmation of sending');
    const stage = (await page.locator('dl.facts dd').first().textContent()).trim();
    expect(stage === 'Sendt – venter på partneren', `the stage is "${stage}"`);
  });

  await check('our copy beside the partner copy marks the differences', async ({ page, screenshot }) => {
    await openFromList(page, 'UIF-TUR-IFI-2026', '**/agreements/fjordland-demo-differing');
    const marked = await page.locator('table.comparison tr.differs').count();
    expect(marked === 3, `${marked} fields marked as different, not 3`);
    const months = page.locator('table.comparison tr.differs', { hasText: 'Måneder per år' });
    expect((await months.locator('td').nth(0).textContent()) === '5' && (await months.locator('td').nth(1).textContent()) === '4.5',
      'the months are not shown side by side');
    await expectVisible(page.getByText('Samarbeidsvilkårene i de to kopiene er ulike'), 'no reason why approval is blocked');
    await screenshot('side-by-side');
  });
});
