// One dossier run in a fresh process (so peak RSS is this run's): N proposed candidates, half
// tập thể, half cá nhân, through model → validate templates → render → zip. Prints JSON.
const fs = require('fs');
const path = require('path');
const ROOT = path.resolve(__dirname, '..', '..');
const { buildDossier } = require(path.join(ROOT, 'build/src/core/dossier/model'));
const { generateDossier, zipDossier } = require(path.join(ROOT, 'build/src/docx/generate'));
const { TEMPLATE_FILES } = require(path.join(ROOT, 'build/src/core/dossier/tags'));
const { DEFAULT_PROFILE } = require(path.join(ROOT, 'build/src/core/profile'));

const n = Number(process.argv[2]);
const crit = (id, value) => ({ id, outcome: 'pass', value, sheet: 'Tập thể', cell: 'C5', inherited: false, reason: { code: '', params: {} } });
const candidates = Array.from({ length: n }, (_, i) => {
  const kind = i % 2 ? 'individual' : 'collective';
  return {
    kind, name: kind === 'collective' ? `Đơn vị số ${i + 1}` : `Nguyễn Văn Cá Nhân ${i + 1}`, sheet: 'Tập thể', row: 5 + i, nameCell: `B${5 + i}`,
    facts: { position: 'Chuyên viên', unit: 'Phòng Nội vụ', achievement: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính.\nSố hóa 100% hồ sơ.', initiative: 'Sáng kiến số hóa', initiativeRecognition: 'QĐ số 1/QĐ-UBND ngày 15/11/2022' },
    criteria: [crit('taskCompletion', 95.5), crit('parIndex', 'Tốt'), crit('sipas', 93.1), crit('onTime', 99.2), crit('initiative', true)],
    eligible: true, pinnedAward: null, duplicate: false, rank: Math.floor(i / 2) + 1, award: 'giay-khen-thi-xa', overQuota: false, tiedAtCutoff: false,
  };
});
const result = { profileName: 'bench', tables: [], candidates, issues: [], quotas: [], ties: [] };
const facts = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/thong-tin-ho-so-mau.json'), 'utf8'));
const templates = {};
for (const [id, file] of Object.entries(TEMPLATE_FILES)) templates[id] = { bytes: fs.readFileSync(path.join(ROOT, 'templates', file)), file };

const t0 = process.hrtime.bigint();
const model = buildDossier(result, DEFAULT_PROFILE, facts);
const g = generateDossier(model, templates);
if (!g.ok) throw new Error('templates');
const zip = zipDossier(g.files);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ n, documents: g.files.length, ms, zipBytes: zip.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
