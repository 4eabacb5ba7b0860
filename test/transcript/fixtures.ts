import type { TranscriptContact } from '../../src/transcript/index.js';

// 2026-03-02 09:00:00 +08:00 — a Monday morning in Shanghai.
export const t0 = Date.UTC(2026, 2, 2, 1, 0, 0);
export const s = (seconds: number) => t0 + seconds * 1000;

/**
 * A clean chat with 顺达快递: auto-reply, standard greeting with the merchant's name, surname asked
 * and used, a 45 s hold asked for and apologised for, "anything else?", standard closing.
 */
export const cleanChat = {
  id: 'chat-clean',
  channel: 'chat',
  direction: 'inbound',
  offeredAt: t0,
  messages: [
    { from: 'bot', at: s(1), text: '您好,请问有什么可以帮到您?顺达快递很高兴为您服务,欢迎前来咨询。' },
    { from: 'customer', at: s(5), text: '你好,我的快递三天了还没到' },
    { from: 'agent', at: s(25), text: '您好!顺达快递,请问有什么可以帮您?请问您贵姓?' },
    { from: 'customer', at: s(40), text: '免贵姓李' },
    { from: 'agent', at: s(50), text: '李女士您好,我需要核实一下您的订单,请您稍等可以吗?' },
    { from: 'customer', at: s(55), text: '好的' },
    { from: 'agent', at: s(95), text: '很抱歉李女士,让您久等了!您的快递已到达本市分拣中心,预计明天送达。' },
    { from: 'customer', at: s(110), text: '好的,谢谢' },
    { from: 'agent', at: s(120), text: '不客气。请问您还有其他需求需要咨询吗?' },
    { from: 'customer', at: s(130), text: '没有了' },
    { from: 'agent', at: s(135), text: '感谢您的咨询,祝您生活愉快!请您稍后对本次服务进行评价,谢谢!' },
  ],
} as const satisfies TranscriptContact & Record<string, unknown>;

/**
 * A gas-utility call transcript full of faults: 喂 before the greeting and no merchant name,
 * forbidden phrases, two alert words, a 150 s hold only announced, a slang particle, no closing.
 */
export const faultyCall = {
  id: 'call-faulty',
  channel: 'phone',
  direction: 'inbound',
  offeredAt: t0,
  messages: [
    { from: 'agent', at: s(3), text: '喂,您好,请问有什么可以帮您?' },
    { from: 'customer', at: s(8), text: '我家燃气表不走字了,你们到底解不解决?' },
    { from: 'agent', at: s(15), text: '这个我不清楚,这不是我的工作!' },
    { from: 'customer', at: s(20), text: '你们客服态度差!' },
    { from: 'agent', at: s(30), text: '请稍等' },
    { from: 'agent', at: s(180), text: '查到了,师傅明天上门喽。' },
    { from: 'agent', at: s(185), text: '好的再见' },
  ],
} as const satisfies TranscriptContact & Record<string, unknown>;

/** A change-of-address chat with one hold of 80 s; `callback` decides whether a callback is offered. */
export function longHoldChat(callback: boolean): TranscriptContact {
  return {
    id: callback ? 'chat-hold-callback' : 'chat-hold-silent',
    direction: 'inbound',
    offeredAt: t0,
    messages: [
      { from: 'customer', at: s(0), text: '我要改一下收货地址' },
      { from: 'agent', at: s(10), text: '您好,很高兴为您服务!请问您贵姓?' },
      { from: 'customer', at: s(15), text: '我姓张' },
      { from: 'agent', at: s(20), text: '张先生,我需要核实一下,请您稍等可以吗?' },
      { from: 'customer', at: s(25), text: '好' },
      {
        from: 'agent',
        at: s(100),
        text: callback
          ? '很抱歉张先生,让您久等了,系统还在处理,我核实确认后给您回电,您看可以吗?'
          : '很抱歉张先生,让您久等了,地址已经改好了。',
      },
      { from: 'customer', at: s(110), text: '可以' },
      { from: 'agent', at: s(115), text: '请问还有其他问题吗?感谢您的咨询,再见!' },
    ],
  };
}
