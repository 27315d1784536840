/**
 * manifest.xml validates offline against Microsoft's XSD files (schemas/office-addin-manifest/ in this repository; source and
 * licence in its README) and says what the add-in needs: Workbook host, ReadWriteDocument, vi-VN with en-US
 * overrides, a Home-tab group with a ShowTaskpane button, icons that exist, dev URLs that the
 * production build rewrites.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MIN_EXCEL_API } from '../../src/excel/capabilities';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest, schemaDir } = require(path.join(ROOT, 'scripts/validate-manifest.js')) as {
  validateManifest(xml: string, dir?: string): Promise<{ valid: boolean; errors: string[] }>;
  schemaDir(): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(path.join(ROOT, 'webpack.config.js')) as {
  rewriteManifest(content: Buffer, baseUrl: string): string;
  productionUrl(): string;
  DEV_URL: string;
};

const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  beforeAll(() => {
    const dir = schemaDir();
    if (!fs.existsSync(path.join(dir, 'OfficeAppManifestV1_1.xsd'))) {
      throw new Error(`The manifest schemas are missing at ${dir}: restore schemas/office-addin-manifest/ (or set MANIFEST_SCHEMA_DIR).`);
    }
  });

  it('validates against the Office add-in manifest schemas (offline xmllint-wasm)', async () => {
    const r = await validateManifest(manifest);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('the schema check rejects a wrong permission and an unknown element (it can fail)', async () => {
    const badPermission = await validateManifest(manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteEverything</Permissions>'));
    expect(badPermission.valid).toBe(false);
    expect(badPermission.errors.join('\n')).toMatch(/Permissions/);
    const unknownElement = await validateManifest(manifest.replace('<Hosts>', '<Nonsense/><Hosts>'));
    expect(unknownElement.valid).toBe(false);
  });

  it('declares the Workbook host, ReadWriteDocument and the ExcelApi requirement', () => {
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Host xsi:type="Workbook">/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
    // Notes (1.18) and comments (1.10) are detected at run time, never required.
    expect(manifest).not.toMatch(/MinVersion="1\.1[08]"/);
  });

  it('requires the ExcelApi version the pane checks again at start (docs/addin.md: kept at 1.9)', () => {
    expect(manifest.match(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/)?.[1]).toBe(MIN_EXCEL_API);
    expect(MIN_EXCEL_API).toBe('1.9');
  });

  it('speaks Vietnamese by default with English overrides for every string', () => {
    expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    const strings = [...manifest.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"\/>/g)];
    const ids = [...manifest.matchAll(/<bt:String id="([^"]+)"/g)].map((m) => m[1]);
    expect(strings.map((m) => m[1]).sort()).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['Group.Label', 'TaskpaneButton.Label', 'TaskpaneButton.Tooltip']));
    expect(manifest).toMatch(/<DisplayName DefaultValue="Thi đua CCHC">\s*<Override Locale="en-US"/);
    expect(manifest).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
  });

  it('gives the English strings to every English locale Office may report (en-GB, en-AU…), the same text as en-US', () => {
    const ENGLISH = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IE', 'en-IN', 'en-NZ', 'en-SG', 'en-MY', 'en-PH', 'en-ZA'];
    const owners = [...manifest.matchAll(/<(DisplayName|Description|bt:String)\b[^>]*DefaultValue="[^"]*">([\s\S]*?)<\/\1>/g)];
    expect(owners.length).toBeGreaterThan(5);
    for (const [, , body] of owners) {
      const overrides = [...body.matchAll(/Override Locale="([^"]+)" Value="([^"]*)"/g)];
      expect(overrides.map((o) => o[1]).sort()).toEqual([...ENGLISH].sort());
      expect(new Set(overrides.map((o) => o[2])).size).toBe(1);
    }
  });

  it('carries the version of package.json (shown in the pane)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require(path.join(ROOT, 'package.json')) as { version: string };
    expect(/<Version>([^<]+)<\/Version>/.exec(manifest)?.[1]).toBe(`${version}.0`);
  });

  it('puts a "Thi đua CCHC" group on the Home tab with a button that shows the task pane', () => {
    expect(manifest).toMatch(/<ExtensionPoint xsi:type="PrimaryCommandSurface">\s*<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<bt:String id="Group.Label" DefaultValue="Thi đua CCHC">/);
    expect(manifest).toMatch(/<Control xsi:type="Button" id="[^"]+">[\s\S]*<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<FunctionFile resid="Commands.Url"\/>/);
  });

  it('has a "Kiểm tra nhanh" ExecuteFunction button whose function commands.ts associates', () => {
    const control = /<Control xsi:type="Button" id="ThiDuaCCHC.QuickCheckButton">([\s\S]*?)<\/Control>/.exec(manifest);
    expect(control).not.toBeNull();
    const body = control![1];
    expect(body).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>thiduaQuickCheck<\/FunctionName>/);
    expect(body).toMatch(/<Label resid="QuickCheckButton.Label"\/>/);
    expect(body).toMatch(/<Description resid="QuickCheckButton.Tooltip"\/>/);
    // The same icons as the task-pane button.
    expect(body).toMatch(/<bt:Image size="32" resid="Icon.32x32"\/>/);
    expect(manifest).toMatch(/<bt:String id="QuickCheckButton.Label" DefaultValue="Kiểm tra nhanh">\s*<bt:Override Locale="en-US" Value="Quick check"\/>/);
    expect(manifest).toMatch(/<bt:String id="QuickCheckButton.Tooltip" DefaultValue="[^"]+">\s*<bt:Override Locale="en-US" Value="[^"]+"\/>/);
    const commands = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');
    expect(commands).toMatch(/Office\.actions\?\.associate\('thiduaQuickCheck', quickCheck\)/);
  });

  it('points every URL at the dev server, and the icons it names exist at their size', () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith('https://localhost:3000/')).toBe(true);
    const pages = new Set(urls.map((u) => new URL(u).pathname));
    expect([...pages].filter((p) => p.endsWith('.html')).sort()).toEqual(['/commands.html', '/taskpane.html']);
    const icons = [...pages].filter((p) => p.endsWith('.png'));
    expect(icons.sort()).toEqual(['/assets/icon-16.png', '/assets/icon-32.png', '/assets/icon-64.png', '/assets/icon-80.png']);
    for (const icon of icons) {
      const size = Number(/icon-(\d+)\.png$/.exec(icon)![1]);
      expect(pngSize(path.join(ROOT, icon))).toEqual({ width: size, height: size });
    }
  });

  it('is rewritten to ADDIN_URL for production, still valid, with no localhost left', async () => {
    const base = 'https://addins.ninhhoa.khanhhoa.gov.vn/thidua/';
    const out = webpackConfig.rewriteManifest(Buffer.from(manifest, 'utf8'), base);
    expect(out).not.toMatch(/localhost/);
    expect(out).toContain(`<SourceLocation DefaultValue="${base}taskpane.html"/>`);
    expect(out).toContain('<AppDomain>https://addins.ninhhoa.khanhhoa.gov.vn</AppDomain>');
    expect((await validateManifest(out)).valid).toBe(true);
  });

  it('ADDIN_URL must be https and gets a trailing slash', () => {
    const saved = process.env.ADDIN_URL;
    try {
      process.env.ADDIN_URL = 'https://example.gov.vn/thidua';
      expect(webpackConfig.productionUrl()).toBe('https://example.gov.vn/thidua/');
      process.env.ADDIN_URL = 'http://example.gov.vn/';
      expect(() => webpackConfig.productionUrl()).toThrow(/https/);
      delete process.env.ADDIN_URL;
      expect(webpackConfig.productionUrl()).toBe(webpackConfig.DEV_URL);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  });
});
