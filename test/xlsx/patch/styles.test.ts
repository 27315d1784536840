/** The styles part edited for our marks (src/xlsx/patch/styles.ts), on a hand-written part. */
import { Styles } from '../../../src/xlsx/patch/styles';

describe('styles', () => {
  const STYLES =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';

  test('a mark is the cell’s own format with our fill; counts follow; the same mark is reused', () => {
    const st = new Styles(STYLES);
    const x = st.marked(1, '#FFC7CE');
    expect(st.marked(1, '#FFC7CE')).toBe(x);
    const out = st.toXml();
    expect(out).toContain('<fills count="4">');
    expect(out).toContain('<cellXfs count="3">');
    expect(out).toContain('<xf numFmtId="10" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment wrapText="1"/></xf></cellXfs>');
    // The original text is a prefix of each list: nothing of the user's moved.
    expect(out.replace(/<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"\/><bgColor rgb="FFFFC7CE"\/><\/patternFill><\/fill>/, '').replace('<fills count="4">', '<fills count="3">').replace(/<xf numFmtId="10" fontId="0" fillId="3"[^]*?<\/xf>(?=<\/cellXfs>)/, '').replace('<cellXfs count="3">', '<cellXfs count="2">')).toBe(STYLES);
  });

  test('restoring finds the user’s format by content (after a re-save renumbered it), and a clear trims what we added', () => {
    const st = new Styles(STYLES);
    const x = st.marked(1, '#FFC7CE');
    expect(st.fillOfXf(1)).toEqual({ color: '#00B050' });
    expect(st.restored(x, { color: '#00B050' })).toBe(1);
    st.trim(new Set([0, 1]), { fonts: [], borders: [] });
    expect(st.toXml()).toBe(STYLES);
  });

  test('a fill the workbook no longer has a format for is made: the same format, that fill', () => {
    const st = new Styles(STYLES);
    const x = st.marked(1, '#FFC7CE');
    const none = st.restored(x, { color: null });
    expect(none).toBe(3);
    expect(st.xf(none)).toBe('<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFill="0"><alignment wrapText="1"/></xf>');
    const yellow = st.restored(x, { color: '#FFFF00' });
    expect(st.fillXml(st.fillIdOf(yellow))).toBe('<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill>');
  });
});

