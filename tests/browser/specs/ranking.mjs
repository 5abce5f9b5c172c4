// The coordinator's ranking of a destination's applicants on the round page (POST
// /coordinator/applications/{round}/ranking), in a real browser: the demo student hands in an
// application for Lumière-Nord, where the demo's Jonas applied before her; the coordinator types a
// rank that is no number and is shown the message beside that field with what was typed kept, then
// saves an order other than the order they handed in and sees the applicants listed in it. The
// round page, with the error and once ranked, passes checkAccessibility in bokmål, nynorsk and
// English.
import { checkAccessibility, chooseLanguage, expect, expectVisible, logIn, run } from '../lib/harness.mjs';

const PASSWORD = 'mobility-demo';
const STUDENT = 'aase.bjornstad@student.fjordland.example';
const COORDINATOR = 'per.saether@fjordland.example';
const ROUND = 'Exchange studies 2027/2028';

// The page's Content-Security-Policy would refuse the axe-core script checkAccessibility adds.
const AXE_CONTEXT = { bypassCSP: true };

// Lumière-Nord's part of the round page: its applicants and its ranking form.
const lumiere = (page) => page.locator('section[aria-labelledby="dest-lumiere-nord.example"]');

// The rank field of the applicant whose name ends its label ("Plass for Åse Bjørnstad").
const rankOf = (page, name) => lumiere(page).getByLabel(new RegExp(`${name}$`));

// The button of Lumière-Nord's ranking form, in whichever language.
const saveRanking = (page) => lumiere(page).locator('form[action$="/ranking"] button[type=submit]');

async function openRound(page) {
  await page.goto('/coordinator/applications');
  await page.getByRole('link', { name: ROUND }).click();
  await expectVisible(lumiere(page), 'the round page has no Lumière-Nord section');
}

// Types `typed` as Åse's rank (Jonas 1) and saves: the page must refuse it with an error beside
// her field (`message`, when given), what was typed kept, and nothing stored.
async function saveABadRank(page, typed, message) {
  await rankOf(page, 'Åse Bjørnstad').fill(typed);
  await rankOf(page, 'Jonas Eriksen').fill('1');
  await saveRanking(page).click();
  await page.waitForLoadState();
  const field = rankOf(page, 'Åse Bjørnstad');
  const id = await field.getAttribute('id');
  const error = page.locator(`[id="${id}-error"]`);
  await expectVisible(error, `no error beside Åse's rank after "${typed}"`);
  if (message) expect((await error.textContent()).trim() === message, `the error says "${await error.textContent()}"`);
  const beside = await page.evaluate((fieldId) => {
    const input = document.getElementById(fieldId);
    const shown = document.getElementById(`${fieldId}-error`);
    return input.parentElement === shown.parentElement && input.getAttribute('aria-invalid') === 'true' &&
      input.getAttribute('aria-describedby').split(' ').includes(`${fieldId}-error`);
  }, id);
  expect(beside, 'the error is not beside the field it is about, or the field does not point to it');
  expect(await field.inputValue() === typed, `what was typed ("${typed}") was not kept`);
  expect(await rankOf(page, 'Jonas Eriksen').inputValue() === '1', "Jonas's rank typed beside it was not kept");
}

// Lumière-Nord's applicants as its table lists them: "rank name", "–" for no rank.
function listed(page) {
  return page.evaluate(() => [...document.querySelectorAll('section[aria-labelledby="dest-lumiere-nord.example"] tbody tr')]
    .map((row) => `${row.cells[0].textContent.trim()} ${row.cells[1].firstChild.textContent.trim()}`));
}

await run(async (check) => {
  await check('the student hands in an application for Lumière-Nord', async ({ page }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.waitForURL('**/my-exchange');
    await page.goto('/my-exchange/applications');
    await page.getByRole('link', { name: ROUND }).click();
    await page.locator('#choice_1').selectOption('lumiere-nord.example');
    await page.locator('#motivation').fill('Jeg vil studere maskinlæring ved Lumière-Nord.');
    await page.locator('#citizenship').fill('NO');
    await page.getByRole('button', { name: 'Lever' }).click();
    await page.waitForURL('**done=submitted');
  });

  await check('the coordinator ranks Lumière-Nord: a bad number beside its field, then the order saved',
    async ({ page, screenshot }) => {
      await logIn(page, COORDINATOR, PASSWORD);
      await page.waitForURL('**/coordinator');
      await openRound(page);
      const before = await listed(page);
      expect(before[0].endsWith('Jonas Eriksen') && before[1].endsWith('Åse Bjørnstad'),
        `unranked, the applicants should be in the order they handed in: ${before.join(', ')}`);
      await saveABadRank(page, 'først', 'Skriv et heltall fra 1 til 999, eller la feltet stå tomt.');
      await screenshot('nb-ranking-error');
      await checkAccessibility(page, 'nb ranking with a bad number');

      await rankOf(page, 'Åse Bjørnstad').fill('1');
      await rankOf(page, 'Jonas Eriksen').fill('2');
      await saveRanking(page).click();
      await page.waitForURL('**done=ranked#dest-lumiere-nord.example');
      await expectVisible(page.getByRole('status'), 'no confirmation that the ranking is saved');
      const after = await listed(page);
      expect(after.join(', ') === '1 Åse Bjørnstad, 2 Jonas Eriksen',
        `not listed in the coordinator's order: ${after.join(', ')}`);
      await expectVisible(lumiere(page).getByText(`Sist rangert av ${COORDINATOR}`), 'who ranked last is not shown');
      await screenshot('nb-ranking-saved');
      await checkAccessibility(page, 'nb ranking saved');
    }, AXE_CONTEXT);

  for (const language of ['nn', 'en']) {
    await check(`the ranking form in ${language}`, async ({ page, screenshot }) => {
      await logIn(page, COORDINATOR, PASSWORD);
      await page.waitForURL('**/coordinator');
      await chooseLanguage(page, language);
      await openRound(page);
      await checkAccessibility(page, `${language} ranking saved`);
      await saveABadRank(page, '0');
      await screenshot(`${language}-ranking-error`);
      await checkAccessibility(page, `${language} ranking with a bad number`);
      await openRound(page);
      const stored = await listed(page);
      expect(stored.join(', ') === '1 Åse Bjørnstad, 2 Jonas Eriksen', `the refused ranking changed the order: ${stored}`);
    }, AXE_CONTEXT);
  }
});
