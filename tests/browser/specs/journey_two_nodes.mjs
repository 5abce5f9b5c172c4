// The whole outgoing journey with real pages on two real nodes (TwoNodeBrowserTest in
// browser_test.cpp): A hosts the University of Fjordland (the demo data), B hosts University B;
// the fixture made an agreement between them approved by both and published B as a destination.
// A's student (bokmål) finds B and applies; A's coordinator (bokmål) selects her, which nominates
// her over EWP; B's admin (English) approves the nomination in B's pages; the student sees the
// approval on her timeline, gets two courses pre-approved (one as an alternative), drafts the
// learning agreement from the approved line with her stay's dates, language and B's contact, and
// signs it; A's coordinator signs; B approves it; B records her arrival; during the stay she
// proposes a change (drops the course, takes the approved alternative), it is signed at A and
// approved at B, and her timeline shows it. Then the student's pages again in English.
//
// Every step is a screenshot `<language>-<step>-<what>.png` (the step numbers run through the
// journey; the English pass of the student's pages reuses the numbers of the same pages in
// bokmål), and every page reached passes checkAccessibility. What one node sends the other
// arrives over EWP within seconds: the page is reloaded until it shows, with a deadline.
//
//   node specs/journey_two_nodes.mjs A_BASE_URL ARTIFACTS_DIR B_BASE_URL
import { checkAccessibility, expect, expectVisible, expectVisibleAfterReloads, logIn, run } from '../lib/harness.mjs';

const PASSWORD = 'mobility-demo';
const STUDENT = 'aase.bjornstad@student.fjordland.example';
const STUDENT_NAME = 'Åse Bjørnstad';
const COORDINATOR = 'per.saether@fjordland.example';
const ADMIN_B = 'bea.berger@uni-b.example';
const B = 'uni-b.example';
const B_NAME = 'University B';
const ROUND = 'Exchange studies 2027/2028';
const COURSE = { code: 'INF-2101', title: 'Verteilte Systeme', credits: '7.5', homeCode: 'IN3230', homeTitle: 'Nettverk',
  homeCredits: '10' };
const ALTERNATIVE = { code: 'INF-2205', title: 'Rechnernetze', credits: '7.5', homeCode: 'IN3230', homeTitle: 'Nettverk',
  homeCredits: '10' };
// What she gives about her stay with the draft (the partner needs it in the agreement).
const STAY = { arrival: '2027-08-16', departure: '2027-12-20', language: 'de', level: 'B2', givenNames: 'Bea',
  familyName: 'Berger', email: ADMIN_B };
const ARRIVAL = '2027-08-18';  // as B records it
// The pages' Content-Security-Policy (no inline scripts) would refuse the axe-core script.
const ON_A = { bypassCSP: true };

// The screenshot of the step, then the page's accessibility.
async function record(page, screenshot, label) {
  await screenshot(label);
  await checkAccessibility(page, label);
}

// The student signed in on her mobility's page (she has one: her nomination to B), reloaded until
// her timeline shows `step` done.
async function studentSeesDone(page, step, message) {
  await logIn(page, STUDENT, PASSWORD);
  await page.goto('/my-exchange/mobilities');
  await page.locator('a[href^="/my-exchange/mobilities/"]').first().click();
  await page.waitForURL('**/my-exchange/mobilities/*');
  await expectVisibleAfterReloads(page, page.locator('.timeline li.done', { hasText: step }), message);
}

// The rows of the table under the heading `heading` about the student's mobility to B.
function queueRow(page, heading) {
  return page.locator('h2', { hasText: heading }).locator('xpath=following-sibling::table[1]')
    .locator('tr', { hasText: STUDENT_NAME });
}

// B's admin signed in on B's work queue, reloaded until the table under `heading` lists the
// student (A's notification reached B and B fetched it); then the decision's page.
async function partnerOpensFromQueue(page, heading, screenshot, label) {
  await logIn(page, ADMIN_B, PASSWORD);
  await page.waitForURL('**/admin');
  await page.getByRole('link', { name: 'Waiting for you' }).click();
  const row = queueRow(page, heading);
  await expectVisibleAfterReloads(page, row, `B's queue never listed the student under "${heading}"`);
  await record(page, screenshot, label);
  await row.getByRole('link', { name: 'Decide' }).click();
  await page.waitForURL('**/mobilities/incoming/fjordland.example/*');
}

// A's coordinator signs the learning agreement the student signed, from the work queue.
async function coordinatorSigns(page, screenshot, label) {
  await logIn(page, COORDINATOR, PASSWORD);
  await page.waitForURL('**/coordinator');
  await page.getByRole('link', { name: 'Venter på deg' }).click();
  const row = queueRow(page, 'Læringsavtaler å signere').filter({ hasText: B_NAME });
  await expectVisible(row, 'the signed draft is not in the coordinator\'s queue');
  await row.getByRole('link', { name: 'Signer' }).click();
  await expectVisible(page.getByLabel('Din stilling (signeres med ditt navn og din e-post)'), 'no position to sign with');
  await page.getByRole('button', { name: 'Signer for sendende institusjon' }).click();
  await expectVisible(page.getByRole('status').filter({ hasText: 'forslaget er på vei' }), 'no confirmation of the signature');
  await record(page, screenshot, label);
}

// B's admin approves the proposal waiting in B's queue and sees A receive the decision.
async function partnerApprovesLa(page, screenshot, queueLabel, label) {
  await partnerOpensFromQueue(page, 'Learning agreements from partners to approve or comment', screenshot, queueLabel);
  await expectVisible(page.getByText(`${STAY.arrival} – ${STAY.departure}`), 'B does not see the planned stay');
  await expectVisible(page.getByLabel('Your position (signed with your name and e-mail)'), 'no position to sign with');
  await page.getByRole('button', { name: 'Approve and sign' }).click();
  // The notice of the decision on the learning agreement (the nomination's stands above #la).
  await expectVisibleAfterReloads(page,
    page.locator('#la ~ p.notice', { hasText: 'The sending institution received your decision.' }),
    'A never received the decision on the learning agreement');
  await record(page, screenshot, label);
}

// The round each proposal goes once the student signed it (the first version, then each change):
// A's coordinator signs, B approves, and the student's timeline shows `version` approved by all
// three, `course` in it. `labels`: the screenshots of the four steps.
async function signedAndApproved(check, onB, version, course, labels) {
  await check(`A's coordinator signs version ${version}`, async ({ page, screenshot }) => {
    await coordinatorSigns(page, screenshot, labels.signed);
  }, ON_A);

  await check(`B's admin approves version ${version}`, async ({ page, screenshot }) => {
    await partnerApprovesLa(page, screenshot, labels.queue, labels.approved);
  }, onB);

  await check(`the student sees version ${version} approved by all three`, async ({ page, screenshot }) => {
    await studentSeesDone(page, `Læringsavtalen er godkjent av alle tre (versjon ${version})`,
      `her timeline never shows version ${version} approved`);
    await expectVisible(page.locator('.la-version', { hasText: course.title }).first(), `${course.title} is not listed`);
    await record(page, screenshot, labels.seen);
  }, ON_A);
}

await run(async (check, partners) => {
  expect(partners.length === 1, 'usage: journey_two_nodes.mjs A_BASE_URL ARTIFACTS_DIR B_BASE_URL');
  const ON_B = { ...ON_A, baseURL: partners[0] };

  await check('the student finds University B among the destinations', async ({ page, screenshot }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.waitForURL('**/my-exchange');
    await record(page, screenshot, 'nb-01-my-exchange');
    await page.getByRole('link', { name: 'Finn et sted for utvekslingen din' }).click();
    await page.getByLabel('Landkode').fill('DE');
    await page.getByRole('button', { name: 'Søk etter studiesteder' }).click();
    await expectVisible(page.getByRole('link', { name: B_NAME }), 'B is not among the destinations in Germany');
    await record(page, screenshot, 'nb-02-destinations');
    await page.getByRole('link', { name: B_NAME }).click();
    await expectVisible(page.getByText('Bamberg'), 'the destination page does not say where B is');
    await record(page, screenshot, 'nb-03-destination');
  }, ON_A);

  await check('she applies for University B', async ({ page, screenshot }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.getByRole('link', { name: 'Søk om utveksling' }).click();
    await page.getByRole('link', { name: ROUND }).click();
    await page.getByLabel('Valg 1').selectOption({ label: B_NAME });
    await page.getByLabel('Motivasjon').fill('Jeg vil ta distribuerte systemer i Bamberg.');
    await page.getByLabel('Statsborgerskap (landkode, for eksempel NO)').fill('NO');
    await page.getByRole('button', { name: 'Lever' }).click();
    await page.waitForURL('**done=submitted');
    await expectVisible(page.getByRole('status'), 'no confirmation that the application is handed in');
    await record(page, screenshot, 'nb-04-application-handed-in');
  }, ON_A);

  await check('A\'s coordinator selects her, which nominates her to B', async ({ page, screenshot }) => {
    await logIn(page, COORDINATOR, PASSWORD);
    await page.waitForURL('**/coordinator');
    await page.getByRole('link', { name: 'Søknader', exact: true }).click();
    await page.getByRole('link', { name: ROUND }).click();
    const applicant = page.locator(`section[aria-labelledby="dest-${B}"] tr`, { hasText: STUDENT_NAME });
    await expectVisible(applicant, 'her application is not under B');
    await record(page, screenshot, 'nb-05-selection');
    await applicant.getByRole('button', { name: 'Velg ut og nominer' }).click();
    await page.waitForURL('**done=selected');
    await applicant.getByRole('link', { name: 'Nominasjonen' }).click();
    await page.waitForURL('**/mobilities/outgoing/*');
    await expectVisible(page.locator('.timeline li.waiting', { hasText: 'Vertsinstitusjonen avgjør nominasjonen' }),
      'the timeline does not show the nomination waiting for B');
    await expectVisible(page.getByText(`venter på ${B_NAME}`), 'the timeline does not name B as the one to act');
    await record(page, screenshot, 'nb-06-nominated');
  }, ON_A);

  await check('B\'s admin finds the nomination in B\'s queue and approves it', async ({ page, screenshot }) => {
    await partnerOpensFromQueue(page, 'Nominations from partners to decide', screenshot, 'en-07-b-queue-nomination');
    await record(page, screenshot, 'en-08-b-nomination');
    await page.getByRole('button', { name: 'Approve the nomination' }).click();
    await expectVisible(page.getByRole('status').first(), 'no confirmation of the decision');
    await expectVisibleAfterReloads(page, page.getByText('The sending institution received your decision.'),
      'A never received the approval of the nomination');
    await record(page, screenshot, 'en-09-b-nomination-approved');
  }, ON_B);

  await check('the student sees B\'s approval on her timeline', async ({ page, screenshot }) => {
    await studentSeesDone(page, 'Vertsinstitusjonen avgjør nominasjonen', 'her timeline never shows B\'s decision as done');
    await expectVisible(page.getByText('Godkjent av mottakende institusjon'), 'the nomination is not shown as approved by B');
    await record(page, screenshot, 'nb-10-partner-approved');
  }, ON_A);

  await check('she proposes a course and an alternative for pre-approval', async ({ page, screenshot }) => {
    await studentSeesDone(page, 'Vertsinstitusjonen avgjør nominasjonen', 'her nomination is not approved');
    await page.getByRole('link', { name: 'Forhåndsgodkjenning av emner' }).click();
    for (const course of [COURSE, ALTERNATIVE]) {
      await page.getByLabel('Emnekode hos verten (om det finnes)').fill(course.code);
      await page.getByLabel('Emnenavn hos verten').fill(course.title);
      await page.getByLabel('Studiepoeng hos verten (ECTS)').fill(course.credits);
      await page.getByLabel('Emnekode hjemme som erstattes (om det finnes)').fill(course.homeCode);
      await page.getByLabel('Emnenavn hjemme som erstattes (om det finnes)').fill(course.homeTitle);
      await page.getByLabel('Studiepoeng hjemme (ECTS)').fill(course.homeCredits);
      if (course === ALTERNATIVE) await page.getByLabel(/^Dette er et alternativ/).check();
      await page.getByRole('button', { name: 'Foreslå emnet' }).click();
      await page.waitForURL('**done=proposed');
    }
    await expectVisible(page.locator('tr', { hasText: ALTERNATIVE.title }).getByText('alternativ'),
      'the alternative is not marked as one');
    await record(page, screenshot, 'nb-11-preapproval-proposed');
  }, ON_A);

  await check('A\'s coordinator approves both lines from the work queue', async ({ page, screenshot }) => {
    await logIn(page, COORDINATOR, PASSWORD);
    await page.waitForURL('**/coordinator');
    await page.getByRole('link', { name: 'Venter på deg' }).click();
    const row = queueRow(page, 'Forhåndsgodkjenninger av emner som venter på vedtak').filter({ hasText: B_NAME });
    await expectVisible(row, 'the pre-approval is not in the coordinator\'s queue');
    await record(page, screenshot, 'nb-12-coordinator-queue');
    await row.getByRole('link').click();
    for (const course of [COURSE, ALTERNATIVE]) {
      await page.locator('tr', { hasText: course.title }).getByRole('button', { name: 'Godkjenn' }).click();
      await page.waitForURL('**done=decided');
    }
    for (const course of [COURSE, ALTERNATIVE]) {
      await expectVisible(page.locator('tr', { hasText: course.title }).getByText('Godkjent'), `${course.title} is not approved`);
    }
    await record(page, screenshot, 'nb-13-preapproval-decided');
  }, ON_A);

  await check('she drafts the learning agreement from the approved course and signs it', async ({ page, screenshot }) => {
    await studentSeesDone(page, 'Vertsinstitusjonen avgjør nominasjonen', 'her nomination is not approved');
    expect(await page.locator('#a0_code').inputValue() === COURSE.code, 'table A does not start from the approved course');
    expect(await page.locator('#b0_title').inputValue() === COURSE.homeTitle, 'table B does not start from the home course');
    expect(await page.locator('#a1_title').inputValue() === '', 'the alternative went into the first draft');
    await expectVisible(page.getByText('Før læringsavtalen kan signeres, trenger mottakende institusjon:'),
      'the page does not say what the partner still needs');
    await page.getByLabel('Planlagt ankomst (ÅÅÅÅ-MM-DD)').fill(STAY.arrival);
    await page.getByLabel('Planlagt avreise (ÅÅÅÅ-MM-DD)').fill(STAY.departure);
    await page.getByLabel('Hovedspråket i studiene dine der (en kode som de eller en)').fill(STAY.language);
    await page.getByLabel('Nivået ditt i det språket (CEFR)').selectOption(STAY.level);
    await page.getByLabel('Fornavn', { exact: true }).fill(STAY.givenNames);
    await page.getByLabel('Etternavn', { exact: true }).fill(STAY.familyName);
    await page.getByLabel('E-postadresse', { exact: true }).fill(STAY.email);
    await page.locator('#a0_term').fill('1/1');
    await page.locator('#b0_term').fill('1/1');
    await record(page, screenshot, 'nb-14-la-draft');
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.waitForURL('**done=saved');
    expect(!(await page.getByText('Før læringsavtalen kan signeres').isVisible()), 'the stay she gave is still missing');
    await page.getByRole('button', { name: 'Signer som student' }).click();
    await page.waitForURL('**done=signed');
    await expectVisible(page.getByText('Du har signert utkastet; det venter på koordinatorens signatur.'), 'not signed');
    await record(page, screenshot, 'nb-15-la-signed-by-student');
  }, ON_A);

  await signedAndApproved(check, ON_B, 1, COURSE, { signed: 'nb-16-la-signed-by-coordinator', queue: 'en-17-b-queue-la',
    approved: 'en-18-b-la-approved', seen: 'nb-19-la-approved' });

  await check('B records her arrival', async ({ page, screenshot }) => {
    await logIn(page, ADMIN_B, PASSWORD);
    await page.waitForURL('**/admin');
    await page.goto('/mobilities');
    await page.locator('tr', { hasText: STUDENT_NAME }).locator('a[href^="/mobilities/incoming/"]').first().click();
    await page.getByLabel('Actual arrival (YYYY-MM-DD)').fill(ARRIVAL);
    await page.getByRole('button', { name: 'Save the dates' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'The dates are saved' }), 'the arrival is not saved');
    await expectVisible(page.getByText(`${ARRIVAL} – not recorded`), 'B\'s page does not show the arrival it recorded');
    await record(page, screenshot, 'en-20-b-arrival');
  }, ON_B);

  await check('during the stay she swaps the course for the approved alternative', async ({ page, screenshot }) => {
    await studentSeesDone(page, 'Læringsavtalen er godkjent av alle tre (versjon 1)', 'her agreement is not approved');
    await expectVisibleAfterReloads(page, page.getByText(`${ARRIVAL} – ikke registrert`),
      'her page never shows the arrival B recorded');
    await expectVisible(page.getByRole('heading', { name: 'Foreslå endringer' }), 'no form for changes');
    const dropped = [['a0', COURSE.code, COURSE.title, COURSE.credits],
      ['b0', COURSE.homeCode, COURSE.homeTitle, COURSE.homeCredits]];
    for (const [row, code, title, credits] of dropped) {
      await page.locator(`#${row}_code`).fill(code);
      await page.locator(`#${row}_title`).fill(title);
      await page.locator(`#${row}_credits`).fill(credits);
      await page.locator(`#${row}_term`).fill('1/1');
      await page.locator(`#${row}_change`).selectOption('deleted');
      await page.locator(`#${row}_reason`).selectOption('not-available');
    }
    await record(page, screenshot, 'nb-21-change-typed');
    await page.getByRole('button', { name: `Legg til i endringene: ${ALTERNATIVE.code} ${ALTERNATIVE.title}` }).click();
    await page.waitForURL('**done=saved');
    expect(await page.locator('#a1_code').inputValue() === ALTERNATIVE.code, 'the alternative is not in table A');
    await page.getByRole('button', { name: 'Signer som student' }).click();
    await page.waitForURL('**done=signed');
    await record(page, screenshot, 'nb-22-change-signed-by-student');
  }, ON_A);

  await signedAndApproved(check, ON_B, 2, ALTERNATIVE, { signed: 'nb-23-change-signed-by-coordinator',
    queue: 'en-24-b-queue-change', approved: 'en-25-b-change-approved', seen: 'nb-26-change-approved' });

  await check('the student\'s pages of the journey in English', async ({ page, screenshot }) => {
    await logIn(page, STUDENT, PASSWORD);
    await page.waitForURL('**/my-exchange');
    await page.locator('#language-choice').selectOption('en');
    await Promise.all([page.waitForNavigation(), page.locator('form.language-switch button[type=submit]').click()]);
    expect(await page.getAttribute('html', 'lang') === 'en', 'the page is not in English');
    await record(page, screenshot, 'en-01-my-exchange');
    await page.getByRole('link', { name: 'Find a destination for your exchange' }).click();
    await record(page, screenshot, 'en-02-destinations');
    await page.getByRole('link', { name: B_NAME }).click();
    await record(page, screenshot, 'en-03-destination');
    await page.goto('/my-exchange/applications');
    await page.getByRole('link', { name: ROUND }).click();
    const follow = page.getByRole('link', { name: 'Follow your nomination' });
    await expectVisible(follow, 'the application does not say she was selected');
    await record(page, screenshot, 'en-04-application-selected');
    await follow.click();
    await expectVisible(page.locator('.timeline li.done', { hasText: 'Learning agreement approved by all three (version 2)' }),
      'the timeline in English does not show the change approved');
    await record(page, screenshot, 'en-26-change-approved');
    await page.getByRole('link', { name: 'Course pre-approval' }).click();
    await expectVisible(page.locator('tr', { hasText: ALTERNATIVE.title }).getByText('Approved'), 'the alternative is not approved');
    await record(page, screenshot, 'en-11-preapproval-approved');
  }, ON_A);
}, { stopAfterFailure: true });
