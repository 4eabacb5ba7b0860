import { formatCount, formatDelta, formatValue } from './formatValue.js';
import { reportLabels, type ReportLabelKey } from './labels.js';
import { maskReport } from './maskReport.js';
import type { MonthlyReport, RenderOptions, ReportGroup, ReportKpiEntry } from './types.js';

/**
 * Escapes text from the data for a Markdown table cell: `|`, `\`, `*`, `_`, backticks and
 * brackets escaped, line breaks flattened, and `<`, `>`, `&` written as entities because wikis
 * render inline HTML.
 *
 * @param text - any text from the data
 * @returns the cell text
 * @example
 * markdownCell('a|b<c>') //=> 'a\\|b&lt;c&gt;'
 */
export function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[*_`[\]]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ');
}

// The KPIs a group table shows after the targeted ones.
const everyday = ['answerRate', 'averageSpeedOfAnswer', 'averageHandleTime', 'satisfactionRate', 'csat', 'firstContactResolution', 'qaScore', 'nps'];

/**
 * The report as Markdown for chat and wikis: a header with period and input counts, the KPIs
 * against their targets (status in words and symbols, not colour), then one table per month,
 * agent, channel and topic (rows = groups, columns = the targeted and everyday KPIs, eight at
 * most; the CSV and JSON carry them all), QA statistics, SLA compliance and
 * agent awards. Data text is escaped; personal data masked unless `showPii`.
 *
 * @param report - the report from `finish()`
 * @param options - label language, `showPii`
 * @returns the Markdown text
 * @example
 * renderMarkdown(report, { lang: 'en' }).split('\n')[0] //=> '# Monthly service quality report — 2026-03'
 */
export function renderMarkdown(report: MonthlyReport, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const L = (key: ReportLabelKey): string => reportLabels[key][lang];
  const r = maskReport(report, options.showPii ?? false);
  const out: string[] = [];
  const period = r.period.from === null ? L('noData') : r.period.from === r.period.to ? r.period.from : `${r.period.from} – ${r.period.to}`;
  out.push(`# ${L('title')} — ${period}`, '');
  out.push(
    `${L('timeZone')}: ${markdownCell(r.period.timeZone)} · ${L('preset')}: ${r.preset === null ? L('noPreset') : markdownCell(r.preset)} · ${options.showPii === true ? L('piiShown') : L('piiMasked')}`,
    '',
  );
  const i = r.input;
  out.push(`| ${L('rows')} | ${L('accepted')} | ${L('rejected')} | ${L('duplicates')} | ${L('contacts')} | ${L('complaints')} | ${L('evaluations')} |`);
  out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  out.push(`| ${[i.rows, i.accepted, i.rejected, i.duplicates, i.contacts, i.complaints, i.evaluations].map(formatCount).join(' | ')} |`, '');

  const status = (e: ReportKpiEntry): string => (e.met === true ? `✅ ${L('met')}` : e.met === false ? `❌ ${L('missed')}` : e.target === null ? '—' : L('noValue'));
  out.push(`## ${L('kpis')}`, '');
  out.push(`| ${L('kpi')} | ${L('value')} | ${L('target')} | ${L('status')} | ${L('margin')} | ${L('change')} | ${L('numerator')} / ${L('denominator')} |`);
  out.push('| --- | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const e of Object.values(r.kpis)) {
    const target = e.target === null ? '—' : `${L(e.target.comparator)} ${formatValue(e.target.threshold, e.unit)}`;
    const value = e.value === null ? `— (${markdownCell(e.reason ?? '')})` : formatValue(e.value, e.unit);
    const frac = e.unit === 'rate' ? `${formatCount(e.numerator)} / ${formatCount(e.denominator)}` : formatCount(e.denominator);
    out.push(`| ${markdownCell(e.label[lang])} | ${value} | ${target} | ${status(e)} | ${formatDelta(e.margin, e.unit)} | ${formatDelta(e.change?.delta ?? null, e.unit)} | ${frac} |`);
  }
  out.push('');

  const table = (title: ReportLabelKey, keyLabel: ReportLabelKey, groups: Readonly<Record<string, ReportGroup>>, keyText: (k: string) => string): void => {
    const keys = Object.keys(groups);
    const first = groups[keys[0] ?? ''];
    if (first === undefined) return;
    // Chat and wiki tables stay readable: the targeted KPIs and the everyday ones, eight at most.
    const all = Object.keys(first.kpis);
    const names = [...new Set([...all.filter((n) => first.kpis[n]?.target !== null), ...everyday.filter((n) => all.includes(n))])].slice(0, 8);
    out.push(`## ${L(title)}`, '');
    if (names.length < all.length) out.push(`_${L('moreColumns')}_`, '');
    out.push(`| ${L(keyLabel)} | ${L('contacts')} | ${names.map((n) => markdownCell(first.kpis[n]?.label[lang] ?? n)).join(' | ')} |`);
    out.push(`| --- | ---: | ${names.map(() => '---:').join(' | ')} |`);
    for (const key of keys) {
      const g = groups[key] as ReportGroup;
      const cells = names.map((n) => {
        const e = g.kpis[n];
        if (e === undefined) return '—';
        const mark = e.met === true ? ' ✓' : e.met === false ? ' ✗' : '';
        return formatValue(e.value, e.unit) + mark;
      });
      out.push(`| ${markdownCell(keyText(key))} | ${formatCount(g.contacts)} | ${cells.join(' | ')} |`);
    }
    out.push('');
  };
  const named = (k: string): string => (k === '(none)' ? L('none') : k);
  table('byMonth', 'month', r.byMonth, (k) => k);
  table('byChannel', 'channel', r.byChannel, (k) => (k === 'phone' || k === 'chat' ? L(k) : named(k)));
  table('byTopic', 'topic', r.byTopic, named);
  table('byAgent', 'agent', r.byAgent, named);

  out.push(`## ${L('qa')}`, '');
  if (r.qa.mean === null) out.push(`${L('noData')} (${markdownCell(r.qa.reason ?? '')})`, '');
  else {
    out.push(`| ${L('evaluations')} | ${L('mean')} | ${L('min')} | ${L('max')} | ${L('unscored')} |`, '| ---: | ---: | ---: | ---: | ---: |');
    out.push(`| ${formatCount(r.qa.evaluations)} | ${r.qa.mean.toFixed(1)} | ${(r.qa.min ?? 0).toFixed(1)} | ${(r.qa.max ?? 0).toFixed(1)} | ${formatCount(r.qa.unscored)} |`, '');
    out.push(`| ${L('score')} | ${L('count')} |`, '| --- | ---: |');
    for (const b of r.qa.distribution) out.push(`| ${b.from}–${b.to} | ${formatCount(b.count)} |`);
    out.push('');
  }
  if (r.sla !== null) {
    out.push(`## ${L('sla')}`, '');
    out.push(`${L('compliance')}: ${formatValue(r.sla.compliance, 'rate')} (${formatCount(r.sla.complaints)} ${L('complaints')})`, '');
    out.push(`| ${L('rule')} | ${L('met')} | ${L('missed')} | ${L('pending')} | ${L('compliance')} |`, '| --- | ---: | ---: | ---: | ---: |');
    for (const [rule, x] of Object.entries(r.sla.rules)) {
      out.push(`| ${markdownCell(x.label?.[lang] ?? rule)} | ${formatCount(x.met)} | ${formatCount(x.missed)} | ${formatCount(x.pending)} | ${formatValue(x.rate, 'rate')} |`);
    }
    out.push('');
    if (r.sla.missed.length > 0) {
      out.push(`### ${L('missedComplaints')}`, '', `| id | ${L('customer')} | ${L('level')} | ${L('rule')} |`, '| --- | --- | ---: | --- |');
      for (const m of r.sla.missed) out.push(`| ${markdownCell(m.id)} | ${markdownCell(m.customerId ?? '—')} | ${m.level ?? '—'} | ${markdownCell(m.rules.join(', '))} |`);
      out.push('');
    }
  }
  // Awards and flags judge one month (the latest), not the whole period of the tables above.
  out.push(`## ${L('agents')}${r.agents.month === null ? '' : ` — ${r.agents.month}`}`, '');
  for (const a of r.agents.awards) out.push(`- 🏆 ${markdownCell(a.label[lang])}: **${markdownCell(a.agentId)}** (${a.award === 'highestCsat' ? a.value.toFixed(2) : formatValue(a.value, 'rate')})`);
  const flagged = Object.entries(r.agents.flags);
  for (const flag of ['retraining', 'promotion'] as const) {
    const ids = flagged.filter(([, flags]) => flags.includes(flag)).map(([id]) => markdownCell(id));
    if (ids.length > 0) out.push(`- ${L(flag)}: ${ids.join(', ')}`);
  }
  out.push('');
  if (r.notes.length > 0) {
    out.push(`## ${L('notes')}`, '');
    for (const n of r.notes) out.push(`- ${markdownCell(n)}`);
    out.push('');
  }
  return out.join('\n');
}
