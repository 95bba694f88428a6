/**
 * Writes the varied corpora in test/fixtures/parse/varied/ (`npx tsx test/support/parse-corpus.ts`):
 * 150+ messages per newer form, each built from phrasings secretaries use (label first or count
 * first, lists over several lines, abbreviations, with or without diacritics, Telex residue), with
 * the values a reader takes from it, plus non-reports (questions, notices, paragraphs, other forms).
 * Seeded: the same files every run.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { prng } from "./prng.js";

const OUT = fileURLToPath(new URL("../fixtures/parse/varied/", import.meta.url));
const rand = prng(1606);
const int = (a: number, b: number): number => a + Math.floor(rand() * (b - a + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number): boolean => rand() < p;

interface Line {
  text: string;
  now: string;
  expect: Record<string, unknown>;
  kind: string;
}

function strip(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

const TONES: Record<string, string> = { "\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j" };
/** "hộ" → "hooj": a word typed in Telex with the tone key left in. */
function telexWord(w: string): string {
  let tone = "";
  let out = "";
  for (const ch of w.normalize("NFD")) {
    if (TONES[ch]) tone = TONES[ch] as string;
    else if (ch === "\u0302") out += out.slice(-1);
    else if (ch === "\u0306") out += "w";
    else if (ch === "\u031b") out += "w";
    else if (ch === "đ") out += "dd";
    else if (ch === "Đ") out += "DD";
    else out += ch;
  }
  return out + tone;
}

function style(text: string): string {
  const r = rand();
  if (r < 0.4) return text;
  if (r < 0.75) return strip(text);
  if (r < 0.88) return strip(text).toLowerCase();
  // Telex residue on a few words.
  return text.split(" ").map((w) => {
    const m = /^(.*?)([^\p{L}]*)$/su.exec(w) as RegExpExecArray;
    return /[^\x00-\x7f]/.test(m[1] as string) && chance(0.5) ? telexWord(m[1] as string) + m[2] : w;
  }).join(" ");
}

const VILLAGES = ["Nà Làng", "Bản Chang", "Pò Lài", "Khuổi Hẩu", "Nặm Rì", "Đồng Mé", "Pác Cáy", "Tà Chu", "Co Loi", "Kéo Cặp", "Bó Pia", "Nà Sla"];
const NAMES = ["Hoàng Văn Lâm", "Nông Thị Duyên", "Lường Văn Toàn", "Vi Thị Hằng", "Triệu Văn Phong", "Hà Văn Tú", "Lăng Văn Sơn", "Bế Thị Mai", "Lục Văn Kiên", "Đinh Thị Nga", "Mã Văn Hùng", "Chu Thị Hoa"];
const ROMAN = ["I", "II", "III", "IV"];
const UNITS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/** 0–999 in words: "hai trăm tám mươi tám". */
function words(n: number): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const parts: string[] = [];
  if (h > 0) parts.push(UNITS[h] as string, "trăm");
  if (t > 1) parts.push(UNITS[t] as string, "mươi");
  else if (t === 1) parts.push("mười");
  else if (h > 0 && u > 0) parts.push("linh");
  if (u > 0) parts.push(t >= 2 && u === 1 ? "mốt" : t >= 1 && u === 5 ? "lăm" : (UNITS[u] as string));
  return parts.join(" ");
}

function dots(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function money(vnd: number): string {
  const k = vnd / 1000;
  const options: string[] = [`${dots(vnd)}đ`, `${dots(vnd)} đồng`, `${k}k`, `${k} nghìn`, `${dots(vnd)} đ`];
  if (k < 1000) options.push(`${k} ngàn`, `${words(k)} nghìn đồng`, `0,${String(k).padStart(3, "0")} tr`);
  if (vnd >= 1_000_000 && vnd % 100_000 === 0) {
    const m = Math.floor(vnd / 1_000_000);
    const rest = (vnd % 1_000_000) / 100_000;
    options.push(rest ? `${m}tr${rest}` : `${m} triệu`, rest ? `${m},${rest} triệu` : `${m}tr`);
  }
  return pick(options);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T${String(int(7, 20)).padStart(2, "0")}:${pick(["00", "15", "30", "45"])}:00+07:00`;
}

function joinParts(parts: string[]): string {
  const sep = pick([", ", "; ", "\n", "\n- ", " - ", ". "]);
  return parts.join(sep);
}

function shuffleSome<T>(xs: T[]): T[] {
  const out = [...xs];
  if (chance(0.3)) for (let i = out.length - 1; i > 0; i--) { const j = int(0, i); [out[i], out[j]] = [out[j] as T, out[i] as T]; }
  return out;
}

// --- village quarterly ---------------------------------------------------------------------

function village(): Line {
  const y = pick([2025, 2026]);
  const q = int(1, 4);
  const nowY = q === 4 ? y + 1 : y;
  const nowM = q === 4 ? 1 : q * 3 + 1;
  const now = iso(nowY, nowM, int(1, 12));
  const v = pick(VILLAGES);
  const expect: Record<string, unknown> = { period: `${y}-Q${q}` };
  const head = pick([
    `Số liệu thôn ${v} quý ${q}:`, `thôn ${v} quý ${pick(ROMAN.slice(q - 1, q))}/${y}:`, `bc số liệu quý ${q}`, `${v} - quý ${q} năm ${y}:`,
    `Báo cáo số liệu thôn quý ${ROMAN[q - 1]}:`, `quý ${q} thôn ${v}:`, `Số liệu quý ${q}/${y} của thôn ${v}`,
  ]);
  if (chance(0.12)) {
    const parts: string[] = [];
    const unchanged = pick(["không thay đổi so với quý trước", "số liệu như quý trước", "giữ nguyên như quý trước", "ko thay đổi gì so với quý trước"]);
    expect.unchanged = true;
    if (chance(0.6)) {
      const n = int(0, 30);
      const f = pick(["poor_households", "members", "women_union"] as const);
      expect[f] = n;
      parts.push(f === "poor_households" ? pick([`riêng hộ nghèo giảm còn ${n}`, `chỉ có hộ nghèo ${n}`]) : f === "members" ? `riêng đảng viên tăng lên ${n + 10}` : `chỉ khác hội PN ${n + 40}`);
      if (f === "members") expect[f] = n + 10;
      if (f === "women_union") expect[f] = n + 40;
    }
    return { text: style(`${head} ${unchanged}${parts.length ? ", " + parts.join(", ") : ""}`), now, expect, kind: "village-quarterly" };
  }
  const hh = int(40, 460);
  const pop = Math.round(hh * (3.5 + rand() * 1.4));
  const parts: string[] = [];
  const hhText = pick([`${hh} hộ`, `hộ ${hh}`, `số hộ: ${hh}`, `${hh} hộ gia đình`, `tổng số hộ ${hh}`]);
  const popText = pick([`${dots(pop)} khẩu`, `${pop} nhân khẩu`, `khẩu ${pop}`, `dân số ${dots(pop)}`, `${pop} người`, `nhân khẩu: ${pop}`]);
  expect.households = hh;
  expect.population = pop;
  parts.push(hhText, popText);
  if (chance(0.6)) {
    const poor = chance(0.1) ? 0 : int(1, 30);
    expect.poor_households = poor;
    parts.push(poor === 0 ? pick(["không có hộ nghèo", "hộ nghèo: 0"]) : pick([`${poor} hộ nghèo`, `hộ nghèo ${poor}`, `hộ nghèo: ${poor} hộ`]));
  }
  if (chance(0.5)) {
    const near = int(0, 30);
    expect.near_poor_households = near;
    parts.push(pick([`${near} hộ cận nghèo`, `hộ cận nghèo ${near}`, `cận nghèo ${near}`, `${near} cận nghèo`]));
  }
  if (chance(0.55)) {
    if (chance(0.5)) {
      const ha = int(30, 1500);
      expect.area_km2 = ha / 100;
      parts.push(pick([`${ha} ha`, `diện tích ${ha} ha`, `dt tự nhiên ${ha}ha`]));
    } else {
      const km = int(2, 150) / 10;
      expect.area_km2 = km;
      const s = String(km).replace(".", ",");
      parts.push(pick([`diện tích ${s} km2`, `dt ${s}km2`, `diện tích: ${s} km²`, `dt ${s} km2`]));
    }
  }
  const members = int(8, 70);
  expect.members = members;
  let mem = pick([`${members} đv`, `đv ${members}`, `chi bộ ${members} đảng viên`, `đảng viên: ${members}`, `tổng số đv ${members}`]);
  if (chance(0.6)) {
    const pr = int(0, 5);
    expect.probationary = pr;
    mem += pick([` (${pr} dự bị)`, `, dự bị ${pr}`, ` trong đó ${pr} dự bị`, `, db ${pr}`]);
  }
  parts.push(mem);
  const unions: [string, string[]][] = [
    ["women_union", ["PN {n}", "HPN {n}", "hội phụ nữ {n}", "chi hội PN {n} hội viên", "phụ nữ: {n}"]],
    ["farmers_union", ["ND {n}", "HND {n}", "hội nông dân {n}", "nông dân {n} hv"]],
    ["veterans_union", ["CCB {n}", "hội CCB {n}", "cựu chiến binh {n}"]],
    ["youth_union", ["ĐTN {n}", "chi đoàn {n}", "đoàn thanh niên {n}", "chi đoàn {n} đoàn viên"]],
  ];
  if (chance(0.7)) {
    for (const [k, forms] of unions) {
      if (chance(0.15)) continue;
      const n = k === "veterans_union" ? int(3, 30) : int(10, 180);
      expect[k] = n;
      parts.push(pick(forms).replace("{n}", String(n)));
    }
  }
  if (chance(0.4)) {
    const isHead = chance(0.6);
    expect.secretary_is_village_head = isHead;
    parts.push(isHead ? pick(["Bí thư kiêm trưởng thôn", "bt kiêm trưởng thôn", "bí thư đồng thời là trưởng thôn"]) : pick(["bí thư không kiêm trưởng thôn", "bt ko kiêm trưởng thôn"]));
  }
  return { text: style(`${head} ${joinParts(shuffleSome(parts.slice(0, 2)).concat(parts.slice(2)))}`), now, expect, kind: "village-quarterly" };
}

// --- party dues --------------------------------------------------------------------------------

function dues(): Line {
  const y = pick([2025, 2026]);
  const m = int(1, 12);
  const day = int(15, 28);
  const now = iso(y, m, day);
  const expect: Record<string, unknown> = { period: `${y}-${String(m).padStart(2, "0")}` };
  const head = pick([`Đp tháng ${m}:`, `bc đảng phí T${m}:`, `thu dp tháng ${m}/${y}:`, `Đảng phí tháng ${m}`, `đp t${m} cb thôn ${pick(VILLAGES)}:`, `Báo cáo thu nộp đảng phí tháng ${m}:`]);
  const liable = int(8, 60);
  const unpaid = chance(0.6) ? 0 : int(1, 3);
  const paid = liable - unpaid;
  const rate = pick([10_000, 12_000, 15_000, 20_000, 8_000]);
  const amount = paid * rate;
  const parts: string[] = [];
  expect.paid = paid;
  if (unpaid === 0) {
    expect.liable = liable;
    parts.push(pick([`${liable} đv thu đủ`, `thu đủ ${liable}/${liable}`, `${liable}/${liable} đv đã nộp`, `${liable} đảng viên đã đóng đủ 100%`, `tổng số ${liable} đv, đã thu ${liable}`]));
  } else {
    expect.liable = liable;
    expect.unpaid = unpaid;
    parts.push(pick([
      `thu ${paid}/${liable} đv, còn ${unpaid} đ/c chưa đóng`,
      `${liable} đv, đã thu ${paid}, còn ${unpaid} chưa nộp`,
      `tổng số ${liable} đv phải đóng, đã đóng ${paid}, còn ${unpaid} đ/c chưa đóng`,
      `${paid}/${liable} đảng viên đã đóng, ${unpaid} đ/c đi làm ăn xa chưa đóng`,
    ]));
  }
  expect.amount_vnd = amount;
  parts.push(pick(["tổng ", "số tiền ", "tổng thu ", "thu được ", ""]) + money(amount));
  const r = rand();
  if (r < 0.45) {
    const rd = int(Math.max(1, day - 10), day - 1);
    const remitted = chance(0.5) ? Math.round(amount / 2 / 1000) * 1000 : undefined;
    expect.remitted = true;
    expect.remitted_date = `${y}-${String(m).padStart(2, "0")}-${String(rd).padStart(2, "0")}`;
    if (remitted !== undefined) expect.remitted_vnd = remitted;
    const amt = remitted !== undefined ? ` ${money(remitted)}` : "";
    parts.push(pick([`đã nộp ĐUX${amt} ngày ${rd}/${m}`, `nộp lên đảng ủy xã${amt} ngày ${rd}/${m}`, `trích nộp cấp trên${amt} ngày ${rd}/${m}`, `đã chuyển về Đảng ủy${amt} hôm ${rd}/${m}`]));
  } else if (r < 0.6) {
    expect.remitted = false;
    parts.push(pick(["chưa nộp đảng ủy", "chưa nộp lên xã", "mai em nộp lên xã", "tuần sau nộp ĐUX"]));
  }
  return { text: style(`${head} ${joinParts(parts)}`), now, expect, kind: "party-dues" };
}

// --- admissions --------------------------------------------------------------------------------

function admissions(): Line {
  const y = pick([2025, 2026]);
  const yearly = chance(0.6);
  const q = int(1, 4);
  const now = yearly ? iso(y, 12, int(5, 28)) : iso(q === 4 ? y + 1 : y, q === 4 ? 1 : q * 3 + 1, int(2, 12));
  const expect: Record<string, unknown> = {};
  const head = yearly
    ? (() => { expect.period = String(y); return pick([`Năm ${y} chi bộ`, `bc công tác phát triển đảng năm ${y}:`, `Kết quả năm ${y}:`, `năm ${y} cb`]); })()
    : (() => { expect.period = `${y}-Q${q}`; return pick([`quý ${q} cb`, `BC phát triển đảng viên quý ${ROMAN[q - 1]}/${y}:`, `Quý ${q}/${y} chi bộ`]); })();
  const parts: string[] = [];
  const admitted = chance(0.15) ? 0 : int(1, 5);
  expect.admitted = admitted;
  if (admitted === 0) parts.push(pick(["chưa kết nạp được ai", "không kết nạp được đảng viên nào", "kết nạp: 0"]));
  else {
    const women = int(0, admitted);
    const minority = int(0, admitted);
    const youth = int(0, admitted);
    const religious = chance(0.3) ? int(0, Math.min(1, admitted)) : 0;
    const withBreakdown = chance(0.75);
    let s = pick([`kết nạp ${admitted} đảng viên mới`, `kết nạp được ${admitted} đv`, `kết nạp ${admitted} quần chúng vào Đảng`, `kết nạp: ${admitted}`]);
    if (withBreakdown) {
      expect.women = women;
      expect.ethnic_minority = minority;
      const pieces = [`${women} nữ`, `${minority} dtts`];
      const labelled = [`nữ ${women}`, `dân tộc thiểu số ${minority}`];
      if (youth > 0) { expect.youth_union = youth; pieces.push(`${youth} đoàn viên`); labelled.push(`đoàn viên ${youth}`); }
      if (religious > 0) { expect.religious = religious; pieces.push(`${religious} có đạo`); labelled.push(`tôn giáo ${religious}`); }
      s += pick([` (${pieces.join(", ")})`, `, trong đó ${labelled.join(", ")}`, `: ${pieces.join(", ")}`]);
    }
    parts.push(s);
  }
  if (chance(0.6)) {
    const made = int(1, 4);
    expect.made_full = made;
    parts.push(pick([`chuyển chính thức ${made} đ/c`, `chuyển đảng chính thức cho ${made} đồng chí`, `đã chuyển chính thức ${made} đv dự bị`, `Chuyển chính thức: ${made}`]));
  }
  if (chance(0.45)) {
    const names = chance(0.7) ? [pick(NAMES)] : [NAMES[int(0, 5)] as string, NAMES[int(6, 11)] as string];
    expect.pending_full = names;
    parts.push(pick([
      `đang làm hồ sơ chuyển chính thức cho ${names.map((n) => `đ/c ${n}`).join(" và ")}`,
      `chờ chuyển chính thức: ${names.map((n) => `đ/c ${n}`).join(", ")}`,
      `đang làm thủ tục chuyển chính thức cho đ/c ${names.join(", đ/c ")}`,
    ]));
  }
  return { text: style(`${head} ${parts.join(pick([". ", "; ", "\n", ". "]))}`), now, expect, kind: "admissions" };
}

// --- annual rating ------------------------------------------------------------------------------

function rating(): Line {
  const y = pick([2024, 2025, 2026]);
  const now = chance(0.7) ? iso(y, 12, int(10, 30)) : iso(y + 1, 1, int(2, 15));
  const expect: Record<string, unknown> = { period: String(y) };
  const htxs = int(0, 5);
  const htt = int(8, 40);
  const ht = int(0, 6);
  const kht = chance(0.6) ? 0 : int(1, 2);
  Object.assign(expect, { htxs, htt, ht, kht });
  const head = pick([`Kết quả xếp loại đv năm ${y}:`, `xếp loại đảng viên ${y}:`, `Đánh giá, xếp loại đảng viên năm ${y}:`, `kq xl dv năm ${y}:`, `BC xếp loại chất lượng đảng viên năm ${y}`]);
  const style1 = int(0, 3);
  let body: string;
  const khtText = (label: string): string => (kht === 0 && chance(0.4) ? pick([`không có ${label}`, `${label} không có`]) : `${label} ${kht}`);
  if (style1 === 0) body = `HTXS ${htxs}, HTT ${htt}, HT ${ht}, ${khtText("KHT")}`;
  else if (style1 === 1) body = `${htxs} htxs, ${htt} htt, ${ht} ht, ${kht} kht`;
  else if (style1 === 2) body = `hoàn thành xuất sắc nhiệm vụ ${htxs} đ/c; hoàn thành tốt nhiệm vụ ${htt} đ/c; hoàn thành nhiệm vụ ${ht} đ/c; ${khtText("không hoàn thành nhiệm vụ")}`;
  else body = `\nHTXS: ${htxs}\nHTT: ${htt}\nHT: ${ht}\nKHT: ${kht}`;
  const parts = [body];
  if (chance(0.4)) {
    const u = int(1, 3);
    expect.unrated = u;
    parts.push(pick([`${u} đ/c miễn sinh hoạt không xếp loại`, `không xếp loại ${u} (đv dự bị mới kết nạp)`, `${u} đv chưa xếp loại`]));
  }
  if (chance(0.5)) {
    const lvl = pick(["HTXS", "HTT", "HT"] as const);
    expect.cell_self_level = lvl;
    const word = { HTXS: "hoàn thành xuất sắc nhiệm vụ", HTT: "hoàn thành tốt nhiệm vụ", HT: "hoàn thành nhiệm vụ" }[lvl];
    parts.push(pick([`Chi bộ tự xếp loại ${lvl}`, `cb tự đánh giá ${lvl.toLowerCase()}`, `Chi bộ đề nghị xếp loại ${word}`]));
  }
  return { text: style(`${head} ${parts.join(pick([". ", "\n", "; "]))}`), now, expect, kind: "annual-rating" };
}

// --- non-reports ---------------------------------------------------------------------------------

const NON_REPORTS: Record<string, [string, string][]> = {
  "party-dues": [
    ["chatter", "Đảng viên nghỉ hưu đóng đảng phí bao nhiêu ạ?"],
    ["chatter", "dp thang nay nop cho ai vay a?"],
    ["meeting-notice", "Thông báo: các đ/c nộp đảng phí tháng này cho đ/c thủ quỹ trước ngày 20 nhé"],
    ["chatter", "Theo Quy định 342-QĐ/TW, đảng viên hưởng lương đóng đảng phí bằng 1% tiền lương, các đối tượng khác do cấp ủy quy định mức đóng hằng tháng."],
    ["monthly-meeting", "bc sh cb t11: hop toi 5/11, co mat 25/27, vang 2 cld. NQ: thu dp xong truoc 20/11"],
    ["village-quarterly", "Số liệu thôn Nà Làng quý 3: 168 hộ, 702 khẩu, đv 28, PN 95, ND 110"],
  ],
  "village-quarterly": [
    ["chatter", "Hộ cận nghèo có tính vào số hộ nghèo không ạ?"],
    ["meeting-notice", "Đề nghị các đ/c bí thư chi bộ thôn gửi số liệu quý 4 về văn phòng đảng ủy trước ngày 10/1"],
    ["chatter", "Năm nay toàn xã giảm được 120 hộ nghèo, tỷ lệ hộ nghèo còn 8,5%, các chi bộ thôn đã tích cực vận động nhân dân phát triển kinh tế."],
    ["party-dues", "Đp tháng 9: 20/20 đv, 240.000đ, đã nộp ĐUX ngày 25/9"],
    ["chatter", "so lieu quy nay gui cho ai a?"],
    ["admissions", "năm 2025 chi bộ kết nạp 2 đv mới (1 nữ, 2 dtts), chuyển chính thức 1 đ/c"],
  ],
  admissions: [
    ["chatter", "Kết nạp đảng viên cần những thủ tục gì ạ?"],
    ["admission-proposal", "Chi bộ họp xét đề nghị kết nạp quần chúng Hoàng Thị Mến vào Đảng, 15/15 đ/c tán thành"],
    ["chatter", "Công tác phát triển đảng viên là nhiệm vụ thường xuyên, cần chú trọng kết nạp đoàn viên ưu tú, người dân tộc thiểu số, người có đạo."],
    ["meeting-notice", "Thông báo: chi bộ tổ chức lễ kết nạp đảng viên vào 19h ngày 5/12 tại nhà văn hóa"],
    ["chatter", "ho so chuyen chinh thuc can nhung giay to gi vay?"],
    ["annual-rating", "Kết quả xếp loại đv năm 2025: HTXS 3, HTT 20, HT 3, KHT 0"],
  ],
  "annual-rating": [
    ["chatter", "Đảng viên miễn sinh hoạt có phải xếp loại không ạ?"],
    ["meeting-notice", "Các đồng chí hoàn thành bản kiểm điểm cá nhân, nộp cho chi bộ trước ngày 15/12 để đánh giá xếp loại."],
    ["chatter", "Việc đánh giá, xếp loại chất lượng đảng viên hằng năm cần thực hiện thực chất, tránh hình thức, theo đúng hướng dẫn của cấp trên."],
    ["party-dues", "dp thang 12: 18/18 dv, 216.000d, da nop DUX ngay 15/12"],
    ["chatter", "htxs toi da bao nhieu phan tram vay?"],
    ["monthly-meeting", "Chi bộ sinh hoạt ngày 4/12, có mặt 20/22, vắng 2 có lý do, thảo luận kiểm điểm cuối năm"],
  ],
};

const GENERATORS: Record<string, () => Line> = { "village-quarterly": village, "party-dues": dues, admissions, "annual-rating": rating };

mkdirSync(OUT, { recursive: true });
for (const [form, gen] of Object.entries(GENERATORS)) {
  const lines: Line[] = [];
  for (let i = 0; i < 160; i++) lines.push(gen());
  for (const [kind, text] of NON_REPORTS[form] ?? []) {
    lines.push({ text, now: "2025-12-10T09:00:00+07:00", expect: {}, kind });
    lines.push({ text: strip(text).toLowerCase(), now: "2025-12-10T09:00:00+07:00", expect: {}, kind });
  }
  writeFileSync(`${OUT}${form}.jsonl`, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
}
