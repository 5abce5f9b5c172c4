// Accessibility of the pages a student's exchange goes through, and of the staff pages that
// handle it: each page, in bokmål, nynorsk and English, has no serious or critical axe-core
// violation of WCAG 2.1 A/AA (checkAccessibility in lib/harness.mjs). And the login form works
// from the keyboard alone.
import { checkAccessibility, chooseLanguage, expect, expectVisible, logIn, run } from '../lib/harness.mjs';

const PASSWORD = 'mobility-demo';
const LANGUAGES = ['nb', 'nn', 'en'];
const PUBLIC_PAGES = ['/', '/login', '/forgot-password', '/accessibility'];
const ROLES = [
  {
    name: 'student',
    email: 'aase.bjornstad@student.fjordland.example',
    pages: ['/my-exchange', '/my-exchange/mobilities', '/my-exchange/mobilities/fjordland-demo-nominated', '/destinations',
      '/destinations/lumiere-nord.example', '/accessibility', '/my-exchange/applications',
      // The demo rounds in a fresh database: 1 closed (she was selected), 2 open (the form).
      '/my-exchange/applications/1', '/my-exchange/applications/2',
      '/my-exchange/mobilities/fjordland-demo-nominated/courses', '/my-stay'],
  },
  {
    name: 'coordinator',
    email: 'per.saether@fjordland.example',
    pages: ['/coordinator', '/coordinator/queue', '/mobilities', '/mobilities/outgoing/fjordland-demo-la-proposed',
      '/agreements',
      '/agreements/fjordland-demo-differing', '/agreements/fjordland-demo-differing/history', '/agreements/new',
      '/coordinator/destinations', '/coordinator/destinations/edit?partner_hei_id=tu-rheinfeld.example', '/destinations',
      '/coordinator/destinations/courses?partner_hei_id=tu-rheinfeld.example'],
  },
  {
    name: 'io-admin',
    email: 'ingrid.haugland@fjordland.example',
    pages: ['/admin', '/agreements', '/agreements/fjordland-demo-differing', '/mobilities',
      '/mobilities/incoming/pohjola.example/pohjola-demo-incoming-la-proposed', '/admin/information-review',
      '/admin/factsheet', '/partners', '/coordinator/applications', '/coordinator/applications/2',
      '/mobilities/outgoing/fjordland-demo-approved/courses'],
  },
];

// Opens each of `paths` and checks it; fails with every page's violations at once.
async function checkPages(page, language, paths) {
  const problems = [];
  for (const path of paths) {
    const response = await page.goto(path);
    const lang = await page.getAttribute('html', 'lang');
    if (response.status() !== 200 || lang !== language) {
      problems.push(`${language} ${path}: status ${response.status()}, lang="${lang}"`);
      continue;
    }
    const lesser = await checkAccessibility(page, `${language} ${path}`).catch((failure) => {
      problems.push(failure.message);
      return [];
    });
    for (const violation of lesser) console.log(`note  ${language} ${path}: ${violation.id} (${violation.impact})`);
  }
  expect(problems.length === 0, problems.join('\n'));
}

// The page's styles and markup are what is checked; the pages' Content-Security-Policy (no inline
// scripts) would refuse the axe-core script the check adds.
const AXE_CONTEXT = { bypassCSP: true };

await run(async (check) => {
  for (const language of LANGUAGES) {
    await check(`public pages in ${language}`, async ({ page }) => {
      await page.goto('/login');
      await chooseLanguage(page, language);
      await checkPages(page, language, PUBLIC_PAGES);
      await page.goto('/login');
      await page.locator('form[action="/login"] button[type=submit]').click();
      await expectVisible(page.getByRole('alert').first(), 'an empty login form shows no error');
      await checkAccessibility(page, `${language} /login with errors`);
    }, AXE_CONTEXT);

    for (const role of ROLES) {
      await check(`${role.name} pages in ${language}`, async ({ page }) => {
        await logIn(page, role.email, PASSWORD);
        await page.waitForURL((url) => url.pathname !== '/login');
        await chooseLanguage(page, language);
        await checkPages(page, language, role.pages);
      }, AXE_CONTEXT);
    }
  }

  await check('the login form works from the keyboard alone', async ({ page }) => {
    await page.goto('/login');
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    const reached = [];
    for (let presses = 0; presses < 20 && !reached.includes('email'); presses += 1) {
      await page.keyboard.press('Tab');
      reached.push(await focused());
    }
    expect(reached.includes('email'), `Tab never reached the e-mail field; it went through ${reached.join(', ')}`);
    await page.keyboard.type(ROLES[0].email);
    await page.keyboard.press('Tab');
    expect(await focused() === 'password', `after the e-mail field, Tab went to ${await focused()}`);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    const submit = await page.evaluate(() => document.activeElement?.matches('form[action="/login"] button[type=submit]'));
    expect(submit, `after the password, Tab went to ${await focused()}, not the login button`);
    await page.keyboard.press('Shift+Tab');
    expect(await focused() === 'password', 'Shift+Tab does not go back to the password');
    await Promise.all([page.waitForURL('**/my-exchange'), page.keyboard.press('Enter')]);
  });
});
