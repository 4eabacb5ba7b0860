// Personal data in rendered reports (DESIGN: masked in every format unless asked). A phone
// number keeps its first 3 and last 4 digits (138****5678, the form Chinese apps use); any
// other customer id keeps its last 4 characters.

// A mainland mobile number (optionally +86), or any other run of 7+ digits (landlines, ids).
const phoneLike = /(?<![\p{Nd}])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![\p{Nd}])|(?<![\p{Nd}])\d{7,}(?![\p{Nd}])/gu;

/**
 * Masks a phone number: the first 3 and last 4 digits stay, the digits between become `*`.
 *
 * @param phone - the number as written (`13812345678`, `+86 138-1234-5678`)
 * @returns the masked number; fewer than 8 digits are masked but for the last 2
 * @example
 * maskPhone('13812345678') //=> '138****5678'
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1[3-9]\d{9}$)/, '');
  if (digits.length < 8) return '*'.repeat(Math.max(0, digits.length - 2)) + digits.slice(-2);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/**
 * Masks a customer id: a phone number as {@link maskPhone}; anything else keeps its last 4
 * characters behind `****`.
 *
 * @param id - the customer id
 * @returns the masked id
 * @example
 * maskCustomerId('wx_6787634936') //=> '****4936'
 * maskCustomerId('13812345678') //=> '138****5678'
 */
export function maskCustomerId(id: string): string {
  if (/^\+?[\d\s-]{8,}$/.test(id) && id.replace(/\D/g, '').length >= 8) return maskPhone(id);
  const chars = [...id];
  return chars.length <= 4 ? '****' : `****${chars.slice(-4).join('')}`;
}

/**
 * Masks every phone number or long digit run inside free text (a topic, an agent name, a note).
 *
 * @param text - any text from the data
 * @returns the text with each number masked
 * @example
 * maskText('回电 13812345678') //=> '回电 138****5678'
 */
export function maskText(text: string): string {
  return text.replace(phoneLike, (match) => maskPhone(match));
}
