/**
 * Presets: a starting profile, the wording of who issues and who grants, and the legal frame
 * an undated dossier follows. `ninh-hoa-2022` is the seed plan (the default); `xa-phuong-2026` is
 * a commune or ward in the two-tier administration (from 01/7/2025 no huyện / thị xã level: the
 * Giấy khen is the Chủ tịch UBND xã/phường's, Luật 06/2022/QH15 Điều 80, NĐ 152/2025/NĐ-CP).
 * The chosen preset is kept in the workbook (state key "preset"), like the profile.
 */
import { PRESET_IDS, type Lang, type PresetId } from './ids';
import { DEFAULT_PROFILE, type Profile } from './profile';

export { PRESET_IDS, type PresetId };
export const DEFAULT_PRESET: PresetId = 'ninh-hoa-2022';

/** Facts a preset words for the documents; the user's facts (workbook, --facts) override them. */
export interface PresetFacts {
  parentBody?: string;
  issuingBody?: string;
  issuingBodyShort?: string;
  signer?: { authority?: string; title?: string };
  meeting?: { council?: string; chairRole?: string };
}

export interface Preset {
  id: PresetId;
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  profile: Profile;
  facts: PresetFacts;
  /** The legal frame an undated dossier follows (templates/khung-phap-ly.json). */
  frame: string;
  /** Two-tier administration: the grantor commends only what its commune or ward manages (competence.ts). */
  twoTier?: boolean;
}

const xaPhuongProfile: Profile = {
  ...structuredClone(DEFAULT_PROFILE),
  name: 'Xã/phường CCHC 2026',
  preset: 'xa-phuong-2026',
  awards: [
    { id: 'bang-khen-tinh', label: 'Bằng khen của Chủ tịch UBND tỉnh', grantor: 'Chủ tịch UBND tỉnh', quota: { collective: 0, individual: 0 } },
    // Criteria and quotas are the seed's until the commune sets its own (Cấu hình / --profile).
    { id: 'giay-khen-xa-phuong', label: 'Giấy khen của Chủ tịch UBND xã/phường', grantor: 'Chủ tịch UBND xã/phường', quota: { collective: 10, individual: 10 } },
  ],
  voteBase: 'total',
  womenPriority: true,
};

export const PRESETS: readonly Preset[] = [
  {
    id: 'ninh-hoa-2022',
    name: { vi: 'Thị xã Ninh Hòa 2022 (kế hoạch gốc)', en: 'Ninh Hòa town 2022 (the seed plan)' },
    description: {
      vi: 'Kế hoạch thi đua CCHC năm 2022 của UBND thị xã Ninh Hòa: Giấy khen của Chủ tịch UBND thị xã, Phòng Nội vụ trình; Luật Thi đua, Khen thưởng 2003 và Nghị định 91/2017/NĐ-CP cho văn bản năm 2022.',
      en: 'The 2022 CCHC plan of Ninh Hòa town: Giấy khen of the town chairman, submitted by Phòng Nội vụ; the 2003 law and Decree 91/2017 for documents of 2022.',
    },
    profile: DEFAULT_PROFILE,
    facts: { issuingBody: 'Phòng Nội vụ', issuingBodyShort: 'NV' },
    frame: 'tdkt-2003',
  },
  {
    id: 'xa-phuong-2026',
    name: { vi: 'Xã/phường 2026 (chính quyền hai cấp)', en: 'Commune/ward 2026 (two-tier administration)' },
    description: {
      vi: 'Chính quyền địa phương hai cấp từ 01/7/2025: Giấy khen của Chủ tịch UBND xã/phường, Văn phòng HĐND và UBND trình; Luật Thi đua, khen thưởng 2022, Nghị định 152/2025/NĐ-CP, Thông tư 15/2025/TT-BNV; ưu tiên nữ khi bằng nhau. Tiêu chí, chỉ tiêu như kế hoạch gốc cho đến khi xã/phường đặt của mình.',
      en: 'Two-tier local government from 01/7/2025: Giấy khen of the commune/ward chairman, submitted by the commune office; the 2022 law, Decree 152/2025, Circular 15/2025; women first among equals. Criteria and quotas as the seed until the commune sets its own.',
    },
    profile: xaPhuongProfile,
    facts: {
      parentBody: 'UBND xã/phường',
      issuingBody: 'Văn phòng HĐND và UBND',
      issuingBodyShort: 'VP',
      meeting: { council: 'Hội đồng Thi đua - Khen thưởng', chairRole: 'Chủ tịch UBND xã/phường, Chủ tịch Hội đồng' },
    },
    frame: 'tdkt-2022-nd152-tt15',
    twoTier: true,
  },
];

export function isPresetId(id: unknown): id is PresetId {
  return typeof id === 'string' && (PRESET_IDS as readonly string[]).includes(id);
}

export function presetById(id: string | undefined | null): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The preset named (CLI --preset), else the first saved one found (state key, the profile's "preset"), else the default. */
export function resolvePreset(explicit: string | undefined, ...saved: unknown[]): Preset {
  const found = saved.find(isPresetId);
  return presetById(explicit) ?? (found ? presetById(found) : undefined) ?? presetById(DEFAULT_PRESET)!;
}
