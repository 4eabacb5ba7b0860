import { defineRubric } from './defineRubric.js';
import type { Rubric } from './types.js';

// Source: seed 004 (服务质量评分标准 v3.1 / QC质量评分细则), as tabulated in
// spec/qc-rubric-v3.1.md. Chinese descriptors are the seed's words; English beside them.

const level = (points: number, zh: string, en: string) => ({ points, descriptor: { zh, en } });

/** Seed: 不符即相应的小项为0分 (voice and tone, polite language: pass or fail). */
const passFail = (points: number, zh: string, en: string) => [
  level(points, zh, en),
  level(0, '不符即相应的小项为0分', 'Not met: the item scores 0'),
];

const careDesk = { zh: '关怀岗', en: 'Care desk' };
const softEncryption = { zh: '软加密', en: 'Software-licensing (soft encryption) desk' };

/**
 * The QC rubric v3.1 of seed 004: five sections, 37 + 30 + 14 + 10 + 18 = 109 points;
 * +1 bonuses on `holdHandling`, `comprehension` and `greeting`; a −1 deduction on
 * `customerInfoVerification`; "na" scores full on the business-requirement 1 items and the
 * polite-language items (不涉及…默认为满分) and is an error elsewhere; red lines `noAgent`
 * (the whole evaluation scores 0) and `forbiddenPhrase` (`politeWords` scores 0); bonuses
 * capped per section (a section never exceeds its maximum).
 *
 * @example
 * qcRubricV31.sections.map((s) => s.max) //=> [37, 30, 14, 10, 18]
 */
export const qcRubricV31: Rubric = defineRubric({
  id: 'qc-v3.1',
  version: '3.1',
  label: { zh: '服务质量评分标准 v3.1', en: 'Service quality scoring standard v3.1' },
  bonusCap: 'section',
  sections: [
    { id: 'serviceAwareness', label: { zh: '服务意识', en: 'Service awareness' }, max: 37 },
    { id: 'professionalism', label: { zh: '服务专业度', en: 'Professionalism' }, max: 30 },
    { id: 'businessRequirements', label: { zh: '业务要求', en: 'Business requirements' }, max: 14 },
    { id: 'voiceAndTone', label: { zh: '语音语调语速', en: 'Voice, tone and pace' }, max: 10 },
    { id: 'etiquette', label: { zh: '规范用语 + 礼貌用语', en: 'Standard phrases and polite language' }, max: 18 },
  ],
  groups: [
    { id: 'businessRequirement1', label: { zh: '基本要求1', en: 'Basic requirement 1' } },
    { id: 'businessRequirement2', label: { zh: '基本要求2', en: 'Basic requirement 2' } },
    { id: 'standardPhrases', label: { zh: '规范用语', en: 'Standard phrases' } },
    { id: 'politeLanguage', label: { zh: '礼貌用语', en: 'Polite language' } },
  ],
  items: [
    // 1. 服务意识 37分
    {
      id: 'enthusiasm',
      section: 'serviceAwareness',
      label: { zh: '服务热情', en: 'Enthusiasm' },
      levels: [
        level(10, '精神饱满,服务状态积极,服务热情亲切', 'Energetic, positive and warm'),
        level(6, '服务状态较好,精神较好,情绪一般', 'In good form and spirits, mood ordinary'),
        level(3, '服务热情度一般,精神不饱满', 'Ordinary warmth, low energy'),
        level(0, '服务热情度差,精神不饱满', 'Little warmth, low energy'),
      ],
    },
    {
      id: 'patience',
      section: 'serviceAwareness',
      label: { zh: '服务耐心', en: 'Patience' },
      levels: [
        level(6, '服务状态平稳,不急不躁,心态平和,不打断客户', 'Steady and calm, unhurried, never interrupts the customer'),
        level(3, '在客户挂机前,急于结束通话,但不影响整体服务质量;在通话过程中打断客户', 'Hurries to end the call before the customer hangs up without harming the service as a whole; or interrupts the customer'),
        level(0, '服务状态不平稳,急躁,客户未理解便急于结束通话', 'Unsteady and impatient; hurries to end the call before the customer has understood'),
      ],
    },
    {
      id: 'initiative',
      section: 'serviceAwareness',
      label: { zh: '服务主动性', en: 'Initiative' },
      levels: [
        level(6, '主动引导客户需求并作出积极回应(解答完整,不需要客户追问)', 'Draws out the customer\'s needs and responds actively (complete answers, no follow-up questions needed)'),
        level(3, '对客户的问题能作出适当回应(一问一答,需要客户追问)', 'Responds adequately (one answer per question; the customer has to ask again)'),
        level(0, '对客户问题不能作出完整回应(客户多次发问,避而不答或只答部分问题)', 'Cannot respond fully (the customer asks repeatedly; questions evaded or answered in part)'),
      ],
    },
    {
      id: 'responsibility',
      section: 'serviceAwareness',
      label: { zh: '服务责任', en: 'Responsibility' },
      levels: [
        level(15, '坚持首问责任制,真诚的能设身处地的为客户着想,主动提醒客户一些注意事项/营销需要时刻关注商机,商机的促成体现着重要的责任心。', 'Owns the first contact, sincerely puts themself in the customer\'s place, reminds the customer of precautions unprompted / watches for sales opportunities'),
        level(12, '能考虑客户的感受,并能注意客户的感受', 'Considers and attends to the customer\'s feelings'),
        level(10, '能基本考虑客户的感受,基本能达到工作上无失误', 'Mostly considers the customer\'s feelings; essentially no mistakes'),
        level(8, '能基本考虑客户的感受,但倾听的工作稍欠,需要客户重复描述问题', 'Mostly considers the customer\'s feelings but listens less well: the customer has to describe the problem again'),
        level(6, '能考虑到客户感受,但不注重客户的感受,多次反复询问客户问题或未及时接线', 'Aware of but inattentive to the customer\'s feelings: asks the same questions repeatedly, or answers late'),
        level(4, '考虑不周全,而马虎忽略客户的感受', 'Careless: overlooks the customer\'s feelings'),
        level(2, '不能考虑客户的感受', 'Does not consider the customer\'s feelings'),
        level(0, '不能考虑客户的感受,语言过激或不友好,有推委责任', 'Disregards the customer\'s feelings, aggressive or unfriendly language, shifts responsibility'),
      ],
    },
    // 2. 服务专业度 30分
    {
      id: 'holdHandling',
      section: 'professionalism',
      label: { zh: '等待时长', en: 'Hold handling' },
      levels: [
        level(10, '未等待(如需客户等待不超过5秒时,询问客户是否可以等待);让客户等待需1分钟以上时,主动留下客户信息,给予客户回电解答', 'No waiting (asks first even for a wait under 5 seconds); for a wait over 1 minute, takes the customer\'s details and calls back'),
        level(6, '偶尔等待,时间不超过1分钟,已询问客户是否可以等待,且回线后对客户的等待表示歉意(注:未出现在线请求他人帮助与他人交流)', 'An occasional wait under 1 minute, permission asked and an apology on return (no on-line consulting of colleagues)'),
        level(4, '偶尔等待,已询问客户是否可以等待,但回线后未对客户的等待表示歉意(注:未出现在线请求他人帮助与他人交流)', 'An occasional wait, permission asked, but no apology on return (no on-line consulting of colleagues)'),
        level(2, '等待,时间超过1分钟,未主动告知客户给予回电解答/让客户多次等待/未询问客户是否可以等待(注:未出现在线请求他人帮助或与他人交流)', 'A wait over 1 minute without offering a call-back / repeated waits / no permission asked (no on-line consulting of colleagues)'),
        level(0, '等待,未询问客户是否可以等待,且回线后也未对客户的等待表示歉意;(注:出现在线请求他人帮助,并让客户听到我方热线人员之间的交流。)', 'A wait without asking and without an apology; or the customer heard agents consulting each other'),
      ],
      bonus: { points: 1, label: { zh: '在线帮助客户并得到客户的认可与表扬加一分', en: '+1: helped the customer on the line and was thanked and praised for it' } },
    },
    {
      id: 'comprehension',
      section: 'professionalism',
      label: { zh: '理解能力', en: 'Comprehension' },
      levels: [
        level(10, '快速、正确理解客户表达的意图方向', 'Grasps the customer\'s intent quickly and correctly'),
        level(8, '能理解客户表达的意图方向,但思绪稍有停顿、有些延迟,三次以内思考的行为', 'Grasps the intent with slight pauses, three at most'),
        level(5, '能理解客户表达的意图方向,但思绪停顿现象严重,三次以上停顿,需要客户多次重复', 'Grasps the intent with long pauses, more than three; the customer has to repeat'),
        level(0, '无法正确理解客户表达的意图方向', 'Cannot grasp the customer\'s intent'),
      ],
      bonus: { points: 1, label: { zh: '当客户意图不明确、不清晰时,合理对客户进行引导性提问加一分', en: '+1: asks sensible guiding questions when the customer\'s intent is unclear' } },
    },
    {
      id: 'expression',
      section: 'professionalism',
      label: { zh: '表达能力', en: 'Expression' },
      levels: [
        level(10, '回答简练、语言条理清晰、客户马上可理解', 'Concise, well ordered, understood at once'),
        level(8, '语言条理清晰、不够简洁,但客户易理解', 'Well ordered but not concise; easily understood'),
        level(6, '语句条理不够清晰,罗嗦,但能让客户理解', 'Not clearly ordered, wordy, but understood'),
        level(4, '回答过于精简、如常以答复客户“是与否”,使客户较难理解', 'Too terse (often a bare "yes" or "no"); hard to understand'),
        level(2, '语言组织不好,过于白话,随意,不专业/条理凌乱,需要重复才使客户理解', 'Badly organised, too colloquial, casual, unprofessional; understood only when repeated'),
        level(0, '条理凌乱,三次以上重复才使客户理解', 'Muddled; understood only after more than three repetitions'),
      ],
    },
    // 3. 业务要求 14分 — 基本要求1 (不涉及该项默认为满分) and 基本要求2
    {
      id: 'customerInfoVerification',
      section: 'businessRequirements',
      group: 'businessRequirement1',
      label: { zh: '基本要求1:核实客户信息', en: 'Basic requirement 1: verify the customer\'s details' },
      levels: [
        level(6, '客户需现场支持,能够详细核实记录客户的地址、联系电话、联系人,并与客户确认;或不需要现场支持,但需回复客户,能核实客户姓氏及电话', 'On-site support: verifies and records address, phone and contact and confirms them; otherwise, when a reply is due, verifies surname and phone'),
        level(4, '询问(核实)了一部分,但不全面', 'Verified in part, not fully'),
        level(0, '客户信息与工单不符时,未进一步确认', 'Did not check further when the details did not match the ticket'),
      ],
      notApplicable: 'full',
      deduction: { points: 1, label: { zh: '为客户派单、需回电、分配时,未核实客户身份减一分', en: '−1: identity not verified when dispatching, promising a call-back or assigning' } },
      roleNotes: [
        { role: careDesk, points: 6, note: { zh: '1.对需派单、需分配、需回复的电话均需确认客户的信息;2.针对无服务费客户,主动进行服务营销', en: '1. Confirms the details on every call to dispatch, assign or reply to; 2. offers a service plan to customers without one, unprompted' } },
        { role: softEncryption, points: 6, note: { zh: '与审核业务及问题所需要涉及有产品序列号,主动记录产品序列号', en: 'Where the review or the problem involves the product serial number, records it unprompted' } },
        // The flattened seed prints "2.针对无服务费客户,进行服务营销" after the 软加密 note of the 4-point
        // level, but service marketing is the care desk's duty at 6 (主动进行) and 0 (未进行) points
        // and in spec/qc-rubric-v3.1.md ("关怀岗 also expects service marketing"): read as 关怀岗's.
        { role: careDesk, points: 4, note: { zh: '1.对需派单、需分配、需回复的电话均需确认客户的信息;2.针对无服务费客户,进行服务营销', en: '1. Confirms the details on every call to dispatch, assign or reply to; 2. offers a service plan to customers without one' } },
        { role: softEncryption, points: 4, note: { zh: '与审核业务及问题所需要涉及有产品序列号,沟通中想起问产品序列号', en: 'Where the serial number is involved, remembers to ask for it during the call' } },
        { role: careDesk, points: 0, note: { zh: '1.对需派单、需分配、需回复的电话均需确认客户的信息;2.针对无服务费客户,未进行服务营销', en: '1. Details to be confirmed on calls to dispatch, assign or reply to; 2. no service plan offered to a customer without one' } },
        { role: softEncryption, points: 0, note: { zh: '与审核业务及问题涉及产品序列号,没有问产品序列号', en: 'The serial number was involved and not asked for' } },
      ],
    },
    {
      id: 'productVersionCheck',
      section: 'businessRequirements',
      group: 'businessRequirement1',
      label: { zh: '核实产品、版本', en: 'Verify the product and version' },
      levels: [
        level(2, '能适时、合理的确认或核实产品、版本;或开始致电者自述;或询问后,客户无法提供', 'Confirms the product and version at the right moment; or the caller stated them; or the customer could not say when asked'),
        level(1, '开始忘记了,后来补充询问或客户对产品版本方面有质疑', 'Forgot at first and asked later; or the customer questioned the version'),
        level(0, '未进行确认', 'Not confirmed'),
      ],
      notApplicable: 'full',
    },
    {
      id: 'nonTechnicalAnswer',
      section: 'businessRequirements',
      group: 'businessRequirement1',
      label: { zh: '非技术解答', en: 'Non-technical answer' },
      levels: [
        level(1, '非技术解答正确', 'The non-technical answer was correct'),
        level(0, '非技术解答不正确/不完全正确/对座席系统状态不关注,导致虚增通话时长(运用专业名词使客户无法理解)', 'Wrong or partly wrong / inattentive to the desk system status, inflating talk time (jargon the customer could not follow)'),
      ],
      notApplicable: 'full',
    },
    {
      id: 'solution',
      section: 'businessRequirements',
      group: 'businessRequirement2',
      label: { zh: '基本要求2:解决方案', en: 'Basic requirement 2: solution' },
      levels: [
        level(5, '提供方案精准,有效', 'A precise and effective solution'),
        level(3, '能提供方案', 'A solution was offered'),
        level(0, '无法提供解决方案或错误解决方案', 'No solution, or a wrong one'),
      ],
      roleNotes: [
        { role: careDesk, points: 5, note: { zh: '提供方案精准,有效', en: 'A precise and effective solution' } },
        { role: softEncryption, points: 5, note: { zh: '提供方案精准,有效', en: 'A precise and effective solution' } },
        { role: careDesk, points: 3, note: { zh: '能提供方案', en: 'A solution was offered' } },
        { role: softEncryption, points: 3, note: { zh: '能提供方案', en: 'A solution was offered' } },
        { role: careDesk, points: 0, note: { zh: '无法提供解决方案或错误解决方案', en: 'No solution, or a wrong one' } },
        { role: softEncryption, points: 0, note: { zh: '无法提供解决方案或错误解决方案', en: 'No solution, or a wrong one' } },
      ],
    },
    // 4. 语音语调语速 10分 (不符即相应的小项为0分)
    { id: 'articulation', section: 'voiceAndTone', label: { zh: '吐字清晰', en: 'Articulation' }, levels: passFail(2, '语句清晰明了', 'Clear, distinct speech') },
    { id: 'intonation', section: 'voiceAndTone', label: { zh: '语调适当起伏', en: 'Intonation' }, levels: passFail(2, '音调要恰当的起伏,不得过高或过低', 'Pitch rises and falls naturally, neither too high nor too low') },
    { id: 'vocalPolish', section: 'voiceAndTone', label: { zh: '声音修饰', en: 'Vocal polish' }, levels: passFail(1, '语音语调要适当修饰,听起来自然专业', 'A polished voice that sounds natural and professional') },
    { id: 'noDrawl', section: 'voiceAndTone', label: { zh: '是否拖音', en: 'No drawl' }, levels: passFail(2, '接电过程中不能出现声音拉长及拖音现象', 'No drawn-out or trailing syllables during the call') },
    { id: 'pace', section: 'voiceAndTone', label: { zh: '语速适中', en: 'Pace' }, levels: passFail(2, '语言速度适当,不要过快或过慢', 'A moderate pace, neither too fast nor too slow') },
    { id: 'pausing', section: 'voiceAndTone', label: { zh: '停顿适当', en: 'Pausing' }, levels: passFail(1, '不要一气讲完,当中恰当停顿', 'Pauses where fitting rather than speaking in one breath') },
    // 5. 规范用语 10分
    {
      id: 'greeting',
      section: 'etiquette',
      group: 'standardPhrases',
      label: { zh: '问候语', en: 'Greeting' },
      levels: [
        level(2, '清晰、流畅,使用标准问候语(呼入:“您好,很高兴为您服务!请问您贵姓?”;呼出:“您好,我是XX客户服务中心**号”)', 'Clear and fluent, with the standard greeting (inbound: "Hello, glad to help! May I have your surname?"; outbound: "Hello, this is agent ** of the XX service center")'),
        level(1, '平淡,或在标准问候语前加“喂”/问候语不完整', 'Flat, or "喂" before the standard greeting / an incomplete greeting'),
        level(0, '含糊、不全或没有', 'Unclear, incomplete or missing'),
      ],
      bonus: { points: 1, label: { zh: '问候语热情、亲切加一分', en: '+1: a warm, friendly greeting' } },
    },
    {
      id: 'closing',
      section: 'etiquette',
      group: 'standardPhrases',
      label: { zh: '结束语', en: 'Closing' },
      levels: [
        level(2, '有并且清晰,亲切,可灵活使用自己的结束语,但一定要在结尾使用标准结束语(“感谢您的来电,再见!”)', 'Clear and friendly; own words allowed but ending with the standard closing ("Thank you for calling, goodbye!")'),
        level(0, '含糊或没有', 'Unclear or missing'),
      ],
    },
    {
      id: 'addressing',
      section: 'etiquette',
      group: 'standardPhrases',
      label: { zh: '称呼语', en: 'Addressing the customer' },
      levels: [
        level(2, '适时询问客户的姓氏,并使用了称呼语', 'Asks the customer\'s surname at the right moment and uses it'),
        level(1, '不适时询问客户的姓氏,并有使用称呼语;有询问,但未称呼', 'Asks the surname at an awkward moment; or asks but does not use it'),
        level(0, '未询问', 'Does not ask'),
      ],
    },
    {
      id: 'acknowledgement',
      section: 'etiquette',
      group: 'standardPhrases',
      label: { zh: '响应语', en: 'Acknowledgement' },
      levels: [
        level(4, '能够通过倾听及时了解客户的需求,倾听中用“是”、“嗯”等回应用语', 'Listens to understand the need, acknowledging with "yes", "mm" while listening'),
        level(2, '回应较少或有不及时的现象', 'Few acknowledgements, or late ones'),
        level(1, '回应少或回应过度', 'Very few acknowledgements, or too many'),
        level(0, '没有响应语', 'No acknowledgement'),
      ],
    },
    // 5. 礼貌用语 8分 (不涉及的小项默认为满分)
    { id: 'mandarin', section: 'etiquette', group: 'politeLanguage', label: { zh: '普通话', en: 'Standard Mandarin' }, levels: passFail(2, '普通话标准,无方言现象', 'Standard Mandarin, no dialect'), notApplicable: 'full' },
    { id: 'politeWords', section: 'etiquette', group: 'politeLanguage', label: { zh: '礼貌用语恰当', en: 'Polite words' }, levels: passFail(2, '恰当运用“您”“请”等礼貌用语', 'Uses polite forms such as "您" and "请" fittingly'), notApplicable: 'full' },
    { id: 'thanks', section: 'etiquette', group: 'politeLanguage', label: { zh: '致谢语', en: 'Thanks' }, levels: passFail(1, '对客户所提意见及其他,及时感谢客户', 'Thanks the customer promptly for feedback and the like'), notApplicable: 'full' },
    { id: 'replyToThanks', section: 'etiquette', group: 'politeLanguage', label: { zh: '回敬语', en: 'Reply to thanks' }, levels: passFail(1, '当客户给予致谢时,及时合理回应', 'Replies fittingly when the customer says thanks'), notApplicable: 'full' },
    { id: 'apology', section: 'etiquette', group: 'politeLanguage', label: { zh: '致歉语', en: 'Apology' }, levels: passFail(2, '出现问题,或是客户不满时,及时表示歉意', 'Apologises promptly when something went wrong or the customer is unhappy'), notApplicable: 'full' },
  ],
  redLines: [
    {
      id: 'noAgent',
      label: { zh: '整通电话未有热线工程师接线,此通录音0分', en: 'No agent on the whole recording: the recording scores 0' },
      scope: 'evaluation',
    },
    {
      id: 'forbiddenPhrase',
      label: { zh: '出现直呼客户“喂”、“不清楚”、“不明白”等服务禁语,礼貌用语恰当项得分为0分', en: 'A forbidden phrase ("喂" to the customer, "不清楚", "不明白"…): "polite words" scores 0' },
      scope: 'item',
      target: 'politeWords',
    },
  ],
});
