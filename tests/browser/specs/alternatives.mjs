// During her stay, the demo student puts a course pre-approved as an alternative into the changes
// of her learning agreement with one button, in a real browser. The test fixture
// (browser_test.cpp, agree_on_aases_first_version) gives her an agreed first version and an
// approved alternative, INF-420 Bildverarbeitung in term 2/2, counting as IN4310 Mobile robots.
// She types the deletion of a course above it with credits that are no number and presses the
// button: the page shows the error beside that field, keeps what she typed and adds the
// alternative's rows, storing nothing; she corrects the credits and saves, and the changes hold the
// alternative with its code, title, credits and the line's term in tables A and B. The editor with
// the button, and with the error, passes checkAccessibility in bokmål, nynorsk and English.
import { checkAccessibility, chooseLanguage, expect, expectVisible, logIn, run } from '../lib/harness.mjs';

const PASSWORD = 'mobility-demo';
const STUDENT = 'aase.bjornstad@student.fjordland.example';
const MOBILITY = '/my-exchange/mobilities/fjordland-demo-nominated';

// The page's Content-Security-Policy would refuse the axe-core script checkAccessibility adds.
const AXE_CONTEXT = { bypassCSP: true };

const alternativeButton = (page) => page.locator('button[name="preapproved_line"]');
const saveDraft = (page) => page.locator(`form[action="${MOBILITY}/draft"] > button[type=submit]`);

// The values of the editor's `fields` ("a0_title", …), as shown now.
async function valuesOf(page, fields) {
  const values = {};
  for (const field of fields) values[field] = await page.locator(`#${field}`).inputValue();
  return values;
}

// Fails unless row `row` of table A and row 0 of table B hold the alternative, inserted in term 2/2.
async function expectTheAlternative(page, row) {
  const a = await valuesOf(page, [`a${row}_code`, `a${row}_title`, `a${row}_credits`, `a${row}_term`, `a${row}_change`,
    `a${row}_reason`]);
  expect(Object.values(a).join(' ') === 'INF-420 Bildverarbeitung 5 2/2 inserted substituting-deleted',
    `table A row ${row} is not the alternative with its term: ${JSON.stringify(a)}`);
  const b = await valuesOf(page, ['b0_code', 'b0_title', 'b0_credits', 'b0_term', 'b0_change']);
  expect(Object.values(b).join(' ') === 'IN4310 Mobile robots 5 2/2 inserted',
    `table B is not the home course it counts as, in the same term: ${JSON.stringify(b)}`);
}

// Types the deletion of the first version's Distributed Systems, with `credits`, into row 0 of table A.
async function typeTheDeletion(page, credits) {
  await page.locator('#a0_code').fill('DS-301');
  await page.locator('#a0_title').fill('Distributed Systems');
  await page.locator('#a0_credits').fill(credits);
  await page.locator('#a0_term').fill('1/2');
  await page.locator('#a0_change').selectOption('deleted');
  await page.locator('#a0_reason').selectOption('timetable-conflict');
}

// The button with a mistake typed above it: the error beside its field, the typed kept, the
// alternative's rows added to the form, nothing stored (the button is offered again afterwards).
async function pressTheButtonWithAMistake(page, language) {
  await page.goto(MOBILITY);
  await expectVisible(alternativeButton(page), 'no button for the approved alternative');
  await checkAccessibility(page, `${language} changes editor with an approved alternative`);
  await typeTheDeletion(page, 'ti');
  await alternativeButton(page).click();
  await expectVisible(page.locator('#a0_credits-error'), 'no error beside the credits that are no number');
  const beside = await page.evaluate(() => {
    const input = document.getElementById('a0_credits');
    return input.parentElement === document.getElementById('a0_credits-error').parentElement &&
      input.getAttribute('aria-invalid') === 'true' && input.getAttribute('aria-describedby') === 'a0_credits-error';
  });
  expect(beside, 'the error is not beside the credits, or the field does not point to it');
  expect(await page.locator('#a0_credits').inputValue() === 'ti', 'the credits typed were not kept');
  expect(await page.locator('#a0_title').inputValue() === 'Distributed Systems', 'the title typed was not kept');
  await expectTheAlternative(page, 1);
  await checkAccessibility(page, `${language} changes editor with an error`);
}

await run(async (check) => {
  for (const language of ['nn', 'en']) {
    await check(`the changes editor with an approved alternative in ${language}`, async ({ page, screenshot }) => {
      await logIn(page, STUDENT, PASSWORD);
      await page.waitForURL('**/my-exchange');
      await chooseLanguage(page, language);
      await pressTheButtonWithAMistake(page, language);
      await screenshot(`${language}-alternative-error`);
      await page.goto(MOBILITY);
      await expectVisible(alternativeButton(page), 'the refused changes were stored: the button is gone');
    }, AXE_CONTEXT);
  }

  await check('the student puts the approved alternative into her changes', async ({ page, screenshot }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.waitForURL('**/my-exchange');
    await chooseLanguage(page, 'nb');
    await page.goto(MOBILITY);
    await expectVisible(page.getByRole('button', { name: 'Legg til i endringene: INF-420 Bildverarbeitung (5 ECTS)' }),
      'the button does not name the course');
    await screenshot('nb-alternative-offered');
    await pressTheButtonWithAMistake(page, 'nb');
    await screenshot('nb-alternative-error');
    await page.locator('#a0_credits').fill('10');
    await saveDraft(page).click();
    await page.waitForURL('**done=saved');
    await expectVisible(page.getByRole('status'), 'no confirmation that the changes are saved');
    const deletion = await valuesOf(page, ['a0_title', 'a0_credits', 'a0_change', 'a0_reason']);
    expect(Object.values(deletion).join(' ') === 'Distributed Systems 10 deleted timetable-conflict',
      `the deletion typed was not saved: ${JSON.stringify(deletion)}`);
    await expectTheAlternative(page, 1);
    expect(await alternativeButton(page).count() === 0,
      'the alternative is in the changes, yet its button is still offered');
    await screenshot('nb-alternative-saved');
    await checkAccessibility(page, 'nb changes with the alternative saved');
  }, AXE_CONTEXT);
});
