// A small runner for browser specs: Debian's chromium driven by playwright-core (no test
// framework). A spec calls run(async (check) => { ... }) and inside it check(name, fn) for each
// scenario; every scenario gets a fresh browser context (no cookies shared). Failures are
// printed with their reason; the process exits 1 if any scenario failed, 2 on bad usage.
//
//   node specs/<spec>.mjs BASE_URL ARTIFACTS_DIR
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.MOBILITY_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export class Failure extends Error {}

// Throws a Failure with `message` unless `condition` holds.
export function expect(condition, message) {
  if (!condition) throw new Failure(message);
}

// Logs in through the login form, in either language.
export async function logIn(page, email, password) {
  await page.goto('/login');
  await page.getByLabel(/E-postadresse|Email address/).fill(email);
  await page.getByLabel(/^(Passord|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Logg inn|Log in)$/ }).click();
}

export async function run(spec) {
  const [baseUrl, artifacts] = process.argv.slice(2);
  if (!baseUrl || !artifacts) {
    console.error('usage: node <spec>.mjs BASE_URL ARTIFACTS_DIR');
    process.exit(2);
  }
  mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  let failed = 0;
  const check = async (name, scenario) => {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB' });
    const page = await context.newPage();
    const screenshot = (label) => page.screenshot({ path: join(artifacts, `${label}.png`), fullPage: true });
    try {
      await scenario({ page, context, screenshot });
      console.log(`ok    ${name}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL  ${name}: ${error instanceof Failure ? error.message : error.stack}`);
      await screenshot(`failed-${name.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {});
    } finally {
      await context.close();
    }
  };
  try {
    await spec(check);
  } finally {
    await browser.close();
  }
  console.log(failed ? `${failed} scenario(s) failed` : 'all scenarios passed');
  process.exit(failed ? 1 : 0);
}
