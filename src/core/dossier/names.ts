/**
 * Names from data, never placeholders: the grantor's level and place read from the facts ("UBND
 * phường Ninh Hòa" → phường, Ninh Hòa), the award label with that place ("Giấy khen của Chủ tịch
 * UBND phường Ninh Hòa", never "xã/phường"), Ông / Bà from Giới tính, a title joined to its unit
 * without repeating it ("Chánh Văn phòng HĐND và UBND thị xã"), abbreviations spelled out where
 * Nghị định 30/2020 wants the full name (the issuing body's own line, the Giấy khen).
 * Pure.
 */
import type { Award } from '../profile';
import type { Candidate } from '../result';
import { fold } from '../text';
import type { Facts } from './facts';

/** Administrative levels as written before a place's name, longest first (so "thị xã" is not "xã"). */
export const LEVELS = ['thành phố', 'thị trấn', 'đặc khu', 'thị xã', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'] as const;
export type Level = (typeof LEVELS)[number];

/** The tier a level belongs to: the three-tier administration until 30/6/2025, two tiers since. */
export type Tier = 'province' | 'district' | 'commune';

export interface Locality {
  level: Level;
  /** "Ninh Hòa" */
  name: string;
}

const LEVEL_ALT = LEVELS.map((l) => l.replace(/ /g, '\\s+')).join('|');
/** "UBND phường Ninh Hòa", "Ủy ban nhân dân thị xã Ninh Hòa" (any case; NFC). */
const UBND_RE = new RegExp(`(?:^|[^\\p{L}])(?:UBND|Ủy\\s+ban\\s+nhân\\s+dân|Uỷ\\s+ban\\s+nhân\\s+dân)\\s+(${LEVEL_ALT})\\s+(\\p{Lu}[\\p{L}\\d'’-]*(?:\\s+\\p{Lu}[\\p{L}\\d'’-]*)*)`, 'iu');

/** The locality an "UBND <level> <Name>" text names, else undefined. */
export function localityIn(text: string | undefined | null): Locality | undefined {
  if (!text) return undefined;
  const m = UBND_RE.exec(text.normalize('NFC'));
  if (!m) return undefined;
  const level = m[1].toLocaleLowerCase('vi').replace(/\s+/g, ' ') as Level;
  return { level, name: m[2].trim() };
}

export function tierOf(level: Level): Tier {
  if (level === 'tỉnh') return 'province';
  if (level === 'xã' || level === 'phường' || level === 'thị trấn' || level === 'đặc khu') return 'commune';
  return 'district';
}

/** The levels an award's grantor words allow: "Chủ tịch UBND xã/phường" → xã, phường, đặc khu, thị trấn. */
export function levelsOfGrantor(grantor: string | undefined): Level[] {
  const g = (grantor ?? '').normalize('NFC').toLocaleLowerCase('vi');
  const found = new Set<Level>();
  // A "/" offers alternatives: each side is a level.
  for (const level of LEVELS) {
    const re = new RegExp(`(?:^|[\\s/])${level.replace(/ /g, '\\s+')}(?=$|[\\s/,;])`, 'u');
    if (re.test(g)) found.add(level);
  }
  // "thị xã" also matches "xã" as a word after "thị": drop the shorter one when the longer is there.
  if (found.has('thị xã') && !/(^|[\s/])xã(?=$|[\s/,;])/u.test(g.replace(/thị\s+xã/gu, ''))) found.delete('xã');
  if (found.has('thành phố') && !/(^|[\s/])phố/u.test(g.replace(/thành\s+phố/gu, ''))) { /* nothing to drop */ }
  if (found.has('xã') || found.has('phường')) { found.add('đặc khu'); found.add('thị trấn'); }
  if (found.has('thị xã') || found.has('huyện') || found.has('quận')) found.add('thành phố');
  if (found.has('tỉnh')) found.add('thành phố');
  return [...found];
}

/** Where the facts name bodies, in the order they are trusted for the grantor's place. */
function factTexts(facts: Facts, awardId?: string): string[] {
  const own = awardId ? facts.awards?.[awardId] : undefined;
  const d = facts.decision ?? {};
  return [
    d.issuingBody, d.authority, d.issuerName,
    ...(own?.addressees ?? []), own?.parentBody, own?.issuingBody,
    ...(facts.addressees ?? []),
    facts.parentBody, facts.issuingBody, facts.plan?.issuer, facts.meeting?.chairRole, facts.meeting?.place,
  ].filter((t): t is string => !!t && !!t.trim());
}

/**
 * The grantor's locality for an award: the first body the facts name whose level the award's
 * grantor allows ("Chủ tịch UBND thị xã" takes "UBND thị xã Ninh Hòa"; "… xã/phường" takes
 * "UBND phường Ninh Hòa"). Undefined when no fact names one (the documents then print a blank).
 */
export function grantorLocality(award: Award, facts: Facts): Locality | undefined {
  const allowed = levelsOfGrantor(award.grantor ?? award.label);
  for (const t of factTexts(facts, award.id)) {
    const loc = localityIn(t);
    if (loc && (allowed.length === 0 || allowed.includes(loc.level))) return loc;
  }
  return undefined;
}

/** The first commune or ward the facts name (a two-tier grantor's place). */
export function communeIn(facts: Facts): Locality | undefined {
  for (const t of factTexts(facts)) {
    const loc = localityIn(t);
    if (loc && tierOf(loc.level) === 'commune') return loc;
  }
  return undefined;
}

export const placeOf = (loc: Locality): string => `${loc.level} ${loc.name}`;

/**
 * The award with its grantor named from the facts: "Chủ tịch UBND xã/phường" → "Chủ tịch UBND
 * phường Ninh Hòa" in the grantor and the label; "Chủ tịch UBND thị xã" → "… thị xã Ninh Hòa".
 * Without a locality a placeholder level ("xã/phường") gives way to the dotted blank.
 */
export function namedAward(award: Award, facts: Facts, blank: string): Award {
  const loc = grantorLocality(award, facts);
  const grantor = award.grantor;
  if (!grantor) return award;
  const named = loc ? grantorWith(grantor, loc) : grantor.includes('/') ? grantorWithout(grantor, blank) : grantor;
  const label = award.label.includes(grantor) ? award.label.replace(grantor, named) : award.label;
  return { ...award, grantor: named, label };
}

/** "Chủ tịch UBND xã/phường" + phường Ninh Hòa → "Chủ tịch UBND phường Ninh Hòa"; a place already there is kept. */
function grantorWith(grantor: string, loc: Locality): string {
  if (fold(grantor).includes(fold(placeOf(loc)))) return grantor;
  const levels = LEVELS.map((l) => l.replace(/ /g, '\\s+')).join('|');
  const re = new RegExp(`(?:${levels})(?:\\s*/\\s*(?:${levels}))*(?=\\s*$)`, 'iu');
  return re.test(grantor) ? grantor.replace(re, placeOf(loc)) : `${grantor} ${placeOf(loc)}`;
}

function grantorWithout(grantor: string, blank: string): string {
  const levels = LEVELS.map((l) => l.replace(/ /g, '\\s+')).join('|');
  return grantor.replace(new RegExp(`(?:${levels})(?:\\s*/\\s*(?:${levels}))+`, 'iu'), blank);
}

/** "Ủy ban nhân dân phường Ninh Hòa" for a locality. */
export const committeeOf = (loc: Locality): string => `Ủy ban nhân dân ${placeOf(loc)}`;

/** Ông / Bà from Giới tính ("Nam", "Nữ", any case, with or without diacritics); '' when unknown. */
export function honorific(gender: string | undefined): string {
  const g = fold(gender ?? '');
  if (g === 'nam' || g === 'male' || g === 'm') return 'Ông';
  if (g === 'nu' || g === 'female' || g === 'f') return 'Bà';
  return '';
}

/** "Bà Nguyễn Thị Thu Hà" for a person with a known gender; the name as is otherwise (and for a unit). */
export function addressedName(c: Candidate): string {
  if (c.kind !== 'individual') return c.name;
  const h = honorific(c.facts.gender);
  return h ? `${h} ${c.name}` : c.name;
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

/**
 * A title and its unit joined without repeating the words they share: the unit's first words
 * that end the title are said once ("Trưởng phòng" + "Phòng Nội vụ" → "Trưởng phòng Nội vụ";
 * "Chánh Văn phòng" + "Văn phòng HĐND và UBND thị xã" → "Chánh Văn phòng HĐND và UBND thị xã";
 * "Chủ tịch UBND" + "UBND xã Ninh Xuân" → "Chủ tịch UBND xã Ninh Xuân"); otherwise the two follow
 * each other ("Chuyên viên Phòng Tư pháp"). A title that already names the unit is kept alone.
 */
export function titleWithUnit(title: string | undefined, unit: string | undefined): string {
  const t = (title ?? '').trim();
  const u = (unit ?? '').trim();
  if (!t) return u;
  if (!u) return t;
  if (fold(t).endsWith(fold(u))) return t;
  const tw = words(t);
  const uw = words(u);
  // Diacritics count: "Hiệu trưởng" + "Trường Tiểu học" share no word.
  const low = (w: string) => w.normalize('NFC').toLocaleLowerCase('vi');
  for (let n = Math.min(tw.length, uw.length); n > 0; n--) {
    const tail = tw.slice(tw.length - n).map(low).join(' ');
    const head = uw.slice(0, n).map(low).join(' ');
    if (tail === head) return [...tw, ...uw.slice(n)].join(' ');
  }
  return `${t} ${u}`;
}

/** "Trưởng phòng Nội vụ" for a person (chức vụ joined to đơn vị); '' for a unit. */
export function positionAndUnit(c: Candidate, unit: string | undefined): string {
  if (c.kind !== 'individual') return '';
  return titleWithUnit(c.facts.position, unit);
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/(?<![\p{L}/-])HĐND(?![\p{L}/-])/gu, 'Hội đồng nhân dân'],
  [/(?<![\p{L}/-])UBND(?![\p{L}/-])/gu, 'Ủy ban nhân dân'],
  [/(?<![\p{L}/-])TĐKT(?![\p{L}/-])/gu, 'Thi đua - Khen thưởng'],
];

/** "Văn phòng HĐND và UBND" → "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"; symbols ("QĐ-UBND") kept. */
export function spelledOut(text: string): string {
  let out = text;
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}

/**
 * A body's name completed with the grantor's place where it stops at a bare level or at the
 * committee ("Văn phòng HĐND và UBND thị xã" + thị xã Ninh Hòa → "… thị xã Ninh Hòa";
 * "Văn phòng HĐND và UBND" + phường Ninh Hòa → "… UBND phường Ninh Hòa"): a Giấy khen names
 * the body in full. A name with its own place, or ending otherwise, is kept.
 */
export function withPlace(text: string, loc: Locality | undefined): string {
  const t = text.trimEnd();
  if (!loc || !t) return text;
  const f = fold(t);
  const ending = LEVELS.find((l) => f === fold(l) || f.endsWith(` ${fold(l)}`));
  if (ending) return ending === loc.level ? `${t} ${loc.name}` : text;
  if (/(?:^|\s)(?:ubnd|uy ban nhan dan)$/.test(f)) return `${t} ${placeOf(loc)}`;
  return text;
}

const HEAD_TITLES = ['truong phong', 'chanh van phong', 'chu tich ubnd', 'chu tich uy ban nhan dan', 'giam doc', 'hieu truong', 'truong ban', 'chanh thanh tra', 'thu truong'];

/** A title that heads its unit ("Trưởng phòng", "Chánh Văn phòng", "Chủ tịch UBND"), not a deputy's. */
export function headsUnit(position: string | undefined): boolean {
  const p = fold(position ?? '');
  if (!p || p.startsWith('pho ')) return false;
  return HEAD_TITLES.some((h) => p === h || p.startsWith(`${h} `));
}

/**
 * The header of a document a unit issues itself (Nghị định 30/2020, Phụ lục I): a UBND has no
 * chủ quản line and is written "ỦY BAN NHÂN DÂN / XÃ NINH XUÂN"; another unit under the parent
 * body keeps the parent line (which may be abbreviated) and its own name in full, without the
 * parent's level repeated at its end ("Văn phòng HĐND và UBND thị xã" under "UBND thị xã Ninh
 * Hòa" → "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN").
 */
export function unitHeader(unit: string | undefined, parentBody: string | undefined): { parent: string; main: string } {
  const u = (unit ?? '').trim();
  if (!u) return { parent: parentBody ?? '', main: '' };
  const own = localityIn(u);
  if (own && fold(u).replace(/^(uy ban nhan dan|ubnd)\s+/, '') === fold(placeOf(own))) {
    return { parent: '', main: `Ủy ban nhân dân\n${placeOf(own)}` };
  }
  const parent = localityIn(parentBody ?? '');
  let main = u;
  if (parent) {
    const re = new RegExp(`\\s+${parent.level.replace(/ /g, '\\s+')}(\\s+${parent.name.replace(/\s+/g, '\\s+')})?$`, 'iu');
    main = main.replace(re, '');
  }
  return { parent: parentBody ?? '', main: spelledOut(main) };
}
