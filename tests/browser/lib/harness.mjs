// A small runner for browser specs: Debian's chromium driven by playwright-core (no test
// framework). A spec calls run(async (check) => { ... }) and inside it check(name, fn) for each
// scenario (optionally with check(name, fn, contextOptions) for playwright's newContext); every
// scenario gets a fresh browser context (no cookies shared). Failures are
// printed with their reason; the process exits 1 if any scenario failed or none ran, 2 on bad
// usage. A spec against several nodes gets their base URLs after the artifacts directory, as
// `partners` (the second argument of its function); a scenario on a partner's pages passes
// { baseURL: partners[0] }. run(spec, { stopAfterFailure: true }) skips the scenarios after a
// failed one, for a journey whose steps build on each other.
//
//   node specs/<spec>.mjs BASE_URL ARTIFACTS_DIR [PARTNER_BASE_URL...]
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, errors } from 'playwright-core';

const CHROMIUM = process.env.MOBILITY_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export class Failure extends Error {}

// Throws a Failure with `message` unless `condition` holds.
export function expect(condition, message) {
  if (!condition) throw new Failure(message);
}

// Waits until `locator` is visible (playwright's waiting, up to `timeout` ms) and fails the
// scenario with `message` when it never is. locator.isVisible() answers at once, so right after a
// click or a navigation it may look at a page that does not show the element yet.
export async function expectVisible(locator, message, timeout = 10000) {
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch (error) {
    if (error instanceof errors.TimeoutError) throw new Failure(`${message} (not visible after ${timeout} ms)`);
    throw error;
  }
}

// Reloads the page until `locator` is visible, for up to `timeout` ms (after each load waiting up
// to `each` ms for it), and fails the scenario with `message` when it never is: for what another
// node sends over EWP, which nothing on the page announces. Bounded; no fixed sleeps.
export async function expectVisibleAfterReloads(page, locator, message, timeout = 60000, each = 1000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await locator.waitFor({ state: 'visible', timeout: Math.max(1, Math.min(each, deadline - Date.now())) });
      return;
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
    }
    if (Date.now() >= deadline) throw new Failure(`${message} (not visible after ${timeout} ms of reloading)`);
    await page.reload();
  }
}

// Logs in through the login form, in either language.
export async function logIn(page, email, password) {
  await page.goto('/login');
  await page.getByLabel(/E-postadresse|Email address/).fill(email);
  await page.getByLabel(/^(Passord|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Logg inn|Log in)$/ }).click();
}

// Chooses `language` ("nb", "nn", "en") with the language switch every page has (signed in, it
// is kept for the account, which outranks the cookie), and fails unless the page then says so.
export async function chooseLanguage(page, language) {
  await page.locator('#language-choice').selectOption(language);
  await Promise.all([page.waitForNavigation(), page.locator('form.language-switch button[type=submit]').click()]);
  const lang = await page.getAttribute('html', 'lang');
  expect(lang === language, `the language switch gave lang="${lang}", not "${language}"`);
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_RULES = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
const GRAVE = new Set(['serious', 'critical']);

// Runs axe-core on the page as it stands against WCAG 2.1 A and AA, and fails the scenario with
// every serious or critical violation (rule, impact, the first elements it found, and where: the
// `label`). Returns the violations of lesser impact, for a spec that wants to report them.
export async function checkAccessibility(page, label) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (options) => {
    const results = await window.axe.run(document, options);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      more: Math.max(0, violation.nodes.length - 3),
    }));
  }, AXE_RULES);
  const grave = violations.filter((violation) => GRAVE.has(violation.impact));
  expect(grave.length === 0, `${label}: ${grave.length} serious or critical accessibility violation(s):\n` +
    grave.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    at ${v.targets.join(' | ')}` +
      (v.more ? ` and ${v.more} more` : '')).join('\n'));
  return violations.filter((violation) => !GRAVE.has(violation.impact));
}

export async function run(spec, { stopAfterFailure = false } = {}) {
  const [baseUrl, artifacts, ...partners] = process.argv.slice(2);
  if (!baseUrl || !artifacts) {
    console.error('usage: node <spec>.mjs BASE_URL ARTIFACTS_DIR [PARTNER_BASE_URL...]');
    process.exit(2);
  }
  mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  let failed = 0;
  let ran = 0;
  const check = async (name, scenario, contextOptions = {}) => {
    if (stopAfterFailure && failed) {
      console.log(`skip  ${name}`);
      return;
    }
    ran += 1;
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', ...contextOptions });
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
    await spec(check, partners);
  } finally {
    await browser.close();
  }
  if (ran === 0) {
    console.log('no scenario ran: a spec must call check() at least once');
    process.exit(1);
  }
  console.log(failed ? `${failed} scenario(s) failed` : `all ${ran} scenarios passed`);
  process.exit(failed ? 1 : 0);
}
