/**
 * Builds templates/mau-theo-doi-thi-dua-cchc.xlsx: a tracking workbook shaped the way a Phòng Nội
 * vụ keeps it (title rows, a two-row merged header, group headings, a total row, mixed value
 * formats: fractions with a % format, points, "98,5%" text, rates from counts or without
 * counts), with 18 units and 13 people: 11 eligible units so that one is over the Giấy khen
 * quota of 10, units failing exactly at a boundary (90% tasks, 98% on time, SIPAS 89,9%, a "Khá"
 * rating, no recognised initiative), a #DIV/0! formula, one person whose unit is misspelt (a "did
 * you mean" suggestion) and one whose unit is typed without diacritics. No tie at a quota cut
 * (ties are tested elsewhere). A sheet "Lịch sử khen thưởng" lists awards some of them received in
 * earlier years (section III of the Báo cáo thành tích under the 2022 law), with one entry of a unit
 * that is not a candidate; it is never read as candidates. `npm run sample` regenerates it, byte for byte.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import PizZip from 'pizzip';

type Cell = ExcelJS.CellValue;

/** The shipped sample (run from build/templates/scripts/), or the path given as the first argument. */
const OUT = process.argv[2] && process.argv[2] !== 'two-tier' ? path.resolve(process.argv[2]) : path.resolve(__dirname, '../../../templates/mau-theo-doi-thi-dua-cchc.xlsx');
const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const PCT = '0.0%';
const FIXED_DATE = new Date(Date.UTC(2022, 11, 5));

interface Unit {
  name: string;
  /** Task completion: a number (points), a fraction (shown with PCT) or text. */
  task: Cell;
  taskFraction?: boolean;
  /** Files resolved / resolved on time; null when the unit reported only the rate. */
  files: [number, number] | null;
  /** Rate cell of the files: blank (computed from counts), a fraction, points or text. */
  filesRate?: Cell;
  parScore: number;
  par: string;
  sipas: Cell;
  sipasFraction?: boolean;
  initiative: string;
  decision: string | null;
  achievement: string;
  pin?: string;
}

let GROUPS: [string, Unit[]][] = [
  ['I. CƠ QUAN CHUYÊN MÔN', [
    { name: 'Văn phòng HĐND và UBND thị xã', task: 0.985, taskFraction: true, files: [1240, 1238], parScore: 91.2, par: 'Xuất sắc', sipas: 96.4, initiative: 'Phần mềm quản lý văn bản và điều hành liên thông 3 cấp', decision: 'QĐ số 1523/QĐ-UBND ngày 15/11/2022', achievement: 'Tham mưu UBND thị xã ban hành đầy đủ, kịp thời các kế hoạch CCHC; 100% văn bản được xử lý trên môi trường điện tử.', pin: 'Giấy khen' },
    { name: 'Phòng Nội vụ', task: 97.5, files: [356, 355], parScore: 90.4, par: 'Xuất sắc', sipas: '95,8%', initiative: 'Số hóa hồ sơ cán bộ, công chức', decision: 'QĐ số 1524/QĐ-UBND ngày 15/11/2022', achievement: 'Hoàn thành số hóa 100% hồ sơ cán bộ, công chức; tham mưu tốt công tác cải cách chế độ công vụ.' },
    { name: 'Phòng Tư pháp', task: '96,5%', files: [2105, 2101], filesRate: 0.998, parScore: 88.7, par: 'Tốt', sipas: 0.952, sipasFraction: true, initiative: 'Chứng thực bản sao điện tử từ bản chính', decision: 'QĐ số 1525/QĐ-UBND ngày 15/11/2022', achievement: 'Giải quyết đúng hạn 99,8% hồ sơ chứng thực; triển khai chứng thực bản sao điện tử.' },
    { name: 'Phòng Tài chính - Kế hoạch', task: 95, files: [812, 809], parScore: 87.9, par: 'TỐT', sipas: 94.7, initiative: 'Quy trình thẩm định dự toán trực tuyến', decision: 'x', achievement: 'Rút ngắn 30% thời gian thẩm định dự toán nhờ quy trình trực tuyến.' },
    { name: 'Phòng Kinh tế', task: 90, files: null, filesRate: '99,7%', parScore: 86.1, par: 'Tốt', sipas: 93.3, initiative: 'Bản đồ số vùng nguyên liệu', decision: 'QĐ số 1530/QĐ-UBND ngày 16/11/2022', achievement: 'Hỗ trợ doanh nghiệp, hợp tác xã đăng ký trực tuyến.' },
    { name: 'Phòng Quản lý đô thị', task: 93, files: [1530, 1524], parScore: 78.5, par: 'Khá', sipas: 91.2, initiative: 'Cấp phép xây dựng qua mạng', decision: 'QĐ số 1531/QĐ-UBND ngày 16/11/2022', achievement: 'Triển khai cấp phép xây dựng mức độ 4.' },
    { name: 'Phòng Tài nguyên và Môi trường', task: 94.5, files: [3410, 3402], filesRate: '99,8%', parScore: 86.8, par: 'Loại tốt', sipas: 93.9, initiative: 'Tra cứu hồ sơ đất đai qua mã QR', decision: 'QĐ số 1526/QĐ-UBND ngày 15/11/2022', achievement: 'Giải quyết đúng hạn 99,8% hồ sơ đất đai; tra cứu hồ sơ bằng mã QR.' },
    { name: 'Phòng Văn hóa và Thông tin', task: 0.96, taskFraction: true, files: [95, 95], parScore: 89.2, par: 'Tốt', sipas: 94.1, initiative: 'Chuyên mục CCHC trên Cổng thông tin điện tử', decision: 'QĐ số 1527/QĐ-UBND ngày 15/11/2022', achievement: 'Duy trì chuyên mục tuyên truyền CCHC, 120 tin bài trong năm.' },
    { name: 'Phòng Lao động - Thương binh và Xã hội', task: 95.5, files: [1120, 1118], parScore: 87.0, par: 'Tốt', sipas: '89,9%', initiative: 'Chi trả trợ cấp không dùng tiền mặt', decision: 'QĐ số 1532/QĐ-UBND ngày 16/11/2022', achievement: 'Chi trả 85% trợ cấp qua tài khoản.' },
    { name: 'Phòng Giáo dục và Đào tạo', task: 96, files: null, filesRate: 99.77, parScore: 88.1, par: 'Tốt', sipas: 93.6, initiative: 'Tuyển sinh đầu cấp trực tuyến', decision: 'QĐ số 1528/QĐ-UBND ngày 15/11/2022', achievement: 'Tuyển sinh trực tuyến 100% trường mầm non, tiểu học, THCS.' },
  ]],
  ['II. UBND CÁC XÃ, PHƯỜNG', [
    { name: 'UBND phường Ninh Hiệp', task: 97, files: [2860, 2855], parScore: 89.6, par: 'Tốt', sipas: 95.1, initiative: 'Tổ công nghệ số cộng đồng hỗ trợ nộp hồ sơ trực tuyến', decision: 'QĐ số 1540/QĐ-UBND ngày 18/11/2022', achievement: 'Tỷ lệ hồ sơ trực tuyến đạt 62%; không có hồ sơ trễ hạn.' },
    { name: 'UBND phường Ninh Đa', task: 95, files: [500, 490], parScore: 85.3, par: 'Tốt', sipas: 92.8, initiative: 'Bộ phận một cửa thân thiện', decision: 'QĐ số 1541/QĐ-UBND ngày 18/11/2022', achievement: 'Cải tạo Bộ phận một cửa.' },
    { name: 'UBND xã Ninh Xuân', task: 96.2, files: [1320, 1317], parScore: 88.4, par: 'Tốt', sipas: 94.4, initiative: 'Zalo OA trả kết quả thủ tục hành chính', decision: 'QĐ số 1542/QĐ-UBND ngày 18/11/2022', achievement: 'Thông báo kết quả giải quyết hồ sơ qua Zalo cho 100% người dân.' },
    { name: 'UBND xã Ninh Thọ', task: 94, files: null, filesRate: 0.9974, parScore: 86.0, par: 'Tốt', sipas: 92.9, initiative: 'Sổ tay hướng dẫn thủ tục hành chính', decision: null, achievement: 'Phát hành sổ tay hướng dẫn thủ tục cho người dân.' },
    { name: 'UBND phường Ninh Hà', task: 95.8, files: [980, 978], parScore: 87.2, par: 'Tốt', sipas: { formula: 'N15/O15', result: { error: '#DIV/0!' } } as Cell, initiative: 'Một cửa điện tử liên thông', decision: 'QĐ số 1543/QĐ-UBND ngày 18/11/2022', achievement: 'Liên thông hồ sơ với cấp thị xã.' },
    { name: 'UBND xã Ninh Phụng', task: '95,5', files: [1050, 1048], parScore: 88.9, par: 'Tốt', sipas: 92.5, initiative: 'Số hóa sổ hộ tịch', decision: 'QĐ số 1544/QĐ-UBND ngày 18/11/2022', achievement: 'Số hóa 100% sổ hộ tịch từ năm 1976.' },
    { name: 'UBND xã Ninh Bình', task: 93.5, files: [890, 887], filesRate: 0.9966, parScore: 86.5, par: 'Tốt', sipas: 92.2, initiative: 'Camera giám sát Bộ phận một cửa', decision: 'QĐ số 1545/QĐ-UBND ngày 18/11/2022', achievement: 'Lắp đặt camera giám sát, công khai đánh giá cán bộ một cửa.' },
    { name: 'UBND phường Ninh Giang', task: 92, files: [640, 636], parScore: 72.0, par: 'Trung bình', sipas: 90.5, initiative: 'Hòm thư góp ý điện tử', decision: 'x', achievement: 'Tiếp nhận góp ý qua hòm thư điện tử.' },
  ]],
];

interface Person {
  name: string; born: number; gender: 'Nam' | 'Nữ'; position: string; unit: string; hometown: string; qualification: string;
  sipas?: Cell; onTime?: Cell; initiative: string; decision: string | null; achievement?: string;
}

let PEOPLE: Person[] = [
  { name: 'Nguyễn Thị Thu Hà', born: 1982, gender: 'Nữ', position: 'Trưởng phòng', unit: 'Phòng Nội vụ', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Thạc sĩ Quản lý công', initiative: 'Số hóa hồ sơ cán bộ, công chức', decision: 'QĐ số 1524/QĐ-UBND ngày 15/11/2022', achievement: 'Chủ trì tham mưu Kế hoạch CCHC năm 2022; trực tiếp chỉ đạo số hóa hồ sơ công chức.' },
  { name: 'Trần Văn Minh', born: 1978, gender: 'Nam', position: 'Chánh Văn phòng', unit: 'Văn phòng HĐND và UBND thị xã', hometown: 'Vạn Ninh, Khánh Hòa', qualification: 'Cử nhân Luật', initiative: 'Phần mềm quản lý văn bản và điều hành liên thông 3 cấp', decision: 'QĐ số 1523/QĐ-UBND ngày 15/11/2022', achievement: 'Chỉ đạo triển khai văn bản điện tử liên thông 3 cấp.' },
  { name: 'Lê Thị Hồng Nhung', born: 1990, gender: 'Nữ', position: 'Chuyên viên', unit: 'Phòng Tư pháp', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Luật', initiative: 'Chứng thực bản sao điện tử từ bản chính', decision: 'QĐ số 1525/QĐ-UBND ngày 15/11/2022', achievement: 'Trực tiếp xây dựng quy trình chứng thực bản sao điện tử.' },
  { name: 'Phạm Ngọc Tuấn', born: 1985, gender: 'Nam', position: 'Phó Trưởng phòng', unit: 'Phòng Tài chính - Kế hoạch', hometown: 'Diên Khánh, Khánh Hòa', qualification: 'Thạc sĩ Kinh tế', initiative: 'Quy trình thẩm định dự toán trực tuyến', decision: 'x', achievement: 'Xây dựng quy trình thẩm định dự toán trực tuyến.' },
  { name: 'Võ Thị Mai', born: 1988, gender: 'Nữ', position: 'Công chức Văn phòng - Thống kê', unit: 'UBND phường Ninh Hiệp', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Hành chính', onTime: '99,6%', initiative: 'Tổ công nghệ số cộng đồng hỗ trợ nộp hồ sơ trực tuyến', decision: 'QĐ số 1540/QĐ-UBND ngày 18/11/2022', achievement: 'Hướng dẫn hơn 1.200 lượt người dân nộp hồ sơ trực tuyến.' },
  { name: 'Huỳnh Văn Lợi', born: 1975, gender: 'Nam', position: 'Chủ tịch UBND', unit: 'UBND xa Ninh Xuan', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Kinh tế', initiative: 'Zalo OA trả kết quả thủ tục hành chính', decision: 'QĐ số 1542/QĐ-UBND ngày 18/11/2022', achievement: 'Chỉ đạo triển khai trả kết quả qua Zalo OA.' },
  { name: 'Đặng Thị Kim Oanh', born: 1992, gender: 'Nữ', position: 'Công chức Tư pháp - Hộ tịch', unit: 'UBND phường Ninh Đa', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Luật', initiative: 'Bộ phận một cửa thân thiện', decision: 'QĐ số 1541/QĐ-UBND ngày 18/11/2022', achievement: 'Tiếp nhận, giải quyết hồ sơ hộ tịch.' },
  { name: 'Nguyễn Văn Hùng', born: 1980, gender: 'Nam', position: 'Phó Chủ tịch UBND', unit: 'UBND xã Ninh Thọ', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Hành chính', initiative: 'Sổ tay hướng dẫn thủ tục hành chính', decision: 'Chưa', achievement: 'Chỉ đạo biên soạn sổ tay thủ tục.' },
  { name: 'Bùi Thị Lan', born: 1987, gender: 'Nữ', position: 'Chuyên viên', unit: 'Phòng Quản lý đô thị', hometown: 'Cam Ranh, Khánh Hòa', qualification: 'Kỹ sư Xây dựng', initiative: 'Cấp phép xây dựng qua mạng', decision: 'QĐ số 1531/QĐ-UBND ngày 16/11/2022', achievement: 'Thẩm định hồ sơ cấp phép xây dựng trực tuyến.' },
  { name: 'Trương Công Danh', born: 1983, gender: 'Nam', position: 'Chuyên viên', unit: 'Phòng Tài nguyên Môi trường', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Kỹ sư Quản lý đất đai', initiative: 'Tra cứu hồ sơ đất đai qua mã QR', decision: 'QĐ số 1526/QĐ-UBND ngày 15/11/2022', achievement: 'Xây dựng cơ sở dữ liệu tra cứu hồ sơ đất đai.' },
  { name: 'Lê Văn Sang', born: 1979, gender: 'Nam', position: 'Trưởng phòng', unit: 'Phòng Văn hóa và Thông tin', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Báo chí', sipas: 95.2, initiative: 'Chuyên mục CCHC trên Cổng thông tin điện tử', decision: 'QĐ số 1527/QĐ-UBND ngày 15/11/2022', achievement: 'Chỉ đạo chuyên mục tuyên truyền CCHC.' },
  { name: 'Ngô Thị Thanh Tâm', born: 1991, gender: 'Nữ', position: 'Chuyên viên', unit: 'Phòng Giáo dục và Đào tạo', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Thạc sĩ Quản lý giáo dục', initiative: 'Tuyển sinh đầu cấp trực tuyến', decision: 'QĐ số 1528/QĐ-UBND ngày 15/11/2022', achievement: 'Vận hành hệ thống tuyển sinh trực tuyến.' },
  { name: 'Phan Văn Thành', born: 1986, gender: 'Nam', position: 'Phó Chủ tịch UBND', unit: 'UBND xã Ninh Phụng', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Luật', initiative: 'Số hóa sổ hộ tịch', decision: 'QĐ số 1544/QĐ-UBND ngày 18/11/2022' },
];

/** Past awards (src/core/history.ts): decision dates as real dates and as typed text, one without a date. */
let HISTORY: [number, string, string, string, Date | string | null, string][] = [
  [2020, 'Phòng Tư pháp', 'Giấy khen của Chủ tịch UBND thị xã', '1875/QĐ-UBND', new Date(Date.UTC(2020, 11, 18)), ''],
  [2021, 'Phòng Tư pháp', 'Tập thể Lao động tiên tiến', '2210/QĐ-UBND', '24/12/2021', ''],
  [2021, 'Phòng Nội vụ', 'Bằng khen của Chủ tịch UBND tỉnh', '3350/QĐ-UBND', new Date(Date.UTC(2021, 11, 10)), 'Thành tích CCHC giai đoạn 2016-2020'],
  [2021, 'UBND phường Ninh Hiệp', 'Giấy khen của Chủ tịch UBND thị xã', '2211/QĐ-UBND', '24/12/2021', ''],
  [2019, 'Nguyễn Thị Thu Hà', 'Chiến sĩ thi đua cơ sở', '1602/QĐ-UBND', new Date(Date.UTC(2019, 11, 20)), ''],
  [2021, 'Nguyễn Thị Thu Hà', 'Giấy khen của Chủ tịch UBND thị xã', '2212/QĐ-UBND', '24/12/2021', ''],
  [2020, 'Võ Thị Mai', 'Giấy khen của Chủ tịch UBND thị xã', '1876/QĐ-UBND', null, ''],
  [2021, 'Phòng Y tế', 'Giấy khen của Chủ tịch UBND thị xã', '2213/QĐ-UBND', '24/12/2021', ''],
];

function historySheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Lịch sử khen thưởng');
  const header = ['Năm', 'Tên tập thể/cá nhân', 'Danh hiệu/Hình thức', 'Số quyết định', 'Ngày quyết định', 'Ghi chú'];
  titles(ws, header.length, [TITLES.body, 'CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ NHẬN CỦA TẬP THỂ, CÁ NHÂN']);
  const h = 4;
  ws.getRow(h).values = header;
  headerStyle(ws, h, h, header.length);
  HISTORY.forEach((entry, i) => {
    const r = h + 1 + i;
    ws.getRow(r).values = entry;
    if (entry[4] instanceof Date) ws.getCell(r, 5).numFmt = 'dd/mm/yyyy';
    styleRange(ws, r, r, header.length, (c) => {
      c.font = FONT;
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  });
  [8, 32, 36, 16, 14, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: h }];
}

function styleRange(ws: ExcelJS.Worksheet, from: number, to: number, cols: number, f: (c: ExcelJS.Cell) => void): void {
  for (let r = from; r <= to; r++) for (let c = 1; c <= cols; c++) f(ws.getCell(r, c));
}

function titles(ws: ExcelJS.Worksheet, cols: number, lines: string[]): void {
  lines.forEach((text, i) => {
    ws.mergeCells(i + 1, 1, i + 1, cols);
    const c = ws.getCell(i + 1, 1);
    c.value = text;
    c.font = { ...FONT, bold: i < 2, italic: i === 2, size: i === 1 ? 14 : 12 };
    c.alignment = { horizontal: 'center' };
  });
}

function headerStyle(ws: ExcelJS.Worksheet, from: number, to: number, cols: number): void {
  styleRange(ws, from, to, cols, (c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
}

function collectiveSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Tập thể');
  const cols = 13;
  titles(ws, cols, [TITLES.body, `BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM ${TITLES.year}`, TITLES.source]);
  const top = 5;
  const sub = 6;
  const single: [number, string][] = [[1, 'STT'], [2, 'Tên cơ quan, đơn vị'], [3, 'Tỷ lệ hoàn thành nhiệm vụ CCHC (%)'], [9, 'Chỉ số SIPAS (%)'], [12, 'Thành tích nổi bật'], [13, 'Hình thức đề nghị']];
  for (const [c, text] of single) {
    ws.getCell(top, c).value = text;
    ws.mergeCells(top, c, sub, c);
  }
  const groups: [number, number, string, string[]][] = [
    [4, 6, 'Hồ sơ thủ tục hành chính', ['Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết đúng hạn', 'Tỷ lệ (%)']],
    [7, 8, 'Chỉ số PAR Index', ['Điểm', 'Xếp loại']],
    [10, 11, 'Sáng kiến, giải pháp', ['Tên sáng kiến, giải pháp', 'Quyết định công nhận']],
  ];
  for (const [from, to, parent, children] of groups) {
    ws.getCell(top, from).value = parent;
    ws.mergeCells(top, from, top, to);
    children.forEach((ch, i) => (ws.getCell(sub, from + i).value = ch));
  }
  headerStyle(ws, top, sub, cols);
  let r = sub + 1;
  let order = 0;
  const firstData = r;
  GROUPS.forEach(([heading, units]) => {
    ws.getCell(r, 1).value = heading.split('.')[0];
    ws.getCell(r, 2).value = heading.replace(/^[IVX]+\.\s*/, '');
    styleRange(ws, r, r, cols, (c) => {
      c.font = { ...FONT, bold: true };
      c.border = BORDER;
    });
    r++;
    for (const u of units) {
      order++;
      const row = ws.getRow(r);
      row.values = [order, u.name, u.task, u.files?.[0] ?? null, u.files?.[1] ?? null, u.filesRate ?? null, u.parScore, u.par, u.sipas, u.initiative, u.decision, u.achievement, u.pin ?? null];
      if (u.taskFraction) row.getCell(3).numFmt = PCT;
      if (typeof u.filesRate === 'number' && u.filesRate <= 1) row.getCell(6).numFmt = '0.00%';
      if (u.sipasFraction) row.getCell(9).numFmt = PCT;
      styleRange(ws, r, r, cols, (c) => {
        c.font = FONT;
        c.border = BORDER;
        c.alignment = { vertical: 'top', wrapText: true };
      });
      r++;
    }
  });
  ws.getCell(r, 2).value = 'Tổng cộng';
  // The cached results are the real sums, as Excel would have saved them.
  const all = GROUPS.flatMap(([, units]) => units);
  const sum = (i: 0 | 1) => all.reduce((s, u) => s + (u.files?.[i] ?? 0), 0);
  ws.getCell(r, 4).value = { formula: `SUM(D${firstData}:D${r - 1})`, result: sum(0) } as Cell;
  ws.getCell(r, 5).value = { formula: `SUM(E${firstData}:E${r - 1})`, result: sum(1) } as Cell;
  styleRange(ws, r, r, cols, (c) => {
    c.font = { ...FONT, bold: true };
    c.border = BORDER;
  });
  [6, 34, 14, 12, 12, 10, 8, 11, 10, 34, 30, 40, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: sub, xSplit: 2 }];
}

function individualSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Cá nhân');
  const header = ['TT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Chức vụ', 'Đơn vị công tác', 'Quê quán', 'Trình độ chuyên môn', 'Chỉ số SIPAS (%)', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Sáng kiến, giải pháp', 'Quyết định công nhận', 'Tóm tắt thành tích'];
  titles(ws, header.length, [TITLES.body, `DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM ${TITLES.year}`, '(Số liệu SIPAS, hồ sơ đúng hạn để trống thì lấy theo đơn vị)']);
  const h = 5;
  ws.getRow(h).values = header;
  headerStyle(ws, h, h, header.length);
  PEOPLE.forEach((p, i) => {
    const r = h + 1 + i;
    ws.getRow(r).values = [i + 1, p.name, p.born, p.gender, p.position, p.unit, p.hometown, p.qualification, p.sipas ?? null, p.onTime ?? null, p.initiative, p.decision, p.achievement ?? null];
    styleRange(ws, r, r, header.length, (c) => {
      c.font = FONT;
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  });
  [5, 24, 9, 8, 22, 30, 20, 22, 10, 12, 34, 30, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: h }];
}

/**
 * Re-packs the file with one fixed date on every entry, so that regenerating gives the same bytes
 * (no spurious git diff); folder entries are left out, as Excel itself writes none.
 */
function stable(xlsx: Buffer): Buffer {
  const from = new PizZip(xlsx);
  const to = new PizZip();
  for (const [name, file] of Object.entries(from.files)) {
    if (file.dir) continue;
    to.file(name, file.asUint8Array(), { date: FIXED_DATE, createFolders: false });
  }
  return to.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

let TITLES = { body: 'UBND THỊ XÃ NINH HÒA', year: '2022', source: '(Kèm theo Báo cáo số 215/BC-NV ngày 05/12/2022 của Phòng Nội vụ)', creator: 'Phòng Nội vụ thị xã Ninh Hòa', note: 'Số liệu tổng hợp đến ngày 30/11/2022. Tỷ lệ để trống thì tính từ số hồ sơ.' };

/**
 * The two-tier sample (templates/mau-xa-phuong-2026.xlsx): phường Ninh Hòa in 2026, its own offices
 * and centre, a school it manages, and two rows a clerk might still carry over that the phường's
 * chairman cannot commend — a thị xã office that ended on 01/7/2025 and another ward.
 */
function twoTier(): void {
  const d = (n: number) => `QĐ số ${n}/QĐ-UBND ngày 15/10/2026`;
  GROUPS = [
    ['I. CƠ QUAN, ĐƠN VỊ THUỘC UBND PHƯỜNG', [
      { name: 'Văn phòng HĐND và UBND', task: 98, files: [2100, 2096], parScore: 90.5, par: 'Xuất sắc', sipas: 96, initiative: 'Trợ lý ảo hướng dẫn thủ tục hành chính', decision: d(201), achievement: 'Tham mưu UBND phường triển khai đầy đủ kế hoạch cải cách hành chính năm 2026.' },
      { name: 'Phòng Kinh tế, Hạ tầng và Đô thị', task: 97, files: [1450, 1446], parScore: 89, par: 'Tốt', sipas: 95.2, initiative: 'Cấp phép xây dựng trực tuyến toàn trình', decision: d(202), achievement: 'Giải quyết trực tuyến toàn trình 100% hồ sơ cấp phép xây dựng.' },
      { name: 'Phòng Văn hóa - Xã hội', task: 96.5, files: [980, 977], parScore: 88.2, par: 'Tốt', sipas: 94.8, initiative: 'Chi trả an sinh xã hội không dùng tiền mặt', decision: d(203), achievement: 'Chi trả 95% trợ cấp xã hội qua tài khoản.' },
      { name: 'Trung tâm Phục vụ hành chính công phường', task: 98.5, files: [5200, 5195], parScore: 91, par: 'Xuất sắc', sipas: 97.1, initiative: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', decision: d(204), achievement: 'Tiếp nhận, giải quyết 5.200 hồ sơ; số hóa 100% kết quả.' },
      { name: 'Trường Tiểu học Ninh Hiệp', task: 95, files: [120, 120], parScore: 87, par: 'Tốt', sipas: 93, initiative: 'Tuyển sinh đầu cấp trực tuyến', decision: d(205), achievement: 'Tuyển sinh trực tuyến 100% học sinh lớp 1.' },
    ]],
    ['II. CHUYỂN TỪ DANH SÁCH CŨ', [
      { name: 'Phòng Nội vụ thị xã Ninh Hòa', task: 97, files: [356, 355], parScore: 90, par: 'Xuất sắc', sipas: 95.8, initiative: 'Số hóa hồ sơ cán bộ, công chức', decision: 'QĐ số 1524/QĐ-UBND ngày 15/11/2024', achievement: 'Số hóa hồ sơ cán bộ, công chức (trước ngày 01/7/2025).' },
      { name: 'UBND phường Đông Ninh Hòa', task: 97, files: [2860, 2855], parScore: 89.6, par: 'Tốt', sipas: 95.1, initiative: 'Tổ công nghệ số cộng đồng', decision: 'QĐ số 88/QĐ-UBND ngày 10/10/2026', achievement: 'Tỷ lệ hồ sơ trực tuyến đạt 70%.' },
    ]],
  ];
  PEOPLE = [
    { name: 'Phạm Thị Ngọc Ánh', born: 1984, gender: 'Nữ', position: 'Chánh Văn phòng', unit: 'Văn phòng HĐND và UBND', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Thạc sĩ Quản lý công', initiative: 'Trợ lý ảo hướng dẫn thủ tục hành chính', decision: d(201), achievement: 'Chủ trì xây dựng trợ lý ảo hướng dẫn thủ tục.' },
    { name: 'Nguyễn Văn Phúc', born: 1980, gender: 'Nam', position: 'Trưởng phòng', unit: 'Phòng Kinh tế, Hạ tầng và Đô thị', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Kỹ sư Xây dựng', initiative: 'Cấp phép xây dựng trực tuyến toàn trình', decision: d(202), achievement: 'Chỉ đạo cấp phép xây dựng trực tuyến toàn trình.' },
    { name: 'Lê Thị Thanh Thúy', born: 1989, gender: 'Nữ', position: 'Phó Trưởng phòng', unit: 'Phòng Văn hóa - Xã hội', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Công tác xã hội', initiative: 'Chi trả an sinh xã hội không dùng tiền mặt', decision: d(203), achievement: 'Triển khai chi trả không dùng tiền mặt.' },
    { name: 'Trần Minh Khoa', born: 1982, gender: 'Nam', position: 'Giám đốc', unit: 'Trung tâm Phục vụ hành chính công phường', hometown: 'Vạn Ninh, Khánh Hòa', qualification: 'Cử nhân Luật', initiative: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', decision: d(204), achievement: 'Chỉ đạo số hóa hồ sơ, kết quả.' },
    { name: 'Hồ Thị Kim Yến', born: 1995, gender: 'Nữ', position: 'Chuyên viên', unit: 'Trung tâm Phục vụ hành chính công phường', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Hành chính', initiative: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', decision: d(204), achievement: 'Trực tiếp số hóa hồ sơ tại Bộ phận một cửa.' },
    { name: 'Đỗ Văn Hải', born: 1976, gender: 'Nam', position: 'Trưởng phòng', unit: 'Phòng Nội vụ thị xã Ninh Hòa', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Luật', initiative: 'Số hóa hồ sơ cán bộ, công chức', decision: 'QĐ số 1524/QĐ-UBND ngày 15/11/2024', achievement: 'Chỉ đạo số hóa hồ sơ cán bộ (trước ngày 01/7/2025).' },
    { name: 'Võ Thị Mai', born: 1988, gender: 'Nữ', position: 'Công chức', unit: 'UBND phường Đông Ninh Hòa', hometown: 'Ninh Hòa, Khánh Hòa', qualification: 'Cử nhân Hành chính', initiative: 'Tổ công nghệ số cộng đồng', decision: 'QĐ số 88/QĐ-UBND ngày 10/10/2026', achievement: 'Hướng dẫn người dân nộp hồ sơ trực tuyến.' },
  ];
  HISTORY = [[2025, 'Văn phòng HĐND và UBND', 'Giấy khen của Chủ tịch UBND phường Ninh Hòa', '95/QĐ-UBND', '20/12/2025', '']];
  TITLES = { body: 'UBND PHƯỜNG NINH HÒA', year: '2026', source: '(Kèm theo Báo cáo số 41/BC-VP ngày 01/12/2026 của Văn phòng HĐND và UBND phường)', creator: 'Văn phòng HĐND và UBND phường Ninh Hòa', note: 'Số liệu tổng hợp đến ngày 30/11/2026.' };
}

async function main(): Promise<void> {
  // "two-tier" as the last argument: the phường sample (written beside the seed's, or to the path given first).
  if (process.argv[process.argv.length - 1] === 'two-tier') twoTier();
  const out = TITLES.year === '2026' ? (process.argv[2] && process.argv[2] !== 'two-tier' ? path.resolve(process.argv[2]) : path.resolve(__dirname, '../../../templates/mau-xa-phuong-2026.xlsx')) : OUT;
  const wb = new ExcelJS.Workbook();
  wb.creator = TITLES.creator;
  // A fixed date keeps the file byte-stable from one build to the next.
  wb.created = FIXED_DATE;
  wb.modified = wb.created;
  collectiveSheet(wb);
  individualSheet(wb);
  historySheet(wb);
  const notes = wb.addWorksheet('Ghi chú');
  notes.getCell('A1').value = TITLES.note;
  await fs.writeFile(out, stable(Buffer.from(await wb.xlsx.writeBuffer())));
  process.stdout.write(`Written: ${path.relative(process.cwd(), out)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
