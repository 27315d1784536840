/**
 * The Excel platforms the host can play, as Microsoft documents them: what Office.context reports,
 * which requirement sets a current build supports, and the limits that apply there.
 *
 * Sources (read 2026-12-07):
 * - [sets]  Excel JavaScript API requirement sets, "Requirement set availability":
 *           https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * - [undo]  ExcelApi 1.20 "adds undo support for Excel JavaScript APIs":
 *           https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set
 *           https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities
 * - [browser] OpenBrowserWindowApi 1.1: "Not supported" on the web; "Excel, PowerPoint, Word:
 *           Windows, Mac, iPad": https://learn.microsoft.com/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets
 * - [limits] "Excel on the web has a payload size limit for requests and responses of 5MB";
 *           "a range is limited to five million cells for get operations" (all platforms):
 *           https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 *           https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 * - [diag]  Office.context.diagnostics (host, platform: Office.PlatformType, version; on Windows
 *           "16.0.<build>.<revision>"): https://learn.microsoft.com/javascript/api/office/office.contextinformation
 */

export type PlatformName = 'web' | 'windows' | 'mac' | 'ipad';

/** Office.PlatformType as Office.context.platform / diagnostics.platform report it [diag]. */
export type OfficePlatform = 'OfficeOnline' | 'PC' | 'Mac' | 'iOS';

export interface PlatformProfile {
  name: PlatformName;
  /** What Office.context.platform and Office.context.diagnostics.platform say. */
  office: OfficePlatform;
  /** Office.context.diagnostics.version of the build modelled (the first build with ExcelApi 1.20). */
  version: string;
  /** Requirement sets of a current build on this platform [sets][browser]. */
  requirementSets: Record<string, string>;
  /** Bytes a request or a response may carry; Infinity where no payload cap is documented [limits]. */
  payloadLimit: number;
  /** In words, for the README and the simulator's result. */
  label: string;
}

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * ExcelApi 1.20 (undo of add-in writes) is in every current build [sets]: the web ("Supported"),
 * Windows Version 2509 (Build 19201.20002), Mac 16.100 (25081015), iPad 16.100.
 * ExcelApiOnline is the web's alone; ExcelApiDesktop 1.1 is Windows 2509 (Build 19231.20156) and
 * Mac 16.102 only [sets]. OpenBrowserWindowApi 1.1 is not on the web [browser].
 */
export const PLATFORMS: Record<PlatformName, PlatformProfile> = {
  web: {
    name: 'web',
    office: 'OfficeOnline',
    // Not documented for the web; a Microsoft 365 build number of the same month stands in.
    version: '16.0.19201.20002',
    requirementSets: { ExcelApi: '1.20', ExcelApiOnline: '1.1' },
    payloadLimit: WEB_PAYLOAD_LIMIT,
    label: 'Excel on the web',
  },
  windows: {
    name: 'windows',
    office: 'PC',
    version: '16.0.19231.20156',
    requirementSets: { ExcelApi: '1.20', ExcelApiDesktop: '1.1', OpenBrowserWindowApi: '1.1' },
    payloadLimit: Infinity,
    label: 'Excel on Windows (Microsoft 365, Version 2509)',
  },
  mac: {
    name: 'mac',
    office: 'Mac',
    // The format of diagnostics.version on a Mac is not documented; the build as the table gives it.
    version: '16.102.25101223',
    requirementSets: { ExcelApi: '1.20', ExcelApiDesktop: '1.1', OpenBrowserWindowApi: '1.1' },
    payloadLimit: Infinity,
    label: 'Excel on Mac (16.102)',
  },
  ipad: {
    name: 'ipad',
    office: 'iOS',
    version: '16.100',
    requirementSets: { ExcelApi: '1.20', OpenBrowserWindowApi: '1.1' },
    payloadLimit: Infinity,
    label: 'Excel on iPad (16.100)',
  },
};

/**
 * First build with each ExcelApi version per platform [sets] — the rows the add-in's optional APIs
 * need (1.9 getCellProperties, 1.10 comments, 1.13 merged areas, 1.15 fill pattern, 1.18 notes,
 * 1.20 undo). "perpetual" is retail/volume-licensed Office on Windows; null: not in any such build.
 */
export const EXCEL_API_BUILDS: { set: string; windows: string; perpetual: string | null; mac: string; ipad: string }[] = [
  { set: '1.20', windows: 'Version 2509 (Build 19201.20002)', perpetual: null, mac: '16.100 (25081015)', ipad: '16.100' },
  { set: '1.19', windows: 'Version 2504 (Build 18730.20088)', perpetual: null, mac: '16.96 (25042021)', ipad: '16.96' },
  { set: '1.18', windows: 'Version 2501 (Build 18429.20040)', perpetual: null, mac: '16.93 (25011212)', ipad: '16.93' },
  { set: '1.17', windows: 'Version 2302 (Build 16130.20332)', perpetual: 'Office 2024', mac: '16.70 (23021201)', ipad: '16.70' },
  { set: '1.16', windows: 'Version 2208 (Build 15601.20148)', perpetual: 'Office 2024', mac: '16.64 (22081401)', ipad: '16.66' },
  { set: '1.15', windows: 'Version 2202 (Build 14931.20132)', perpetual: 'Office 2024', mac: '16.58 (22021501)', ipad: '16.59' },
  { set: '1.14', windows: 'Version 2108 (Build 14326.20508)', perpetual: 'Office 2021', mac: '16.52 (21080801)', ipad: '16.53' },
  { set: '1.13', windows: 'Version 2102 (Build 13801.20738)', perpetual: 'Office 2021', mac: '16.50', ipad: '16.50' },
  { set: '1.10', windows: 'Version 1907 (Build 11929.20306)', perpetual: 'Office 2021', mac: '16.30', ipad: '16.0' },
  { set: '1.9', windows: 'Version 1903 (Build 11425.20204)', perpetual: 'Office 2021', mac: '16.24', ipad: '16.0' },
];

/** Perpetual Office on Windows: the highest ExcelApi each has [sets] (Office 2024: 1.17, 2021: 1.14). */
export const PERPETUAL_EXCEL_API: Record<string, string> = { 'Office 2024': '1.17', 'Office 2021': '1.14' };

const BY_OFFICE: Record<string, PlatformName> = { OfficeOnline: 'web', PC: 'windows', Mac: 'mac', iOS: 'ipad' };

/**
 * The profile for a platform named either way ("web", "windows", "mac", "ipad" or Office's
 * "OfficeOnline", "PC", "Mac", "iOS"); undefined for anything else.
 */
export function platformProfile(name: string | undefined): PlatformProfile | undefined {
  if (name === undefined) return PLATFORMS.web;
  const key = (name in PLATFORMS ? name : BY_OFFICE[name]) as PlatformName | undefined;
  return key ? PLATFORMS[key] : undefined;
}
