// The pages as people use them: each demo role logs in and lands on its start page, access
// rules, a wrong password, the language switch, a forged POST, and escaping.
import { expect, expectVisible, logIn, run } from '../lib/harness.mjs';

const PASSWORD = 'mobility-demo';
const ROLES = [
  { email: 'aase.bjornstad@student.fjordland.example', start: '/my-exchange', heading: 'Min utveksling', shot: 'student' },
  { email: 'per.saether@fjordland.example', start: '/coordinator', heading: 'Avtaler og studenter', shot: 'coordinator' },
  { email: 'ingrid.haugland@fjordland.example', start: '/admin', heading: 'Users and audit log', shot: 'admin' },
  { email: 'terje.lund@fjordland.example', start: '/operator', heading: 'Nodestatus', shot: 'operator' },
];

await run(async (check) => {
  for (const role of ROLES) {
    await check(`${role.shot} logs in and lands on ${role.start}`, async ({ page, screenshot }) => {
      await logIn(page, role.email, PASSWORD);
      await page.waitForURL(`**${role.start}`);
      const heading = await page.getByRole('heading', { level: 1 }).textContent();
      expect(heading === role.heading, `the start page says "${heading}", not "${role.heading}"`);
      await screenshot(`start-${role.shot}`);
    });
  }

  await check('a student cannot open the coordinator page', async ({ page }) => {
    await logIn(page, ROLES[0].email, PASSWORD);
    await page.waitForURL('**/my-exchange');
    const response = await page.goto('/coordinator');
    expect(response.status() === 403, `status ${response.status()}, not 403`);
    await expectVisible(page.getByRole('heading', { name: 'Ingen tilgang' }), 'no "Ingen tilgang" heading');
  });

  await check('a wrong password shows a readable error next to the form', async ({ page, screenshot }) => {
    await logIn(page, ROLES[1].email, 'not-the-password');
    const alert = page.getByRole('alert');
    await expectVisible(alert, 'no alert shown');
    const text = (await alert.textContent()).trim();
    expect(/Wrong email address or password\.|Feil e-postadresse eller passord\./.test(text), `alert says "${text}"`);
    expect(await page.getByLabel(/E-postadresse|Email address/).inputValue() === ROLES[1].email, 'the email was not kept');
    await screenshot('login-wrong-password');
  });

  await check('the language switch changes the page language', async ({ page }) => {
    await page.goto('/login');
    const before = await page.getAttribute('html', 'lang');
    const target = before === 'en' ? 'nb' : 'en';
    await page.getByLabel(/^(Språk|Language)$/).selectOption(target);
    await page.getByRole('button', { name: /^(Bytt språk|Change language)$/ }).click();
    await page.waitForURL('**/login');
    const after = await page.getAttribute('html', 'lang');
    expect(after === target, `lang is "${after}" after choosing "${target}"`);
    const label = target === 'en' ? 'Email address' : 'E-postadresse';
    await expectVisible(page.getByLabel(label), `no "${label}" field`);
  });

  await check('a POST without the CSRF token is refused', async ({ page }) => {
    await page.goto('/login');
    const status = await page.evaluate(async (email) => {
      const form = new URLSearchParams({ email, password: 'mobility-demo' });
      const response = await fetch('/login', { method: 'POST', body: form, redirect: 'manual' });
      return response.status;
    }, ROLES[1].email);
    expect(status === 403, `status ${status}, not 403`);
    const start = await page.goto('/coordinator');
    expect(new URL(start.url()).pathname === '/login', 'the refused POST signed someone in');
  });

  await check('a name containing <script> is shown as text', async ({ page }) => {
    let alerted = false;
    page.on('dialog', async (dialog) => { alerted = true; await dialog.dismiss(); });
    await logIn(page, 'mallory@fjordland.example', 'mallory-password');
    await page.waitForURL('**/admin');
    const shown = await page.locator('.signed-in strong').textContent();
    expect(shown === "<script>alert('x')</script>", `the name shows as "${shown}"`);
    expect(!alerted, 'the script ran');
  });
});
