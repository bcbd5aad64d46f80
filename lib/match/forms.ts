/**
 * The forms a name is matched in besides the one written. Lists put asides in parentheses: an acronym
 * ("National University of Defense Technology (NUDT)"), a place or legal status ("Huawei Device (Hong Kong)
 * Co., Limited", "(Pvt) Ltd."), another spelling, or another name ("LTS Holding Limited (f.k.a.
 * IPP-International Petroleum Products Ltd.)"). People leave them out, or use the acronym or the other name
 * alone; an aside scored as part of the name would count as a word they left out.
 */

/** Most forms a name adds (a name of many asides is garbled or hostile: each form is indexed). */
const MAX_FORMS = 4;

/** Opens an aside that gives another name: a.k.a., f.k.a., n.k.a., formerly, also known as. */
const OTHER_NAME = /^(?:[afn]\.?\s?k\.?\s?a\.?|formerly(?: known as)?|also known as|previously)\s*[,:]?\s*/i;

/**
 * The name as written, then without its asides in parentheses (an unclosed one runs to the end), then each
 * aside that is another name of the party: one opened by a.k.a. or f.k.a., or an acronym of the name that
 * ends it ("(CSSC) 716th Research Institute" names the parent, not the institute).
 */
export function nameForms(name: string): string[] {
  const forms = [name];
  if (!name.includes('(')) return forms;
  // The name's last letter or digit: an aside that closes after it ends the name (an acronym in mid-name
  // names a part of it).
  let end = name.length - 1;
  while (end >= 0 && !/[\p{L}\p{N}]/u.test(name[end]!)) end--;
  const asides: { text: string; last: boolean }[] = [];
  let outside = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === '(') {
      if (depth++ === 0) start = i + 1;
    } else if (c === ')' && depth > 0) {
      if (--depth === 0) asides.push({ text: name.slice(start, i), last: i > end });
    } else if (depth === 0) outside += c;
  }
  if (depth > 0) asides.push({ text: name.slice(start), last: true });
  const bare = outside
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;])/g, '$1')
    .replace(/^[\s,.;]+|[\s,;]+$/g, '');
  const seen = new Set([name]);
  const add = (text: string) => {
    if (forms.length > MAX_FORMS || !/[\p{L}\p{N}]/u.test(text) || seen.has(text)) return;
    seen.add(text);
    forms.push(text);
  };
  add(bare);
  for (const { text, last } of asides) {
    const aside = text.trim();
    const lead = OTHER_NAME.exec(aside);
    if (lead && lead[0].length > 0) add(aside.slice(lead[0].length).trim());
    else if (last && isAcronymOf(aside, bare)) add(aside);
  }
  return forms;
}

/**
 * Is `aside` an acronym of `name`: one word of three or more capitals and digits, whose letters (before a
 * hyphen: RFNC-VNIIEF) are initials of the name's words in order, starting at its first or second word
 * ("SAST" for Shanghai Academy of Spaceflight Technology; "CSSC" for China State Shipbuilding Corporation,
 * Limited)? A place ("HK", "Beijing") or a word in lower case is not.
 */
export function isAcronymOf(aside: string, name: string): boolean {
  if (!/^[\p{Lu}\p{N}][\p{Lu}\p{N}-]{2,15}$/u.test(aside)) return false;
  const letters = aside.split('-')[0]!.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 3) return false;
  const initials = name
    .split(/[\s\-,./]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase());
  const from = initials.slice(0, 2).indexOf(letters[0]!);
  if (from < 0) return false;
  let k = 0;
  for (let i = from; i < initials.length && k < letters.length; i++) if (initials[i] === letters[k]) k++;
  return k === letters.length;
}
