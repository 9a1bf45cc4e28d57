import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeWithBrowser, launchChromium } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { buildTurnoverHistory, CRITERIA, REGION, TENDER, TURNOVER_HISTORY_START, turnoverHistoryTokens } from '../support/turnover-history';

/**
 * The web UI in Debian's chromium against the whole platform on a real port, on the turnover history of
 * test/support/turnover-history.ts (a two-lot tender evaluated, awarded and concluded, a direct award C,
 * a renewal) plus one tender open for bids now. UI_SCREENSHOT=docs/ui-statistics.png saves the statistics view there (and the tender and audit views beside it).
 */
const OPEN_TENDER = 'tender-out-of-hours-2027';

// The page's globals, typed just enough for the checks run inside it (the project compiles without the DOM lib).
type ChartData = { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } };
type PageGlobals = { document: { querySelector(selector: string): Canvas | null }; Chart: { getChart(canvas: Canvas | null): { data: ChartData } | undefined } };
// Markup in a title must come out as text (the UI never puts API data through innerHTML).
const OPEN_TITLE = 'Out-of-hours <b>pilot</b> & "urgent" care <img src=x onerror=alert(1)>';

describeWithBrowser('web UI in a real browser (chromium)', () => {
  let p: TestPlatform;
  let browser: Browser;
  let page: Page;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    p = await startTestPlatform(TURNOVER_HISTORY_START);
    const t = await turnoverHistoryTokens(p);
    await buildTurnoverHistory(p, t); // the clock now reads 20 January 2027
    await p.as(t.icb!).post('/api/tenders').send({
      tenderId: OPEN_TENDER, title: OPEN_TITLE, description: 'Evening and weekend urgent primary care.', procedureProfileId: 'psr-competitive', contractType: 'APMS',
      services: [{ id: 'ooh', name: 'Out-of-hours care', population: 50_000, annualValuePence: 150_000_000, localities: [{ id: 'all', name: 'Whole area', population: 50_000 }] }],
      population: 50_000, estimatedAnnualValuePence: 150_000_000, contractTerm: { startDate: '2027-07-01', months: 36 }, criteria: CRITERIA,
      timeline: { clarificationDeadline: '2027-02-20T12:00:00.000Z', submissionDeadline: '2027-03-31T12:00:00.000Z', plannedAwardDate: '2027-05-14T12:00:00.000Z' },
      region: REGION,
    }).expect(201);
    await p.as(t.icb!).post(`/api/tenders/${OPEN_TENDER}/no-split-reason`).send({ reason: 'One out-of-hours service for the whole area: splitting would break the rota.' }).expect(200);
    const published = await p.as(t.icb!).post(`/api/tenders/${OPEN_TENDER}/publish`).send({});
    expect([published.status, published.body.code]).toEqual([200, undefined]);

    await p.platform.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(p.platform.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.on('console', (message) => {
      // The refusals these tests provoke on purpose (400, 401, 403) are logged by the browser too.
      if (message.type() === 'error' && !/status of (400|401|403)\b/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  const signIn = async (role: string, organisationId: string): Promise<void> => {
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByLabel('Role').selectOption(role);
    await page.getByLabel('Organisation id').fill(organisationId);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#session').getByText(`${role} · ${organisationId}`).waitFor();
  };
  /** With UI_SCREENSHOT=dir/ui-statistics.png, each view is saved beside it (ui-tender.png, ui-audit.png). */
  const screenshot = async (name: string): Promise<void> => {
    if (!process.env.UI_SCREENSHOT) return;
    const dir = dirname(resolve(process.env.UI_SCREENSHOT));
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, name), fullPage: true });
  };
  const chartData = (key: string) =>
    page.evaluate((k) => {
      const { document, Chart } = globalThis as unknown as PageGlobals;
      const chart = Chart.getChart(document.querySelector(`canvas[data-chart="${k}"]`));
      return chart ? { labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) } : null;
    }, key);
  /** Pixels on the canvas drawn in a colour (not white, grey or black): the bars, coloured by the Colors plugin. */
  const colouredPixels = (key: string) =>
    page.evaluate((k) => {
      const canvas = (globalThis as unknown as PageGlobals).document.querySelector(`canvas[data-chart="${k}"]`)!;
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      }
      return coloured;
    }, key);

  it('asks for sign-in first, then signs in as an auditor through the dev form and opens the statistics', async () => {
    await page.goto(`${base}/`);
    await signIn('auditor', 'org-nao');
    await page.getByRole('heading', { name: 'Turnover statistics', level: 1 }).waitFor();
    // The default year is the platform clock's: 2027, to 20 January.
    await page.locator('.summary').getByText('2027: 1 Jan 2027 to 20 Jan 2027').waitFor();
    expect(await page.getByLabel('Year', { exact: true }).inputValue()).toBe('2027');
  });

  it('statistics: headline figures with their definitions, and charts drawn from the API data', async () => {
    expect(await page.locator('[data-figure="activeContracts"] .figure-value').textContent()).toBe('4');
    expect(await page.locator('[data-figure="renewedOrExtendedWithoutCompetition"] .figure-value').textContent()).toBe('50.0%');
    expect(await page.locator('[data-figure="renewedOrExtendedWithoutCompetition"] .figure-basis').textContent()).toBe('2 of 4');
    const definition = page.locator('[data-figure="contractsTendered"] details.definition');
    await definition.locator('summary').click();
    expect(await definition.locator('p').textContent()).toContain('The "1.3%" figure.');

    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('canvas[data-chart="daysToAward"]') !== null);
    expect(await chartData('awardsByProcessCount')).toEqual({
      labels: ['Competitive', 'Direct award A', 'Direct award B', 'Direct award C', 'Most suitable provider'],
      datasets: [{ label: 'Awards by process', data: [2, 0, 0, 1, 0] }],
    });
    expect((await chartData('awardsByProcessValue'))!.datasets[0]!.data).toEqual([680_000_000, 0, 0, 130_000_000, 0]);
    expect((await chartData('smallProvidersAndConsortia'))!.datasets).toEqual([
      { label: 'Share of lots', data: [0.5, 0.5] },
      { label: 'Share of value', data: [0.5294, 0.4706] },
    ]);
    // Three years: the 2026 award took 111 days; 2025 and 2027 (so far) decided nothing.
    expect(await chartData('daysToAward')).toEqual({ labels: ['2025', '2026', '2027'], datasets: [{ label: 'Median days', data: [null, 111, null] }] });
    for (const key of ['awardsByProcessCount', 'smallProvidersAndConsortia', 'competition', 'daysToAward']) {
      await page.waitForFunction((k) => {
        const canvas = (globalThis as unknown as PageGlobals).document.querySelector(`canvas[data-chart="${k}"]`);
        return canvas !== null && canvas.width > 0;
      }, key);
      expect([key, (await colouredPixels(key)) > 200]).toEqual([key, true]);
    }
    // Every chart's numbers are also in a table for screen readers.
    expect(await page.locator('[data-chart-figure="awardsByProcessCount"] .chart-data td').allTextContents()).toEqual(expect.arrayContaining(['Competitive', '2', 'Direct award C', '1']));
    expect(await page.getByRole('link', { name: 'Download these figures as CSV' }).getAttribute('href')).toBe('/api/statistics/turnover?year=2027&format=csv');

    await screenshot('ui-statistics.png');
  });

  it('statistics: the CSV link downloads the figures with the bearer token', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these figures as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('turnover-2027.csv');
    const stream = await download.createReadStream();
    let csv = '';
    for await (const chunk of stream) csv += String(chunk);
    expect(csv.split('\r\n')[0]).toBe('year,region,contractType,key,label,unit,value,numerator,denominator,definition');
  });

  it('statistics: a refused filter shows the API code and message', async () => {
    await page.goto(`${base}/#/statistics?year=1800`);
    const error = page.locator('#statistics-results .status.error');
    await error.waitFor();
    expect(await error.locator('.error-code').textContent()).toBe('VALIDATION_FAILED');
    expect(await error.textContent()).toContain('year must be 1948 (the NHS) or later');
  });

  it('tenders: the list shows titles as text; the evaluated tender shows lots, timeline, clarifications and the ranking per lot as a chart', async () => {
    await page.getByRole('link', { name: 'Tenders', exact: true }).click();
    const list = page.locator('#tender-list');
    await list.waitFor();
    const open = list.getByRole('link', { name: OPEN_TITLE });
    expect(await open.textContent()).toBe(OPEN_TITLE);
    expect(await list.locator('b, img').count()).toBe(0);

    await list.getByRole('link', { name: 'Meadow primary care re-procurement 2027' }).click();
    await page.getByRole('heading', { name: /Meadow primary care re-procurement 2027/, level: 1 }).waitFor();
    expect(await page.locator('.timeline li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Published'), expect.stringContaining('Submissions closed')]));
    expect(await page.locator('section[aria-labelledby="lots-heading"] td').allTextContents()).toEqual(expect.arrayContaining(['lot-north', 'north locality', 'lot-south', 'south locality']));
    await page.locator('section[aria-labelledby="clarifications-heading"]').getByText('No clarification you can see.').waitFor();

    await page.locator('#evaluation .lot-ranking').first().waitFor();
    expect(await page.locator('#evaluation').getByText('Verified: recomputing').count()).toBe(1);
    const north = await chartData('ranking-lot-north');
    expect(north!.datasets.map((d) => d.label)).toEqual(['Quality points', 'Price points']);
    expect(north!.labels).toHaveLength(2);
    expect(north!.labels[0]).toMatch(/^#1 /);
    expect(north!.labels[1]).toMatch(/^\(not ranked\) /); // CareCorp failed the quality pass mark
    expect(north!.datasets[0]!.data.every((v) => typeof v === 'number')).toBe(true);
    expect(await colouredPixels('ranking-lot-north')).toBeGreaterThan(200);
    await screenshot('ui-tender.png');
  });

  it('tenders: a bidder sees the public notice and the API refusing it the evaluation', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('bidder', 'org-riverside');
    await page.getByRole('heading', { name: /Meadow primary care re-procurement 2027/, level: 1 }).waitFor(); // back where it was
    expect(await page.locator('.facts').first().textContent()).toContain('the public notice');
    const refusals = page.locator('#evaluation .status.error');
    await refusals.first().waitFor();
    expect(await refusals.locator('.error-code').allTextContents()).toEqual(['ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED']);
    expect(await refusals.first().textContent()).toContain('you act as bidder');
  });

  it('audit: the trail as a timeline table (who, role, when, what, why), as of a moment, and the store verified', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('auditor', 'org-nao');
    await page.goto(`${base}/#/audit/${TENDER}`);
    const rows = page.locator('#audit-timeline tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    expect(all).toBeGreaterThan(20);
    const first = await rows.first().locator('td').allTextContents();
    expect(first[2]).toContain('jane.commissioner');
    expect(first[3]).toBe('commissioner');
    expect(first[4]).toContain('TenderDrafted');
    expect(await page.locator('#audit-timeline').textContent()).toContain('The question was published in section 4.'); // a challenge outcome's reasons
    await screenshot('ui-audit.png');

    await page.getByLabel('As of (optional)').fill('2026-10-01T00:00:00Z');
    await page.getByRole('button', { name: 'Show the trail' }).click();
    await page.getByRole('heading', { name: /As it stood at/ }).waitFor();
    expect(await rows.count()).toBeLessThan(all);
    expect(await page.locator('#audit-trail .facts').textContent()).toContain('published');

    await page.getByRole('button', { name: 'Verify the event store' }).click();
    await page.locator('#verify-result .status.ok').waitFor();
    expect(await page.locator('#verify-result').textContent()).toMatch(/^Intact\. \d[\d,]* events in \d+ streams checked/);
  });

  it('a pasted token signs in (as in AUTH_MODE=jwt); a bad one is refused; another commissioner gets the audit refusal', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    const tokenField = page.getByLabel('Bearer token');
    await tokenField.fill('not-a-token');
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.locator('form').getByText('INVALID_TOKEN').waitFor();

    await tokenField.fill(`Bearer ${await p.token('commissioner', 'org-icb-south', 'sam.south')}`);
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.locator('#session').getByText('commissioner · org-icb-south').waitFor(); // read from the token's claims
    const error = page.locator('#audit-trail .status.error');
    await error.waitFor();
    expect(await error.locator('.error-code').textContent()).toBe('AUDIT_NOT_YOUR_TENDER');
  });

  it('logged no script error and no content-security-policy violation', () => {
    expect(problems).toEqual([]);
  });
});

