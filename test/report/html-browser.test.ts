import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComplaint, parseContact, parseEvaluation } from '../../src/records/index.js';
import { createReportBuilder, renderHtml, type MonthlyReport } from '../../src/report/index.js';
import { generateSampleMonth } from '../../src/scripts/sample/index.js';

// Debian's chromium (installed by .ci/run); no browser download. A machine without it skips
// this suite visibly rather than failing.
const chromiumPath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Two sample months (February and March 2026, a third of full size) plus hostile names. */
function sampleReport(): MonthlyReport {
  const months = [generateSampleMonth({ seed: 6, month: '2026-02', scale: 0.3 }), generateSampleMonth({ seed: 7, month: '2026-03', scale: 0.3 })];
  const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', preset: 'platform-service-provider', now: Date.parse('2026-04-04T00:00:00+08:00') });
  for (const m of months) for (const e of m.evaluations) builder.addEvaluation(parseEvaluation(e));
  for (const m of months) for (const c of m.contacts) builder.addContact(parseContact(c));
  for (const m of months) for (const c of m.complaints) builder.addComplaint(parseComplaint(c));
  // Data that would run script or fetch something if it were not escaped.
  builder.addContact(
    parseContact({
      id: 'EVIL', channel: 'phone', direction: 'inbound', offeredAt: '2026-03-10T10:00:00+08:00', answered: true, talkSeconds: 100,
      agentId: '<img src="http://example.invalid/x.png" onerror="window.__pwned=1">',
      topic: '<script>window.__pwned=2</script>',
    }),
  );
  return builder.finish();
}

describe.skipIf(!existsSync(chromiumPath))('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let report: MonthlyReport;
  const sampleHtml = (lang: 'zh' | 'en'): string => renderHtml(report, { lang });

  beforeAll(async () => {
    report = sampleReport();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    dir = await mkdtemp(join(tmpdir(), 'report-html-'));
    // Two generated months and a browser start: well over vitest's 10 s default when other test
    // files share the machine's two cores (it timed out in a run of the three rooms together).
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('renders every chart, logs no error, fetches nothing, and escapes the data', async () => {
    const file = join(dir, 'report.html');
    await writeFile(file, sampleHtml('zh'));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    for (const chart of ['kpi-targets', 'trend', 'agents', 'qa-distribution', 'sla']) {
      const svg = page.locator(`svg[data-chart="${chart}"]`);
      expect(await svg.count(), chart).toBe(1);
      const box = await svg.boundingBox();
      expect(box?.width, chart).toBeGreaterThan(100);
      expect(box?.height, chart).toBeGreaterThan(50);
      expect(await svg.locator('.mark').count(), `${chart} marks`).toBeGreaterThan(2);
    }
    // Targets are drawn where the preset has them.
    expect(await page.locator('svg[data-chart="kpi-targets"] .target').count()).toBeGreaterThan(0);

    // The sortable agent table sorts on a click without errors.
    const table = page.locator('#agents table[data-sortable]');
    await table.locator('th').nth(1).click();
    const first = await table.locator('tbody tr td').nth(1).getAttribute('data-v');
    await table.locator('th').nth(1).click();
    const second = await table.locator('tbody tr td').nth(1).getAttribute('data-v');
    expect(Number(first)).not.toBe(Number(second));

    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#agents').innerText()).toContain('<img src="http://example.invalid/x.png"');
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect(requests).toHaveLength(1);

    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    await page.close();
  });

  it('renders the English labels too, from setContent, with no request at all', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(sampleHtml('en'), { waitUntil: 'load' });
    expect(await page.locator('h1').innerText()).toBe('Monthly service quality report');
    expect(await page.locator('svg[data-chart]').count()).toBe(5);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
