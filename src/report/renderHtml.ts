import { formatCount, formatDelta, formatValue } from './formatValue.js';
import { reportLabels, type ReportLabelKey } from './labels.js';
import { maskReport } from './maskReport.js';
import { agentsChart, bulletChart, escapeHtml, histogramChart, trendChart, type AgentPanel, type ChartStatus, type TrendPanel } from './svgCharts.js';
import type { MonthlyReport, RenderOptions, ReportGroup, ReportKpiEntry } from './types.js';

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions extends RenderOptions {
  /** The page title; default the report title and period. */
  readonly title?: string;
}

// KPIs drawn in the trend after the targeted ones.
const trendPreference = ['answerRate', 'averageSpeedOfAnswer', 'averageHandleTime', 'satisfactionRate', 'csat', 'firstContactResolution', 'qaScore', 'nps', 'firstResponseTime', 'escalationRate'];

// KPIs shown per agent, in this order of preference (the ones an agent controls).
const agentKpiPreference = ['qaScore', 'csat', 'firstContactResolution', 'averageHandleTime', 'satisfactionRate', 'firstResponseTime', 'escalationRate', 'nps'];

const statusOf = (e: ReportKpiEntry): ChartStatus => (e.met === true ? 'met' : e.met === false ? 'missed' : 'none');

const css = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#ffffff;--panel:#f6f8fa;--met:#1a7f37;--missed:#cf222e;--none:#8c959f;--accent:#0969da}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",Roboto,"Helvetica Neue",Arial,sans-serif;font-variant-numeric:tabular-nums}
main{max-width:1120px;margin:0 auto;padding:0 28px 48px}
header.top{background:linear-gradient(135deg,#0b3d91,#0969da);color:#fff;padding:28px 0 24px;margin-bottom:24px}
header.top .inner{max-width:1120px;margin:0 auto;padding:0 28px}
header.top h1{margin:0 0 4px;font-size:28px;font-weight:650;letter-spacing:.01em}
header.top .meta{opacity:.9;font-size:14px}
header.top .meta span+span::before{content:"·";margin:0 8px;opacity:.7}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:10px;margin-top:18px}
.card{background:rgba(255,255,255,.12);border:1px solid rgba(255,255,255,.25);border-radius:8px;padding:10px 12px}
.card .n{font-size:22px;font-weight:650;display:block}
.card .k{font-size:12px;opacity:.85}
.card.warn{background:rgba(207,34,46,.35)}
section{margin:30px 0}
h2{font-size:20px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:18px 0 8px}
.legend{display:flex;flex-wrap:wrap;gap:18px;font-size:13px;color:var(--muted);margin:0 0 10px}
.legend i{display:inline-block;width:22px;height:11px;border-radius:2px;vertical-align:-1px;margin-right:6px}
.legend i.met{background:var(--met)}
.legend i.missed{background:repeating-linear-gradient(45deg,var(--missed) 0 4px,#e88f96 4px 6px)}
.legend i.none{background:var(--none)}
.legend i.target{width:3px;height:16px;background:var(--fg);vertical-align:-3px}
.chart{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px}
.chart svg{display:block;max-width:100%;height:auto}
svg text{font-family:inherit;fill:var(--fg)}
svg .lbl{font-size:13px}
svg .val{font-size:13px;font-weight:600}
svg .val.met{fill:var(--met)} svg .val.missed{fill:var(--missed)} svg .val.none{fill:var(--muted)}
svg .tick{font-size:11px;fill:var(--muted)} svg .tick.strong{fill:var(--fg);font-weight:600}
svg .ptitle{font-size:13px;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:6px 0}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
thead th{background:var(--panel);font-weight:600;position:sticky;top:0}
th.sortable{cursor:pointer;user-select:none} th.sortable::after{content:" ⇅";color:var(--muted);font-weight:400}
tbody tr:hover{background:#fafbfc}
.met{color:var(--met);font-weight:600} .missed{color:var(--missed);font-weight:600} .muted{color:var(--muted)}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
.scroll table{margin:0}
.scroll.tall{max-height:520px;overflow-y:auto}
th.t,td.t{text-align:left}
.inline-bar{display:inline-block;height:9px;background:var(--accent);border-radius:2px;vertical-align:middle;margin-right:6px;opacity:.75}
.note{background:#fff8c5;border:1px solid #d4a72c66;border-radius:8px;padding:10px 14px;color:#4d2d00}
.stats{display:flex;gap:28px;flex-wrap:wrap;margin:0 0 10px} .stats b{font-size:20px;display:block}
.award{display:inline-block;background:#fff8c5;border:1px solid #d4a72c66;border-radius:20px;padding:4px 12px;margin:0 8px 8px 0}
footer{color:var(--muted);font-size:12.5px;border-top:1px solid var(--line);padding-top:12px;margin-top:36px}
@media print{header.top{background:#0b3d91;-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

// Sorting the agent table: a few lines inline (no external script); numbers sort by data-v.
const sortScript = `document.querySelectorAll('table[data-sortable]').forEach(function(t){t.querySelectorAll('th').forEach(function(th,i){th.classList.add('sortable');th.addEventListener('click',function(){var b=t.tBodies[0];var rows=Array.prototype.slice.call(b.rows);var dir=th.dataset.dir==='asc'?'desc':'asc';th.dataset.dir=dir;rows.sort(function(x,y){var a=x.cells[i].dataset.v,c=y.cells[i].dataset.v;var p=a!==undefined&&a!==''?Number(a):x.cells[i].textContent,q=c!==undefined&&c!==''?Number(c):y.cells[i].textContent;var r=p<q?-1:p>q?1:0;return dir==='asc'?r:-r});rows.forEach(function(r){b.appendChild(r)})})})});`;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts drawn here (KPIs
 * against targets, the trend over months, agents side by side, the distribution of QA scores,
 * SLA compliance), tables beneath each, and nothing fetched from the network (no fonts,
 * scripts or images). Every value from the data is HTML-escaped; customer ids and phone
 * numbers are masked unless `showPii`. Met/missed reads without colour: ✓/✗ and a hatch.
 *
 * @param report - the report from `finish()`
 * @param options - label language (`zh` default, or `en`), `showPii`, page title
 * @returns the HTML document
 * @example
 * renderHtml(report, { lang: 'en' }).startsWith('<!doctype html>') //=> true
 */
export function renderHtml(report: MonthlyReport, options: RenderHtmlOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const L = (key: ReportLabelKey): string => escapeHtml(reportLabels[key][lang]);
  const raw = (key: ReportLabelKey): string => reportLabels[key][lang];
  const r = maskReport(report, options.showPii ?? false);
  const e = escapeHtml;
  const period = r.period.from === null ? raw('noData') : r.period.from === r.period.to ? r.period.from : `${r.period.from} – ${r.period.to}`;
  const title = options.title ?? `${raw('title')} · ${period}`;
  const named = (k: string): string => (k === '(none)' ? raw('none') : k === 'phone' || k === 'chat' ? raw(k) : k);
  const body: string[] = [];

  // ——— header ———
  const i = r.input;
  const card = (label: ReportLabelKey, value: number, warn = false): string =>
    `<div class="card${warn && value > 0 ? ' warn' : ''}"><span class="n">${formatCount(value)}</span><span class="k">${L(label)}</span></div>`;
  body.push(
    `<header class="top"><div class="inner"><h1>${L('title')}</h1><div class="meta"><span>${L('period')}: ${e(period)}</span><span>${L('timeZone')}: ${e(r.period.timeZone)}</span>` +
      `<span>${L('preset')}: ${r.preset === null ? L('noPreset') : e(r.preset)}</span><span>${options.showPii === true ? L('piiShown') : L('piiMasked')}</span></div>` +
      `<div class="cards">${card('rows', i.rows)}${card('accepted', i.accepted)}${card('rejected', i.rejected, true)}${card('duplicates', i.duplicates, true)}` +
      `${card('contacts', i.contacts)}${card('complaints', i.complaints)}${card('evaluations', i.evaluations)}</div></div></header><main>`,
  );

  // ——— KPIs against targets ———
  // KPIs with a target first (what the standard asks for), then the rest, each in report order.
  const kpis = [...Object.entries(r.kpis).filter(([, k]) => k.target !== null), ...Object.entries(r.kpis).filter(([, k]) => k.target === null)];
  const legend =
    `<div class="legend"><span><i class="met"></i>${L('legendMet')}</span><span><i class="missed"></i>${L('legendMissed')}</span>` +
    `<span><i class="none"></i>${L('legendNoTarget')}</span><span><i class="target"></i>${L('legendTarget')}</span></div>`;
  body.push(`<section id="kpis"><h2>${L('kpisVsTargets')}</h2>${legend}`);
  if (kpis.length === 0) body.push(`<p class="note">${L('noData')}</p>`);
  else {
    const rows = kpis.map(([, k]) => ({
      label: k.label[lang],
      value: k.value,
      unit: k.unit,
      target: k.target?.threshold ?? null,
      status: statusOf(k),
      valueText: k.value === null ? raw('noValue') : formatValue(k.value, k.unit),
    }));
    body.push(`<div class="chart">${bulletChart(rows, raw('kpisVsTargets'))}</div>`);
  }
  body.push(`<h3>${L('kpis')}</h3><div class="scroll"><table><thead><tr><th>${L('kpi')}</th><th>${L('value')}</th><th>${L('target')}</th><th>${L('status')}</th><th>${L('margin')}</th><th>${L('change')}</th><th>${L('numerator')}</th><th>${L('denominator')}</th></tr></thead><tbody>`);
  for (const [, k] of kpis) {
    const st = statusOf(k);
    const status = st === 'met' ? `<span class="met">✓ ${L('met')}</span>` : st === 'missed' ? `<span class="missed">✗ ${L('missed')}</span>` : `<span class="muted">— ${k.target === null ? L('noTarget') : L('noValue')}</span>`;
    const value = k.value === null ? `<span class="muted" title="${e(k.reason ?? '')}">— ${e(k.reason ?? '')}</span>` : e(formatValue(k.value, k.unit));
    body.push(
      `<tr><td>${e(k.label[lang])}</td><td>${value}</td><td>${k.target === null ? '—' : `${L(k.target.comparator)} ${e(formatValue(k.target.threshold, k.unit))}`}</td><td>${status}</td>` +
        `<td>${e(formatDelta(k.margin, k.unit))}</td><td>${e(formatDelta(k.change?.delta ?? null, k.unit))}</td><td>${formatCount(k.numerator)}</td><td>${formatCount(k.denominator)}</td></tr>`,
    );
  }
  body.push('</tbody></table></div></section>');

  // ——— trend over months ———
  const months = Object.keys(r.byMonth);
  body.push(`<section id="trend"><h2>${L('trend')}</h2>`);
  if (months.length < 2) body.push(`<p class="note" data-chart-absent="trend">${L('oneMonthOnly')}</p>`);
  else {
    // The targeted KPIs first, then the ones a manager reads every month; nine at most.
    const all = Object.keys(r.kpis);
    const names = [...new Set([...all.filter((k) => r.kpis[k]?.target !== null), ...trendPreference.filter((k) => all.includes(k))])].slice(0, 9);
    const panels: TrendPanel[] = names.flatMap((name) => {
      const first = r.kpis[name] as ReportKpiEntry;
      const points = months.map((m) => ({ month: m, value: r.byMonth[m]?.kpis[name]?.value ?? null }));
      if (points.filter((p) => p.value !== null).length < 2) return [];
      return [{ label: first.label[lang], unit: first.unit, points, target: first.target?.threshold ?? null }];
    });
    body.push(panels.length === 0 ? `<p class="note">${L('noData')}</p>` : `<div class="chart">${trendChart(panels, raw('trend'))}</div>`);
  }
  body.push(groupTable(r.byMonth, 'month', raw, lang, (k) => k));
  body.push('</section>');

  // ——— agents side by side ———
  const agentIds = Object.keys(r.byAgent).filter((a) => a !== '(none)');
  body.push(`<section id="agents"><h2>${L('agentsSideBySide')}</h2>`);
  const agentPanels: AgentPanel[] = [];
  const sample = r.byAgent[agentIds[0] ?? ''];
  if (sample !== undefined) {
    const available = Object.keys(sample.kpis);
    const chosen = [...agentKpiPreference.filter((k) => available.includes(k)), ...available.filter((k) => !agentKpiPreference.includes(k))];
    for (const name of chosen) {
      const dots = agentIds.flatMap((a) => {
        const k = r.byAgent[a]?.kpis[name];
        return k === undefined || k.value === null ? [] : [{ agent: a, value: k.value, status: statusOf(k) }];
      });
      if (dots.length < 2) continue;
      const meta = sample.kpis[name] as ReportKpiEntry;
      const target = r.kpis[name]?.target ?? meta.target;
      agentPanels.push({ label: meta.label[lang], unit: meta.unit, target: target?.threshold ?? null, lowerIsBetter: target?.comparator === 'atMost' || meta.unit === 'seconds', dots });
      if (agentPanels.length === 6) break;
    }
  }
  if (agentPanels.length === 0) body.push(`<p class="note">${L('noData')}</p>`);
  else body.push(`${legend}<div class="chart">${agentsChart(agentPanels, raw('agentsSideBySide'), raw('median'))}</div>`);
  if (r.agents.awards.length > 0) {
    // The awards judge one month (the latest), not the whole period of the charts around them.
    body.push(`<h3>${L('awards')}${r.agents.month === null ? '' : ` · ${e(r.agents.month)}`}</h3><div>`);
    for (const a of r.agents.awards) {
      body.push(`<span class="award">★ ${e(a.label[lang])}: <b>${e(a.agentId)}</b> (${e(a.award === 'highestCsat' ? a.value.toFixed(2) : formatValue(a.value, 'rate'))})</span>`);
    }
    body.push('</div>');
  }
  body.push(agentTable(r, agentPanels, raw, lang));
  body.push('</section>');

  // ——— QA scores ———
  body.push(`<section id="qa"><h2>${L('qaDistribution')}</h2>`);
  if (r.qa.mean === null) body.push(`<p class="note">${L('noData')}: ${e(r.qa.reason ?? '')}</p>`);
  else {
    const stat = (label: ReportLabelKey, v: string): string => `<div><span class="muted">${L(label)}</span><b>${e(v)}</b></div>`;
    const red = Object.entries(r.qa.redLines).map(([k, v]) => `${k}: ${v}`).join(', ');
    body.push(
      `<div class="stats">${stat('evaluations', formatCount(r.qa.evaluations))}${stat('mean', r.qa.mean.toFixed(1))}${stat('min', (r.qa.min ?? 0).toFixed(1))}${stat('max', (r.qa.max ?? 0).toFixed(1))}` +
        `${stat('unscored', formatCount(r.qa.unscored))}${stat('redLines', red === '' ? '0' : red)}</div>`,
    );
    body.push(`<div class="chart">${histogramChart(r.qa.distribution, r.qa.mean, raw('qaDistribution'), raw('mean'))}</div>`);
  }
  body.push('</section>');

  // ——— SLA ———
  const sla = r.sla;
  if (sla !== null) {
    body.push(`<section id="sla"><h2>${L('sla')}</h2><p>${L('compliance')}: <b>${e(formatValue(sla.compliance, 'rate'))}</b> · ${formatCount(sla.complaints)} ${L('complaints')}</p>`);
    const rules = Object.entries(sla.rules);
    if (rules.length > 0) {
      const rows = rules.map(([rule, x]) => ({
        label: x.label?.[lang] ?? rule,
        value: x.rate,
        unit: 'rate' as const,
        target: null,
        status: 'none' as const,
        valueText: `${formatValue(x.rate, 'rate')} (${formatCount(x.missed)} ${raw('missed')})`,
      }));
      body.push(`<div class="chart">${bulletChart(rows, raw('sla'), 'sla')}</div>`);
    }
    if (sla.missed.length > 0) {
      body.push(`<h3>${L('missedComplaints')}</h3><div class="scroll tall"><table><thead><tr><th>id</th><th class="t">${L('customer')}</th><th>${L('level')}</th><th class="t">${L('rule')}</th></tr></thead><tbody>`);
      for (const m of sla.missed) {
        const names = m.rules.map((rule) => (sla !== null && Object.hasOwn(sla.rules, rule) ? sla.rules[rule]?.label?.[lang] : undefined) ?? rule);
        body.push(`<tr><td>${e(m.id)}</td><td class="t">${e(m.customerId ?? '—')}</td><td>${m.level ?? '—'}</td><td class="t">${e(names.join(';'))}</td></tr>`);
      }
      body.push('</tbody></table></div>');
    }
    body.push('</section>');
  }

  // ——— channel and topic tables ———
  body.push(`<section id="channels"><h2>${L('byChannel')}</h2>${groupTable(r.byChannel, 'channel', raw, lang, named)}</section>`);
  body.push(`<section id="topics"><h2>${L('byTopic')}</h2>${groupTable(r.byTopic, 'topic', raw, lang, named)}</section>`);

  if (r.notes.length > 0) body.push(`<section id="notes"><h2>${L('notes')}</h2><ul>${r.notes.map((x) => `<li>${e(x)}</li>`).join('')}</ul></section>`);
  body.push(`<footer>${L('generatedBy')} · ${e(r.schema)}</footer></main>`);

  return (
    `<!doctype html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    // No network: forbid every fetch but inline style and script (a CSP meta tag the page obeys).
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">` +
    `<title>${e(title)}</title><style>${css}</style></head><body>${body.join('\n')}<script>${sortScript}</script></body></html>\n`
  );
}

/** A table of groups × KPIs (formatted values with ✓/✗). */
function groupTable(
  groups: Readonly<Record<string, ReportGroup>>,
  keyLabel: ReportLabelKey,
  raw: (key: ReportLabelKey) => string,
  lang: 'zh' | 'en',
  keyText: (k: string) => string,
): string {
  const keys = Object.keys(groups);
  const first = groups[keys[0] ?? ''];
  if (first === undefined) return `<p class="muted">${escapeHtml(raw('noData'))}</p>`;
  const names = Object.keys(first.kpis);
  const head = `<tr><th>${escapeHtml(raw(keyLabel))}</th><th>${escapeHtml(raw('contacts'))}</th>${names.map((n) => `<th>${escapeHtml(first.kpis[n]?.label[lang] ?? n)}</th>`).join('')}</tr>`;
  const rows = keys.map((key) => {
    const g = groups[key] as ReportGroup;
    const cells = names.map((n) => {
      const k = g.kpis[n];
      if (k === undefined || k.value === null) return `<td class="muted" data-v="">—</td>`;
      const cls = k.met === true ? ' class="met"' : k.met === false ? ' class="missed"' : '';
      const mark = k.met === true ? ' ✓' : k.met === false ? ' ✗' : '';
      return `<td${cls} data-v="${k.value}">${escapeHtml(formatValue(k.value, k.unit))}${mark}</td>`;
    });
    return `<tr><td>${escapeHtml(keyText(key))}</td><td data-v="${g.contacts}">${formatCount(g.contacts)}</td>${cells.join('')}</tr>`;
  });
  return `<div class="scroll tall"><table data-sortable><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The sortable agent table: contacts, share of targets met as an inline bar, the charted KPIs, flags. */
function agentTable(r: MonthlyReport, panels: readonly AgentPanel[], raw: (key: ReportLabelKey) => string, lang: 'zh' | 'en'): string {
  const e = escapeHtml;
  const ranking = r.agents.ranking;
  if (ranking.length === 0) return '';
  const sample = r.byAgent[ranking[0]?.agentId ?? ''];
  const names = sample === undefined ? [] : Object.keys(sample.kpis).filter((n) => panels.some((p) => p.label === sample.kpis[n]?.label[lang]));
  const head =
    `<tr><th>${e(raw('agent'))}</th><th>${e(raw('contacts'))}</th><th>${e(raw('attainment'))}${r.agents.month === null ? '' : ` (${e(r.agents.month)})`}</th>` +
    names.map((n) => `<th>${e(sample?.kpis[n]?.label[lang] ?? n)}</th>`).join('') +
    `<th>${e(raw('flags'))}</th></tr>`;
  const rows = ranking.map((a) => {
    const g = r.byAgent[a.agentId];
    const att = a.attainment;
    const bar = att === null ? '—' : `<span class="inline-bar" style="width:${Math.round(att * 60)}px"></span>${(att * 100).toFixed(0)}%`;
    const cells = names.map((n) => {
      const k = g?.kpis[n];
      if (k === undefined || k.value === null) return `<td class="muted" data-v="">—</td>`;
      const cls = k.met === true ? ' class="met"' : k.met === false ? ' class="missed"' : '';
      const mark = k.met === true ? ' ✓' : k.met === false ? ' ✗' : '';
      return `<td${cls} data-v="${k.value}">${e(formatValue(k.value, k.unit))}${mark}</td>`;
    });
    const flags = (Object.hasOwn(r.agents.flags, a.agentId) ? (r.agents.flags[a.agentId] ?? []) : []).map((f) => (f === 'retraining' ? raw('retraining') : f === 'promotion' ? raw('promotion') : f));
    return `<tr><td>${e(a.agentId)}</td><td data-v="${a.contacts}">${formatCount(a.contacts)}</td><td data-v="${att ?? ''}">${bar}</td>${cells.join('')}<td>${e(flags.join(', '))}</td></tr>`;
  });
  return `<h3>${e(raw('agent'))} <span class="muted" style="font-weight:400;font-size:13px">(${e(raw('sortHint'))})</span></h3><div class="scroll tall"><table data-sortable><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}
