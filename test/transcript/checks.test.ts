import { describe, expect, it } from 'vitest';
import {
  TranscriptError,
  checkScript,
  customerAlerts,
  holdEvents,
  responseTiming,
  scanTranscript,
  transcriptTiming,
  type TranscriptContact,
} from '../../src/transcript/index.js';
import { cleanChat, faultyCall, longHoldChat, s, t0 } from './fixtures.js';

describe('checkScript', () => {
  it('passes every check of the clean chat, with evidence', () => {
    const { checks, checked } = checkScript(cleanChat);
    expect(checked).toBe(true);
    expect(Object.fromEntries(Object.values(checks).map((c) => [c.id, c.status]))).toEqual({
      greeting: 'pass',
      surnameAsked: 'pass',
      surnameUsed: 'pass',
      holdAsked: 'pass',
      holdThanked: 'pass',
      holdCallback: 'notApplicable', // the only hold lasted 45 s
      anythingElse: 'pass',
      closing: 'pass',
      forbiddenPhrases: 'pass',
    });
    // 您好!顺达快递,请问有什么可以帮您 in message 2: 2 + 1 + 4 + 1 + 9 = 17 code units from 0
    // (the final ? is not part of it).
    expect(checks.greeting.evidence).toEqual([{ messageIndex: 2, speaker: 'agent', start: 0, end: 17, text: '您好!顺达快递,请问有什么可以帮您' }]);
    // The customer said 免贵姓李; the agent's next message opens with 李女士.
    expect(checks.surnameUsed.evidence).toEqual([{ messageIndex: 4, speaker: 'agent', start: 0, end: 3, text: '李女士' }]);
    expect(checks.closing.evidence[0]?.messageIndex).toBe(10);
  });

  it('fails the faulty call where it is faulty', () => {
    const { checks } = checkScript(faultyCall);
    expect(checks.greeting).toMatchObject({ status: 'fail', detail: 'precededByWei' });
    expect(checks.greeting.evidence[0]).toEqual({ messageIndex: 0, speaker: 'agent', start: 0, end: 1, text: '喂' });
    expect(checks.surnameAsked.status).toBe('fail');
    expect(checks.surnameUsed.status).toBe('notApplicable');
    expect(checks.holdAsked.status).toBe('fail'); // 请稍等 tells, it does not ask
    expect(checks.holdThanked.status).toBe('fail');
    expect(checks.holdCallback.status).toBe('fail'); // 150 s without a callback offer
    expect(checks.anythingElse.status).toBe('fail');
    expect(checks.closing).toMatchObject({ status: 'fail', detail: 'missing' });
    expect(checks.forbiddenPhrases.evidence.map((e) => e.text)).toEqual(['不清楚', '这不是我的工作']);
  });

  it('tells a closing that is not last, and an incomplete greeting', () => {
    const { checks } = checkScript({
      direction: 'inbound',
      messages: [
        { from: 'agent', at: s(0), text: '您好,请问有什么可以帮您?' },
        { from: 'agent', at: s(60), text: '感谢您的来电,再见!' },
        { from: 'agent', at: s(65), text: '对了,明天记得带上发票。' },
      ],
    });
    expect(checks.greeting.detail).toBe('incomplete'); // no merchant name between 您好 and 请问
    expect(checks.closing).toMatchObject({ status: 'fail', detail: 'notLast' });
  });

  it('uses outbound greetings for outbound contacts', () => {
    const contact = {
      direction: 'outbound',
      messages: [{ from: 'agent', at: s(0), text: '您好,我是顺达快递的客服,请问是王先生吗?' }],
    } as const;
    expect(checkScript(contact).checks.greeting.status).toBe('pass');
    expect(checkScript({ ...contact, direction: 'inbound' }).checks.greeting.detail).toBe('incomplete');
  });

  it('says there is nothing to check for a contact without messages', () => {
    const result = checkScript({ id: 'call-7', direction: 'inbound', offeredAt: t0 });
    expect(result.checked).toBe(false);
    expect(result.reason).toMatch(/no messages/);
    expect(Object.values(result.checks).every((c) => c.status === 'notApplicable')).toBe(true);
    expect(scanTranscript({ id: 'call-7' })).toEqual({
      contactId: 'call-7',
      checked: false,
      reason: 'the contact has no messages (no chat log or transcript to check)',
      hits: [],
    });
  });

  it('rejects malformed messages, naming every bad field', () => {
    const bad = { messages: [{ from: 'robot', at: Number.NaN, text: 3 }, null] } as unknown as TranscriptContact;
    expect(() => checkScript(bad)).toThrow(TranscriptError);
    try {
      checkScript(bad);
    } catch (error) {
      expect((error as TranscriptError).format().split('\n')).toEqual([
        '✖ expected one of "customer" | "agent" | "bot", got "robot" → at messages[0].from',
        '✖ expected epoch milliseconds (a finite number), got NaN → at messages[0].at',
        '✖ expected a string, got number → at messages[0].text',
        '✖ expected a message { from, at, text }, got null → at messages[1]',
      ]);
    }
  });
});

describe('responseTiming', () => {
  it('times the clean chat: the bot auto-reply never counts as the first human response', () => {
    const timing = responseTiming(cleanChat);
    // offeredAt t0; bot at 1 s; first agent message at 25 s → 25 s.
    expect(timing.firstResponse).toEqual({ seconds: 25, messageIndex: 2, targetSeconds: 60, withinTarget: true });
    // Gaps: 5→25 = 20, 40→50 = 10, 55→95 = 40, 110→120 = 10, 130→135 = 5; mean 85 / 5 = 17 s.
    expect(timing.gaps.map((g) => g.seconds)).toEqual([20, 10, 40, 10, 5]);
    expect(timing.averageResponse).toEqual({ seconds: 17, count: 5, targetSeconds: 30, withinTarget: true });
    expect(timing.unansweredCustomerMessages).toBe(0);
  });

  it('misses the 60 s target when only the bot answered in time', () => {
    const timing = responseTiming({
      direction: 'inbound',
      offeredAt: t0,
      messages: [
        { from: 'customer', at: s(0), text: '在吗?' },
        { from: 'bot', at: s(2), text: '您好,客服正在赶来,请稍候' },
        { from: 'customer', at: s(30), text: '人呢' },
        { from: 'agent', at: s(70), text: '您好,很高兴为您服务!' },
      ],
    });
    // 70 s > 60 s; the customer's two messages wait together: one gap of 70 s.
    expect(timing.firstResponse).toMatchObject({ seconds: 70, withinTarget: false });
    expect(timing.gaps).toEqual([{ customerMessageIndex: 0, agentMessageIndex: 3, seconds: 70 }]);
  });

  it('gives null with a reason when nobody answered, for outbound contacts, and without messages', () => {
    const unanswered = responseTiming({ offeredAt: t0, messages: [{ from: 'customer', at: s(0), text: '你好' }] });
    expect(unanswered.firstResponse).toMatchObject({ seconds: null, reason: 'no agent message: nobody answered' });
    expect(unanswered.averageResponse).toMatchObject({ seconds: null, count: 0 });
    expect(unanswered.unansweredCustomerMessages).toBe(1);
    expect(responseTiming({ direction: 'outbound', messages: [{ from: 'agent', at: 0, text: '您好' }] }).firstResponse.seconds).toBeNull();
    expect(responseTiming({}).checked).toBe(false);
  });
});

describe('holdEvents', () => {
  it('flags a hold over 60 s without a callback offer', () => {
    const [hold] = holdEvents(longHoldChat(false));
    // Asked at 20 s, back at 100 s: 80 s > 60 s, no callback offered.
    expect(hold).toMatchObject({ askMessageIndex: 3, returnMessageIndex: 5, seconds: 80, askedPermission: true, thankedAfter: true, callbackOffered: false, long: true, violation: true });
  });

  it('accepts a hold over 60 s with a callback offer', () => {
    const [hold] = holdEvents(longHoldChat(true));
    expect(hold).toMatchObject({ seconds: 80, callbackOffered: true, violation: false });
    expect(hold?.evidence.callback?.text).toBe('给您回电');
  });

  it('closes a hold the agent never came back from at endedAt', () => {
    const holds = holdEvents({
      endedAt: s(200),
      messages: [
        { from: 'agent', at: s(10), text: '请您稍等' },
        { from: 'customer', at: s(50), text: '还要多久?' },
      ],
    });
    // 200 − 10 = 190 s, no return message.
    expect(holds).toMatchObject([{ returnMessageIndex: null, seconds: 190, long: true, violation: true, thankedAfter: false }]);
  });
});

describe('customerAlerts', () => {
  it('raises each alert at the message time, due 5 minutes later (seed 002)', () => {
    const alerts = customerAlerts(faultyCall);
    // Message 1 at 8 s, message 3 at 20 s; due + 300 000 ms.
    expect(alerts.map((a) => [a.entryId, a.messageIndex, a.start, a.end, a.raisedAt - t0, a.dueAt - t0])).toEqual([
      ['alert.notResolved', 1, 15, 18, 8_000, 308_000],
      ['alert.badAttitude', 3, 4, 7, 20_000, 320_000],
    ]);
    expect(customerAlerts(faultyCall, undefined, { supervisorDeadlineMinutes: 10 })[0]?.dueAt).toBe(t0 + 8_000 + 600_000);
  });

  it('ignores alert words the agent says', () => {
    expect(customerAlerts({ messages: [{ from: 'agent', at: 0, text: '您说我们态度差,非常抱歉' }] })).toEqual([]);
  });
});

describe('transcriptTiming', () => {
  it('puts responses, holds and alerts together', () => {
    const timing = transcriptTiming(faultyCall);
    expect(timing.responses.firstResponse.seconds).toBe(3);
    // Gaps 8→15 = 7 and 20→30 = 10: mean 8.5 s.
    expect(timing.responses.averageResponse.seconds).toBe(8.5);
    expect(timing.holds).toHaveLength(1);
    expect(timing.holdViolations).toBe(1);
    expect(timing.alerts).toHaveLength(2);
  });
});
