// Chinese text the sample month is written from: the greetings, holds, closings and forbidden
// phrases of /work/shared/spec/forbidden-phrases.md (seeds 000, 001, 003, 004) and the alert
// words of seed 002. Data only.

/** A topic customers call about, with the contact kind it usually is and its share of traffic. */
export interface SampleTopic {
  readonly topic: string;
  readonly kind: 'consultation' | 'complaint' | 'suggestion' | 'repair' | 'other';
  readonly weight: number;
  /** What a customer says first on this topic. */
  readonly openers: readonly string[];
  /** What an agent answers. */
  readonly answers: readonly string[];
}

export const sampleTopics: readonly SampleTopic[] = [
  {
    topic: '账单查询',
    kind: 'consultation',
    weight: 30,
    openers: ['你好,我想查一下上个月的账单', '这个月的费用怎么比上个月高这么多?', '帮我看看账单里这笔费用是什么'],
    answers: ['我帮您查询一下,您上月用量比前月多了 12 立方,所以费用偏高。', '这笔是本月的阶梯计价费用,我给您详细说明一下。'],
  },
  {
    topic: '缴费',
    kind: 'consultation',
    weight: 22,
    openers: ['我已经缴费了,为什么还显示欠费?', '怎么在手机上缴费?', '可以开发票吗?'],
    answers: ['缴费到账一般需要两个小时,请您稍后再查询。', '您可以在公众号"缴费"菜单里直接支付,我把步骤发给您。'],
  },
  {
    topic: '报修',
    kind: 'repair',
    weight: 16,
    openers: ['家里燃气灶打不着火了', '表好像坏了,一直不走字', '闻到一点燃气味,怎么办?'],
    answers: ['我已经为您派单,维修师傅会在两小时内联系您。', '请您先关闭总阀并开窗通风,我马上安排抢修。'],
  },
  {
    topic: '开户/过户',
    kind: 'consultation',
    weight: 10,
    openers: ['新房子要开户需要什么材料?', '房子卖了,怎么办过户?'],
    answers: ['需要带身份证和房产证到营业厅办理,也可以线上预约。', '过户需要买卖双方的身份证和过户证明,我把清单发给您。'],
  },
  {
    topic: '安全检查',
    kind: 'consultation',
    weight: 8,
    openers: ['安检的人什么时候来?', '我想预约一下入户安检'],
    answers: ['已经帮您预约在本周四上午,师傅上门前会先打电话。'],
  },
  {
    topic: '投诉',
    kind: 'complaint',
    weight: 9,
    openers: ['我要投诉,上次报修到现在都没人来', '你们师傅态度差,我要投诉', '说好的回电一直没打,问题还是不解决'],
    answers: ['非常抱歉给您带来不便,我已经为您登记投诉,主管会在一小时内联系您。'],
  },
  {
    topic: '建议',
    kind: 'suggestion',
    weight: 3,
    openers: ['建议你们的公众号能查历史账单', '营业厅周末能不能多开一个窗口?'],
    answers: ['感谢您的宝贵建议,我已经记录并反馈给相关部门。'],
  },
  {
    topic: '其他',
    kind: 'other',
    weight: 2,
    openers: ['请问你们营业厅几点下班?', '你们的热线号码是多少?'],
    answers: ['营业厅工作日 9:00–18:00 营业,周末 9:00–17:00。'],
  },
];

/** The chat auto-reply template of seed 000, sent by the bot before any person speaks. */
export const botAutoReply = '您好,请问有什么可以帮到您?燃气服务很高兴为您服务,欢迎前来咨询。';
/** What the bot says when nobody is free. */
export const botQueueNotice = '当前咨询人数较多,正在为您转接人工客服,请稍候。';

/** Agent greetings (seeds 000, 001, 004); `**` is replaced by the agent's number. */
export const agentGreetings = [
  '您好,很高兴为您服务!请问您贵姓?',
  '您好,这里是燃气客户服务,工号**,请问有什么可以帮您?',
  '您好!燃气服务,请问有什么可以帮您?',
];
/** A flat greeting that loses a point on the rubric. */
export const flatGreetings = ['你好,说吧。', '喂,你好。'];

/** Asking to hold, and thanking after (seeds 000, 004). */
export const holdAsk = '我需要核实一下,请您稍等可以吗?';
export const holdThanks = '很抱歉,让您久等了!';
/** Before closing (seed 000). */
export const beforeClosing = '请问还有其他需求需要咨询吗?';
/** Closings (seeds 000, 003, 004). */
export const closings = [
  '感谢您的来电,再见!',
  '感谢您的咨询,祝您生活愉快!请您稍后对本次服务进行评价,谢谢!',
];
/** Forbidden agent phrases (seed 000 三、服务禁用语; seed 001; seed 004). */
export const forbiddenPhrases = [
  '不知道,我是新来的,我不清楚',
  '这是公司的规定,我也没有办法!',
  '我管不了',
  '你听不明白呀!',
  '我不是跟你说过了吗?',
  '这不是我的工作!',
];
/** Customer words that raise a supervisor alert (seed 002, 7.1). */
export const alertPhrases = ['你们态度差', '问题一直不解决'];
/** Customer thanks and closing remarks. */
export const customerThanks = ['好的,谢谢', '明白了,谢谢你', '好的', '行,那我等通知'];
export const agentReplyToThanks = '不客气,这是我们应该做的。';
/** Chinese surnames for addressing (XX先生/女士). */
export const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
/** Queues of the sample center. */
export const queues = ['96777-居民', '96777-工商户', '在线客服'];
