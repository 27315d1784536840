/**
 * Which number formats show a date, for both readers (Office.js and the CLI's xlsx reader): a cell
 * so formatted holds a date serial and is read as "dd/mm/yyyy" text; any other number stays a number.
 *
 * A format shows a date when it shows a day, a month or a year (d, m as a month, y; b is the
 * Buddhist year). A time alone ("h:mm", "mm:ss", "[h]:mm:ss") is not a date: Excel stores it as a
 * fraction of a day (0.5 is 12:00), whose "date" would be the meaningless 30/12/1899 — so it stays
 * the number Excel holds. "m" and "mm" are minutes right after an hour or right before seconds
 * (Excel's own rule), a month otherwise; "mmm" and longer are always a month.
 */

/** The format's letter runs outside quoted text, [colours / conditions], escapes, fill and spacing characters and AM/PM. */
function formatTokens(format: string): string[] {
  const bare = format
    .replace(/"[^"]*"/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\\.|[_*]./g, ' ')
    .replace(/AM\/PM|A\/P/gi, ' ');
  // Runs of one letter: "mmss" is minutes then seconds.
  return (bare.toLowerCase().match(/([a-z])\1*/g) ?? []);
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format || format.toLowerCase() === 'general') return false;
  const tokens = formatTokens(format);
  return tokens.some((t, i) => {
    if (/^[dyb]/.test(t)) return true;
    if (!t.startsWith('m')) return false;
    if (t.length >= 3) return true;
    const minutes = tokens[i - 1]?.startsWith('h') || tokens[i + 1]?.startsWith('s');
    return !minutes;
  });
}
