import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../src/records/index.js';
import {
  createReportBuilder,
  csvCell,
  escapeHtml,
  formatDelta,
  formatSeconds,
  formatValue,
  maskCustomerId,
  maskPhone,
  maskText,
  markdownCell,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  type MonthlyReport,
} from '../../src/report/index.js';

const evil = '<script>alert("x")</script>';
const phone = '13812345678';

/** A report whose agent, topic and complaint carry hostile text and personal data. */
function hostileReport(): MonthlyReport {
  const builder = createReportBuilder({
    timeZone: 'Asia/Shanghai',
    preset: 'ecommerce-manual',
    kpis: ['answerRate', 'averageHandleTime', 'csat', 'escalationRate'],
    checkComplaint: () => [{ rule: 'firstContact', label: { zh: '首次联系', en: 'First contact' }, met: false }],
  });
  const base = { channel: 'phone', direction: 'inbound', answered: true, talkSeconds: 200, csat: 4 } as const;
  builder.addContact(parseContact({ ...base, id: 'X1', agentId: evil, topic: `=cmd|' /C calc'!A0 ${evil}`, offeredAt: '2026-03-02T09:00:00+08:00' }));
  builder.addContact(parseContact({ ...base, id: 'X2', agentId: `回电 ${phone}`, topic: '-2+3', offeredAt: '2026-03-03T09:00:00+08:00', escalated: true }));
  builder.addContact(parseContact({ ...base, id: 'X3', agentId: 'A1', topic: '@SUM(A1)', offeredAt: '2026-03-04T09:00:00+08:00' }));
  builder.addComplaint({ id: 'K1', customerId: phone, filedAt: Date.parse('2026-03-05T10:00:00+08:00') });
  builder.addComplaint({ id: 'K2', customerId: 'wx_6787634936', filedAt: Date.parse('2026-03-05T11:00:00+08:00') });
  return builder.finish();
}

describe('masking', () => {
  it('keeps the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('010-62345678')).toBe('010****5678');
  });

  it('keeps the last 4 characters of any other id', () => {
    expect(maskCustomerId('wx_6787634936')).toBe('****4936');
    expect(maskCustomerId('13812345678')).toBe('138****5678');
    expect(maskCustomerId('abc')).toBe('****');
  });

  it('masks numbers inside free text, written with or without separators, and leaves dates alone', () => {
    expect(maskText('回电 13812345678,工单 2026')).toBe('回电 138****5678,工单 2026');
    expect(maskText('010-1234-5678 / (021) 6234 5678 / 0755-8888-6666 / 138.1234.5678')).toBe('010****5678 / 021****5678 / 075*****6666 / 138****5678');
    expect(maskText('2026-03-05 复核')).toBe('2026-03-05 复核');
  });

  it('keeps only the last 4 digits of a number too short for the first 3 to be spared (8–10 digits)', () => {
    expect(maskPhone('12345678')).toBe('****5678');
    expect(maskCustomerId('62345678')).toBe('****5678');
    expect(maskPhone('1234567')).toBe('*****67');
  });

  it('never leaves a phone number readable in any format unless showPii', () => {
    const report = hostileReport();
    for (const text of [renderJson(report), renderCsv(report), renderMarkdown(report), renderHtml(report)]) {
      expect(text).not.toContain(phone);
      expect(text).not.toContain('6787634936');
      // Markdown escapes the asterisks so they show as written.
      expect(text.replace(/\\\*/g, '*')).toContain('138****5678');
    }
    for (const text of [renderJson(report, { showPii: true }), renderMarkdown(report, { showPii: true }), renderHtml(report, { showPii: true })]) {
      expect(text).toContain(phone);
    }
    // The report object itself is untouched: masking happens on rendering.
    expect(report.sla?.missed[0]?.customerId).toBe(phone);
  });

  it('keeps two agents apart whose ids mask alike, in every table and in the awards', () => {
    const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', kpis: ['answerRate', 'csat', 'firstContactResolution'] });
    const base = { channel: 'phone', direction: 'inbound', answered: true, resolvedAtFirstContact: true } as const;
    // 10012345 and 10022345 both mask to ****2345 (an 8-digit number keeps its last 4 digits only).
    builder.addContact(parseContact({ ...base, id: 'E1', agentId: '10012345', csat: 5, offeredAt: '2026-03-02T09:00:00+08:00' }));
    builder.addContact(parseContact({ ...base, id: 'E2', agentId: '10022345', csat: 3, offeredAt: '2026-03-02T10:00:00+08:00' }));
    builder.addContact(parseContact({ ...base, id: 'E3', agentId: '10022345', csat: 3, offeredAt: '2026-03-02T11:00:00+08:00' }));
    const report = builder.finish();
    const json = JSON.parse(renderJson(report)) as MonthlyReport;
    // Sorted keys: 10012345 keeps the plain mask, 10022345 gets " (2)"; contacts 1 and 2.
    expect(Object.fromEntries(Object.entries(json.byAgent).map(([k, g]) => [k, g.contacts]))).toEqual({ '****2345': 1, '****2345 (2)': 2 });
    // The CSAT award (5 against 3) goes to 10012345, named as in the tables.
    expect(json.agents.awards.find((a) => a.award === 'highestCsat')?.agentId).toBe('****2345');
    expect(json.agents.ranking.map((r) => r.agentId).sort()).toEqual(['****2345', '****2345 (2)']);
    expect(renderCsv(report).split('\r\n').filter((l) => l.startsWith('agent,')).map((l) => l.split(',')[1])).toEqual([
      ...Array<string>(3).fill('****2345'),
      ...Array<string>(3).fill('****2345 (2)'),
    ]);
  });

  it('masks every 11-digit mobile number in arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^1[3-9]\d{9}$/), fc.string(), (before, mobile, after) => {
        expect(maskText(`${before} ${mobile} ${after}`)).not.toContain(mobile);
      }),
    );
  });
});

describe('escaping', () => {
  it('escapes every data value in HTML (agent name and topic with <script>)', () => {
    const html = renderHtml(hostileReport(), { lang: 'en' });
    expect(html).not.toContain(evil);
    expect(html).toContain(escapeHtml(evil));
    // The only script is the report's own sorting snippet.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('escapes data in Markdown table cells', () => {
    const md = renderMarkdown(hostileReport(), { lang: 'en' });
    expect(md).not.toContain('<script>');
    expect(markdownCell('a|b<c>\nd')).toBe('a\\|b&lt;c&gt; d');
  });

  it('escapes HTML special characters (property: no raw < > " \' & survive)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
        expect(escapeHtml(s).replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });
});

describe('CSV', () => {
  it('neutralises formulas in text cells but writes numbers as numbers', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });

  it('quotes per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
  });

  it('writes one row per group × KPI, CRLF, with no live formula anywhere', () => {
    const report = hostileReport();
    const csv = renderCsv(report, { lang: 'en' });
    const lines = csv.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('group,key,kpi,label,unit,value,numerator,denominator,comparator,target,met,margin,previous,change,reason');
    // whole + 1 month + 3 agents + 1 channel + 3 topics, plus (none) under agent and topic for the
    // two complaints that name neither = 11 groups, each with every KPI of the report (the 4 asked
    // for and the preset's targets).
    const groups = 1 + 1 + 3 + 1 + 1 + 3 + 1;
    const perGroup = Object.keys(report.kpis).length;
    expect(lines).toHaveLength(1 + groups * perGroup);
    for (const line of lines.slice(1)) {
      for (const cell of parseCsvLine(line)) {
        if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-?\d/); // only numbers may start with '-'
      }
    }
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    expect(csv).toContain("'-2+3");
    // A negative margin stays a number.
    expect(lines.some((l) => /,-\d/.test(l))).toBe(true);
  });
});

describe('formatting', () => {
  it('writes rates with one decimal, seconds as m:ss', () => {
    expect(formatValue(0.95234, 'rate')).toBe('95.2%');
    expect(formatValue(283.4, 'seconds')).toBe('4:43');
    expect(formatValue(3725, 'seconds')).toBe('1:02:05');
    expect(formatValue(4.476, 'rating')).toBe('4.48');
    expect(formatValue(null, 'rate')).toBe('—');
    expect(formatSeconds(-12)).toBe('−0:12');
    expect(formatDelta(-0.012, 'rate')).toBe('−1.2 pp');
    expect(formatDelta(-0.2, 'seconds')).toBe('±0:00');
  });

  it('labels in Chinese or English', () => {
    const report = hostileReport();
    expect(renderHtml(report, { lang: 'zh' })).toContain('月度服务质量报告');
    expect(renderHtml(report, { lang: 'en' })).toContain('Monthly service quality report');
    expect(renderHtml(report, { lang: 'en' })).toContain('<html lang="en">');
    expect(renderMarkdown(report, { lang: 'zh' }).split('\n')[0]).toBe('# 月度服务质量报告 — 2026-03');
  });

  it('names each agent flag for what it is and says which month the awards judge', () => {
    const base = hostileReport();
    const report: MonthlyReport = {
      ...base,
      agents: {
        ...base.agents,
        month: '2026-03',
        flags: { A1: ['promotion'], B2: ['retraining'], C3: ['retraining', 'promotion'] },
        awards: [{ award: 'highestCsat', label: { zh: '满意度之星', en: 'Highest CSAT' }, agentId: 'A1', value: 4.5 }],
      },
    };
    const md = renderMarkdown(report, { lang: 'en' });
    expect(md).toContain('## Agent performance — 2026-03');
    expect(md).toContain('- Retraining: B2, C3');
    expect(md).toContain('- Promotion: A1, C3');
    expect(renderHtml(report, { lang: 'en' })).toContain('<h3>Awards · 2026-03</h3>');
  });

  it('renders the stable JSON schema', () => {
    const json = JSON.parse(renderJson(hostileReport())) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['schema', 'input', 'period', 'preset', 'kpis', 'byMonth', 'byAgent', 'byChannel', 'byTopic', 'qa', 'sla', 'agents', 'notes']);
    expect(json['schema']).toBe('callcenter-qa/monthly-report@1');
  });

  it('says so when there is only one month instead of drawing a dot', () => {
    const html = renderHtml(hostileReport(), { lang: 'en' });
    expect(html).toContain('Only one month of data: no trend yet.');
    expect(html).not.toContain('data-chart="trend"');
  });
});

/** Splits one CSV line (no embedded newlines in these cells). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
