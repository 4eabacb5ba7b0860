// Personal data in rendered reports (DESIGN: masked in every format unless asked). A phone
// number of 11 digits or more keeps its first 3 and last 4 (138****5678, the form Chinese apps
// use); a shorter number keeps its last 4 only, so that little of it is left; any other customer
// id keeps its last 4 characters.

// A mainland mobile number (optionally +86), a landline with its area code (010-1234-5678,
// (021) 6234 5678), written with or without separators, or any other run of 7+ digits. Dates
// (2026-03-05) start with neither 0 nor 1[3-9] and are left alone.
const phoneLike =
  /(?<![\p{Nd}])(?:\+?86[-\s]?)?1[3-9]\d[-\s.]?\d{4}[-\s.]?\d{4}(?![\p{Nd}])|(?<![\p{Nd}])\(?0\d{2,3}\)?[-\s.]?\d{3,4}[-\s.]?\d{4}(?![\p{Nd}])|(?<![\p{Nd}])\d{7,}(?![\p{Nd}])/gu;

/**
 * Masks a phone number: with 11 digits or more the first 3 and last 4 stay and the digits
 * between become `*`; with 8–10 only the last 4 stay; with fewer, only the last 2.
 *
 * @param phone - the number as written (`13812345678`, `+86 138-1234-5678`, `010-1234-5678`)
 * @returns the masked number (digits only)
 * @example
 * maskPhone('13812345678') //=> '138****5678'
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1[3-9]\d{9}$)/, '');
  if (digits.length < 8) return '*'.repeat(Math.max(0, digits.length - 2)) + digits.slice(-2);
  if (digits.length < 11) return '*'.repeat(digits.length - 4) + digits.slice(-4);
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
