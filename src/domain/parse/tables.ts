import { foldSameLength } from "../text/fold-same-length.js";

/**
 * Tables typed or pasted into chat, brought to the shape the readers know: rows of cells between bars
 * ("Số hộ | 156"). Run by `prepare` on a message with a tab or a bar only; its `untable` step then reads
 * the rows as labelled lines ("Số hộ: 156").
 *
 * - Cells separated by tabs (a table pasted from a spreadsheet, "Kết nạp mới\t4\nNữ\t2") become cells
 *   between bars, on two or more rows in a run; a lone tab (a dateline laid out with tabs) stays a space.
 * - Rows framed by bars ("| Ngày họp | 03/4/2026 |") lose the frame; rows of dashes under a header
 *   ("|---|---|") go.
 * - A header naming the columns of label/value rows ("Nội dung | Kết quả", "Chỉ tiêu | Số liệu") goes, the
 *   rows under it read "Label: value" (text values too: "Địa điểm | Nhà văn hóa thôn").
 * - A list of people ("STT | Họ tên | Lý do\n1 | H'Linh Êban | mới sinh con") reads as the names, each with
 *   the rest of its row in brackets, after the line that announces it ("Vắng: H'Linh Êban (mới sinh con)").
 * - Labelled cells on one row ("ĐV: 24 | Đã đóng: 22 | Nộp xã: chưa") become one line each; labels and figures
 *   in turn ("Hộ | 312 | Khẩu | 1.244") "Hộ: 312, Khẩu: 1.244".
 * - A running number and a unit are no column ("STT | Chỉ tiêu | ĐVT | Số liệu" is "Chỉ tiêu | Số liệu").
 * - Bars drawn otherwise ("│", "｜") are bars; box rules ("├──┼──┤") go, as does bold ("| **Có mặt** | 35 |").
 */
// "HTXSNV          10          7": a row of cells lined up with runs of spaces, as a Word table pasted without its borders.
const RE_SPACED_ROW = /^[ \t]*\S[^\n]*?\S {2,}\S/m;
const RE_SPACED_CELL_GAP = / {2,}/;
const RE_SPACED_NUMBER = /^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?%?$/;

/**
 * Rows lined up with runs of two spaces or more, three or more in a run and each with a figure after its first cell,
 * made rows of tabbed cells (a line over them with its cells lined up the same way is their header, an empty first cell
 * kept): read as a pasted sheet is. `text` itself when it has no such run.
 */
export function spacedColumns(text: string): string {
  if (!text.includes("  ") || !RE_SPACED_ROW.test(text)) return text;
  const lines = text.split("\n");
  const cellsOf = (line: string): string[] => (line.trim() === "" ? [] : line.replace(/\s+$/, "").split(RE_SPACED_CELL_GAP).map((c) => c.trim()));
  const row = (line: string): boolean => {
    const cells = cellsOf(line);
    return cells.length >= 2 && cells.length <= 8 && (cells[0] as string) !== "" && cells.slice(1).every((c) => RE_SPACED_NUMBER.test(c));
  };
  let changed = false;
  for (let i = 0; i < lines.length; ) {
    if (!row(lines[i] as string)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && row(lines[j] as string)) j++;
    const width = cellsOf(lines[i] as string).length;
    if (j - i >= 3 && lines.slice(i, j).every((l) => cellsOf(l).length === width)) {
      for (let k = i; k < j; k++) lines[k] = cellsOf(lines[k] as string).join("\t");
      // The header above: its cells lined up the same way, the first one maybe left empty ("          Đăng ký    Kết quả").
      const head = i > 0 ? (lines[i - 1] as string) : "";
      const heads = cellsOf(head).filter((h) => h !== "");
      const blankFirst = /^ {2,}\S/.test(head);
      if (heads.length >= 2 && heads.length + (blankFirst ? 1 : 0) === width && !heads.some((h) => RE_SPACED_NUMBER.test(h))) {
        // (The corner left blank over the rows' labels is named as a sheet would name it.)
        lines[i - 1] = `${blankFirst ? "Chỉ tiêu\t" : ""}${heads.join("\t")}`;
      }
      changed = true;
    }
    i = j;
  }
  return changed ? lines.join("\n") : text;
}

export function shapeTables(text: string): string {
  // "│", "｜": bars drawn with other characters.
  const barred = RE_OTHER_BAR.test(text) ? text.replace(RE_OTHER_BARS, "|") : text;
  let lines = text.includes("\r") ? barred.split(/\r\n?|\n/) : barred.split("\n");
  if (text.includes("\t")) lines = barTabs(lines);
  if (!lines.some((l) => l.includes("|"))) return lines.join("\n");
  joinWrappedCells(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isRule(line)) continue;
    if (!line.includes("|")) {
      out.push(line);
      continue;
    }
    // "| Tổng số ĐV | Xếp loại đảng viên |  |  |  | Không xếp loại |" over "|  | HTXS | HTT | HT | KHT |  |": a framed header of
    // merged cells over the sub-columns they span, one header, as a pasted sheet's is.
    const below = i + 1 < lines.length && !RE_DIGIT.test(line) ? mergedFramedHeader(line, lines[i + 1] as string) : null;
    if (below !== null) {
      lines[i + 1] = below;
      continue;
    }
    const row = plainRow(line);
    const f = foldSameLength(row);
    // "ĐV phải đóng: 24 | Đã đóng: 22 | Nộp xã: chưa": every cell a label and its value.
    const cells = row.split("|");
    // The same cells folded (a bar folds to itself, every character to one).
    const folded = f.split("|");
    if (cells.length >= 2 && folded.every((c) => RE_LABELLED_CELL.test(c))) {
      out.push(...cells.map((c) => c.trim()));
      continue;
    }
    // "Có mặt | 35 | Vắng | 3": labels and their figures, in turn.
    if (cells.length >= 4 && cells.length % 2 === 0 && folded.every((c, j) => (j % 2 === 0 ? RE_LABEL_CELL : RE_FIGURE_CELL).test(c))) {
      const pairs: string[] = [];
      for (let j = 0; j < cells.length; j += 2) pairs.push(`${(cells[j] as string).trim()}: ${(cells[j + 1] as string).trim()}`);
      out.push(pairs.join(", "));
      continue;
    }
    // "STT | Họ tên | Lý do": the rows under it name people.
    const list = listColumns(f);
    // "STT | Họ và tên | Chức vụ | ĐV tự xếp loại | Chi bộ đề nghị": each member's level; the table says how many reach each.
    // "STT | Họ và tên | Chức vụ | Có mặt | Vắng | Ghi chú": a roll call; who came and who did not, counted.
    const tally = list ? (tallyLevels(lines, i, folded) ?? rollCall(lines, i, folded, list.name)) : null;
    if (tally) {
      out.push(...tally.lines);
      i = tally.last;
      continue;
    }
    if (list) {
      const heads = cells.map((c) => c.trim());
      const items: string[] = [];
      // "… | Mức đóng (đ) | Đã đóng" with "x" or nothing: those with no mark have not paid.
      const paidColumn = folded.findIndex((c) => RE_PAID_COLUMN.test(c.trim()));
      // ("Đối tượng" of a dues list: "Nông dân", "Hưu trí" are what a member pays by, no union's count.)
      const dues = paidColumn > 0 || folded.some((c) => RE_DUES_COLUMN.test(c.trim()) || RE_MONTH_COLUMN.test(c.trim()));
      const byKind = dues ? folded.findIndex((c) => RE_MEMBER_KIND_COLUMN.test(c.trim())) : -1;
      const unpaid: string[] = [];
      const leave = folded.findIndex((c) => RE_LEAVE_COLUMN.test(c.trim()));
      let k = i + 1;
      for (; k < lines.length; k++) {
        const next = lines[k] as string;
        if (isRule(next)) continue;
        if (!next.includes("|")) break;
        const cols = unframe(next).split("|").map((c) => c.trim());
        const name = cols[list.name] ?? "";
        if (name === "" || !/^\p{L}/u.test(name) || (list.index >= 0 && !/^\d{1,3}[.)]?$/.test(cols[list.index] ?? ""))) break;
        // "x" under "Đoàn viên": the column's name says what the mark does.
        // ("Không" under it: no mark.)
        const said = (c: string, j: number): string => {
          // ("Có" or "Không" under "Có báo cáo trước": leave asked or not.)
          if (j === leave) return RE_MARK.test(c) ? "có xin phép" : RE_NO_MARK.test(c) ? "không xin phép" : c;
          if (j === list.name || j === list.index || j === byKind || RE_NO_MARK.test(c)) return "";
          // ("(không rõ)": a cell's own brackets dropped, the item's go round it.)
          return RE_MARK.test(c) ? (heads[j] ?? "") : c.replace(RE_BRACKETED_CELL, "$1");
        };
        const rest = cols.map(said).filter((c) => c !== "");
        items.push(rest.length > 0 ? `${name} (${rest.join(", ")})` : name);
        // ("… | 0 | Chưa nộp - đi làm ăn xa": or a remark that says so.)
        // ("8 | Hồ Văn Nam | | | | 0" in a ledger of months: nothing paid in any of them.)
        const nothing = dues && paidColumn < 0 && cols.every((c, j) => j === list.name || j === list.index || c === "" || c === "0");
        if ((paidColumn > 0 && !RE_MARK.test(cols[paidColumn] ?? "")) || cols.some((c) => RE_NOT_PAID_CELL.test(foldSameLength(c))) || nothing) unpaid.push(name);
      }
      if (items.length > 0) {
        // (A blank line between the title and the table parts nothing.)
        let before = out.length - 1;
        while (before > 0 && (out[before] as string).trim() === "") before--;
        if (before >= 0 && /:\s*$/.test(out[before] as string)) out.length = before + 1;
        const prev = out.length > 0 ? (out[out.length - 1] as string) : "";
        // "Vắng:" over the table: the names follow it on its line; "Chưa đóng: 2" over it: the two named after the count.
        if (/:\s*$/.test(prev)) out[out.length - 1] = `${prev.trimEnd()} ${items.join(", ")}`;
        else if (RE_COUNT_LINE.test(foldSameLength(prev)) || RE_COUNT_TAIL.test(foldSameLength(prev))) out[out.length - 1] = `${prev.trimEnd()} - ${items.join(", ")}`;
        // "Danh sách vắng SH tháng 10 – CB TDP Đông Tiến" over the table: the title stays, the names follow what it
        // lists, on a line of their own ("Vắng: Nguyễn Văn Hải (…), …").
        else if (RE_LIST_TITLE.test(foldSameLength(prev))) out.push(`${LIST_OF[(RE_LIST_TITLE.exec(foldSameLength(prev)) as RegExpExecArray)[1] as string] ?? "Danh sách"}: ${items.join(", ")}`);
        // "KN Q1/2026 – cb ấp Rạch Gòi" over the table: a title with no colon heads the names as "Kết nạp:" does.
        // ("DANH SÁCH ĐẢNG VIÊN ĐƯỢC KẾT NẠP NĂM 2025\nChi bộ bản Nà Hìn" over it: the list's title a line higher says what it lists.)
        else if (RE_TITLE_LINE.test(prev) && !RE_LIST_TITLE.test(foldSameLength(out[out.length - 2] ?? ""))) out[out.length - 1] = `${prev.trimEnd()}: ${items.join(", ")}`;
        // "Họ tên | Lý do vắng" under any line: the absent; "BC kết nạp … tháng 9/2026" over it: those admitted.
        // ("DANH SÁCH ĐẢNG VIÊN ĐƯỢC KẾT NẠP NĂM 2026\nChi bộ buôn …" over it: the title a line higher.)
        else out.push(`${listOf(f, foldSameLength(out.filter((l) => l.trim() !== "").slice(-2).join(" ")))}${items.join(", ")}`);
        if (unpaid.length > 0 && unpaid.length < items.length) out.push(`Chưa đóng: ${unpaid.join(", ")}`);
        // "Cộng | | | 801.000 | 791.000 | 10/12" under "… | Mức đóng (đ) | Đã nộp (đ) | …": the sum of what was paid, not
        // of what was due.
        // ("… | 10/12" in it: those who paid, of those who owe.)
        const sum = dues && k < lines.length ? paidSum(lines[k] as string, folded, list.name) : null;
        if (sum !== null) {
          out.push(`Tổng số tiền đã thu: ${sum.paid} đ`);
          if (sum.counted) out.push(`Đã đóng: ${sum.counted}`);
          k++;
        }
        // A dues list, a member a row, some marked as not paid: those who paid, of those listed.
        if (dues && !sum?.counted && unpaid.length > 0 && unpaid.length < items.length) out.push(`Đã đóng: ${items.length - unpaid.length}/${items.length}`);
        i = k - 1;
        continue;
      }
    }
    // "STT | Chỉ tiêu | ĐVT | Số liệu": the running number and the unit say nothing read; without them the
    // table is "Chỉ tiêu | Số liệu".
    if (dropColumns(lines, i, f)) {
      i--;
      continue;
    }
    // "Nội dung | Kết quả" over rows each named in its first cell: the header names nothing read. (With more
    // columns, "Nội dung | Chỉ tiêu | Kết quả", the rows are read by `untable`, the result's column chosen.)
    // "Chỉ tiêu | Số liệu | Ghi chú": a column of remarks after them, kept in brackets ("Số hộ: 356 (tăng 4 hộ)").
    const remarks = cells.length === 3 && RE_REMARK_COLUMN.test((folded[2] as string).trim());
    if ((cells.length === 2 || remarks) && isColumnHeader(f)) {
      let k = i + 1;
      while (k < lines.length && isRule(lines[k] as string)) k++;
      const nextCells = k < lines.length ? unframe(lines[k] as string).split("|") : [];
      if ((nextCells.length === cells.length || (remarks && nextCells.length === 2)) && /^\s*[-–—+•*]?\s*\p{L}/u.test(nextCells[0] as string)) {
        i = shapePairs(lines, k, out);
        continue;
      }
    }
    out.push(row);
  }
  return out.join("\n");
}

const RE_OTHER_BAR = /[│┃｜]/;
const RE_OTHER_BARS = /[│┃｜]/g;
// "|---|---|", "+-----+-----+", "|:--|--:|", "├────┼────┤": the rule under a header.
const RE_RULE_ROW = /^\s*[|+├┌└╞╟]?\s*:?[-=─━═]{2,}:?\s*(?:[|+┼┬┴╪╫]\s*:?[-=─━═]{2,}:?\s*)*[|+┤┐┘╡╢]?\s*$/;
/** A rule drawn between rows: dashes with a bar or a corner ("|---|---|", "+----+", "└────┘"), not a line of dashes alone. */
function isRule(line: string): boolean {
  return RE_RULE_ROW.test(line) && RE_RULE_MARK.test(line);
}
const RE_RULE_MARK = /[|+├┌└╞╟┼┬┴╪╫┤┐┘╡╢]/;
// "| **Có mặt** | 35 |": a cell made bold.
const RE_BOLD = /\*\*|__/g;
const RE_COLON_BAR = /\s*:\s*(?=\|)/g;
const RE_DIGIT = /\d/;

/** A row of cells unframed, with no colon before a bar ("| Có mặt: | 35 |": it says what the bar says) and no bold. */
function plainRow(line: string, framed = true): string {
  const row = framed ? unframe(line) : line.trim();
  const uncoloned = row.includes(":") ? row.replace(RE_COLON_BAR, " ") : row;
  return uncoloned.includes("**") || uncoloned.includes("__") ? uncoloned.replace(RE_BOLD, "") : uncoloned;
}
// "Có mặt", "35" / "2 (ốm)": a label cell, a figure cell.
const RE_LABEL_CELL = /^\s*[a-z][^\d|]{0,40}$/;
const RE_FIGURE_CELL = /^\s*\d+(?:[.,]\d+)*(?:\s*%|\s*\([^()|]{0,60}\))?\s*$/;
// "STT", "TT", "#": a column of running numbers.
// ("Mục | Nội dung | Số liệu": the items numbered under "Mục"; see `dropColumns`.)
const RE_INDEX_CELL = /^(?:stt|tt|so tt|so thu tu|#|ma|ma so|muc)$/;
const RE_UNIT_CELL = /^(?:dvt|don vi tinh|don vi)$/;
const RE_AREA_UNIT = /^(?:ha|km2|km²)$/i;
const RE_FIGURE_ONLY = /^\s*\d+(?:[.,]\d+)*\s*$/;
const RE_PERIOD_NAMED = /^(?:cung ky\s*)?(?:(?:quy|q|thang|nam)\s*[\divx]|\d{4}$)/;
// ("Kế hoạch năm 2025 | Thực hiện quý II/2025 | 6 tháng đầu năm 2026 | Lũy kế 9 tháng | So với KH (%)": a plan, a result,
// the months so far, named by their period.)
const RE_PLAN_OR_RESULT_OF = /^(?:(?:ke hoach|chi tieu|thuc hien|ket qua)(?: nam \d{4}| quy (?:[ivx]{1,3}|\d)\s*\/\s*\d{4}| \d{4})|(?:luy ke |cong )?\d{1,2} thang(?: (?:dau|cuoi) nam(?: \d{4})?)?)$/;
const RE_HEAD_OF_ROW = /^(?:nguoi dung dau|nguoi phu trach|phu trach|chu tich|chi hoi truong|bi thu|truong)$/;
/** A column of the tasks a meeting handed ("Nhiệm vụ", "Kết luận / giao việc"), and one of their deadlines ("Thời hạn"). */
// ("Nội dung công việc": the work to do, under a resolution's heading.)
export const RE_TASK_COLUMN = /^(?:ket luan|giao viec|nhiem vu giao|viec giao|cong viec|noi dung cong viec|nghi quyet|viec|nhiem vu)\b/;
export const RE_DUE_COLUMN = /^(?:thoi han|han(?: hoan thanh)?|thoi gian hoan thanh)$/;
const RE_INDEX_VALUE = /^(?:\d{1,3}(?:\.\d{1,2})?[.)]?|[a-d][.)]?|[ivx]{1,4}[.)]?|[-+•*])?$/;

/**
 * Drops the running-number and unit columns of the table whose header is row `i` ("STT | Chỉ tiêu | ĐVT | Số liệu"),
 * from the header and the rows under it with as many cells; not from a list of people ("STT | Họ tên"), read by name.
 * Returns whether it dropped any.
 */
const RE_CHANGE_HEAD = /^(?:so voi\b|so sanh\b|tang\b|giam\b|chenh lech\b|bien dong\b)[^|]*$/;
const RE_SHARE_CELL = /^(?:(?:ty|ti) le(?: \(?%\)?)?|%|[^|]*\(\s*%\s*\)|[^|]*\bty le\b[^|]*)$/;
function dropColumns(lines: string[], i: number, f: string): boolean {
  if (!f.includes("t") && !f.includes("#") && !f.includes("%") && !f.startsWith("muc")) return false;
  // Fewer than three columns: none to drop.
  if (f.indexOf("|") === f.lastIndexOf("|")) return false;
  const head = f.split("|").map((c) => c.trim());
  // ("Chỉ tiêu | ĐVT | Quý I/2026 | Quý II/2026": periods name columns, figures do not.)
  // ("Nội dung | Kế hoạch 2026 | Thực hiện 2026 | Tỷ lệ": nor do a plan's and a result's year.)
  if (head.length < 3 || head.some((c) => RE_DIGIT.test(c) && !RE_PERIOD_NAMED.test(c) && !RE_PLAN_OR_RESULT_OF.test(c))) return false;
  // "Đơn vị" first names the cell of each row ("Đơn vị | Ngày SH | …" over "TDP Mễ Nội | 06/8 | …"), no unit.
  // "Đoàn thể | Người đứng đầu | Số hội viên": who heads each row's body is no figure read either.
  // "Mức xếp loại | Tỷ lệ % | Số lượng", "Năm 2025 (SL) | Năm 2025 (%)": a share beside the count is no count.
  // "Chỉ tiêu | Quý III/2026 | So với quý II | Ghi chú": how each figure moved ("tăng 2", "không đổi") is no figure, after
  // the one column of figures.
  // ("STT | Nhiệm vụ | Người phụ trách | Thời hạn": who carries out each task is read with it.)
  const tasks = head.some((c) => RE_TASK_COLUMN.test(c) || RE_DUE_COLUMN.test(c));
  // ("Mục" folds as "Mức", the level: a column of running numbers only when the row under it opens on one.)
  const numbered = (c: string): boolean => RE_INDEX_CELL.test(c) && (c !== "muc" || /^\s*\|?\s*\d{1,2}\s*\|/.test(lines[i + 1] ?? ""));
  const drop = head.map((c, j) => (j === 0 ? numbered(c) : RE_UNIT_CELL.test(c) || RE_SHARE_CELL.test(c) || (j >= 2 && RE_CHANGE_HEAD.test(c)) || (!tasks && j < head.length - 1 && RE_HEAD_OF_ROW.test(c))));
  if (!drop.includes(true)) return false;
  // ("Diện tích tự nhiên | ha | 1.240 | 1.240": an area's unit stays with its figures.)
  const unitAt = drop.findIndex((d, j) => d && j > 0);
  const keep = (row: string): string => {
    const cells = row.split("|");
    const unit = unitAt > 0 ? (cells[unitAt] ?? "").trim() : "";
    const area = RE_AREA_UNIT.test(unit);
    return cells
      .map((c, j) => (area && j > 0 && j !== unitAt && RE_FIGURE_ONLY.test(c) ? `${c.trimEnd()} ${unit} ` : c))
      .filter((_, j) => !drop[j])
      .join("|")
      .trim();
  };
  // (Under a header with no frame, " | – Nữ | 2 | 1 | +1": the bar opening the row closes its empty running number.)
  const framed = (lines[i] as string).trim().startsWith("|") || (lines[i] as string).trim().endsWith("|");
  lines[i] = keep(unframe(lines[i] as string));
  for (let k = i + 1; k < lines.length; k++) {
    const line = lines[k] as string;
    if (isRule(line)) continue;
    // ("Đoàn thể" on a row of its own over "- Phụ nữ | 266 | 268 | +2": a group's name, its rows under it.)
    if (!line.includes("|") && RE_GROUP_ROW.test(line) && (lines[k + 1] ?? "").includes("|")) continue;
    // ("\tTrong đó:\t\t\t" between a row and its parts, "– Nữ | 01 | 02": a row of those words alone, its empty cells
    // lost, says what the rows led by a dash say; it goes, and the table goes on.)
    if (!line.includes("|") && RE_PARTS_ROW.test(foldSameLength(line).trim()) && (lines[k + 1] ?? "").includes("|")) {
      lines.splice(k, 1);
      k--;
      continue;
    }
    if (!line.includes("|")) break;
    const row = plainRow(line, framed);
    const cols = row.split("|");
    // (A row may end short: "1 | Tổng số đảng viên | 32" under "STT | Nội dung | Số lượng | Ghi chú", its note empty.)
    if (cols.length > head.length || cols.length < head.length - 1 || (drop[0] && !RE_INDEX_VALUE.test(foldSameLength((cols[0] as string).trim())))) break;
    lines[k] = keep(row);
  }
  return true;
}
const RE_PARTS_ROW = /^(?:trong do|bao gom|gom|chia ra|cu the)\s*:?$/;
/** A row naming a group of the rows under it ("Đoàn thể"), no cell of its own. */
export const RE_GROUP_ROW = /^\s*\p{L}[^|:\d\n]{0,30}$/u;
// "ĐV phải đóng: 24", "Nộp xã: chưa": a label, a colon and its value, in one cell.
const RE_LABELLED_CELL = /^\s*[a-z][^:\d]{0,30}:\s*\S/;
// A cell of a header naming columns, not a field.
const COLUMN_WORD =
  "(?:noi dung|chi tieu|tieu chi|hang muc|muc|so lieu|ket qua|so luong|sl|gia tri|thong tin|chi tiet|cu the|dien giai|ghi chu|ket qua thuc hien|thuc hien|tinh hinh|noi dung bao cao|danh muc|loai|phan loai|muc xep loai|xep loai|so dv|so dang vien|so d\\/c|so nguoi|ty le|don vi tinh|dvt|so|tt|stt)";
// ("Nội dung | Số liệu / kết quả": two words for one column.)
const RE_COLUMN_HEADER = new RegExp(`^\\s*${COLUMN_WORD}(?:\\s*\\/\\s*${COLUMN_WORD})?\\s*(?:\\|\\s*${COLUMN_WORD}(?:\\s*\\/\\s*${COLUMN_WORD})?\\s*)+$`);

export function isColumnHeader(f: string): boolean {
  return RE_COLUMN_HEADER.test(f);
}

/** "| a | b |" read as "a | b": the frame opens and closes no cell (one bar each side: "| Nữ | 1 | |" keeps its empty cell). */
function unframe(line: string): string {
  const row = line.trim();
  if (line.indexOf("|") === line.lastIndexOf("|")) return row;
  const from = row.startsWith("|") ? 1 : 0;
  const to = row.endsWith("|") ? row.length - 1 : row.length;
  return from === 0 && to === row.length ? row : row.slice(from, to).trim();
}

/**
 * A row's label, its value and the rest of its cells as one line: "Có mặt: 35 (Tỷ lệ 92%)"; a remark with brackets
 * of its own follows a colon ("- Có lý do: 2: Đ/c Vàng A Sủa (lên nương xa); …").
 */
export function labelledLine(label: string, cells: readonly string[]): string {
  const remark = cells.slice(1).join(", ");
  return `${label}: ${cells[0]}${cells.length > 1 ? (remark.includes("(") ? `: ${remark}` : ` (${remark})`) : ""}`;
}

/**
 * The rows from `from` on, each named in its first cell, as "Label: value" lines ("Địa điểm: Nhà văn hóa",
 * "- trong đó nữ: 0"); a row with more cells keeps the others in brackets. Returns the index of the last row taken.
 */
function shapePairs(lines: string[], from: number, out: string[]): number {
  let k = from;
  for (; k < lines.length; k++) {
    const line = lines[k] as string;
    if (isRule(line)) continue;
    if (!line.includes("|")) break;
    const cells = unframe(line).split("|").map((c) => c.trim());
    // "|   | - Công tác phòng chống lụt bão |" under "| Nội dung chính | - Kiểm điểm … |": the row above goes on, a line
    // of its own.
    if ((cells[0] as string) === "" && out.length > 0 && cells.slice(1).some((c) => c !== "")) {
      out.push(cells.slice(1).filter((c) => c !== "").join(" "));
      continue;
    }
    if (!/^[-–—+•*]?\s*\p{L}/u.test(cells[0] as string)) break;
    const rest = cells.slice(1).filter((c) => c !== "");
    out.push(rest.length === 0 ? (cells[0] as string) : labelledLine(cells[0] as string, rest));
  }
  return k - 1;
}

// A column of levels: "Xếp loại", "Chi bộ đề nghị", "Kết quả xếp loại", "Mức".
const RE_LEVEL_COLUMN = /\b(?:xep loai|de nghi|danh gia|muc|ket qua)\b/;
const LEVEL_OF: [RegExp, string][] = [
  [/^(?:htxs|hoan thanh xuat sac)(?: nhiem vu| nv)?$/, "HTXS"],
  [/^(?:htt|hoan thanh tot)(?: nhiem vu| nv)?$/, "HTT"],
  [/^(?:ht|hoan thanh)(?: nhiem vu| nv)?$/, "HT"],
  [/^(?:kht|khong hoan thanh)(?: nhiem vu| nv)?$/, "KHT"],
  [/^(?:khong|chua) (?:xep loai|danh gia)$/, "Không xếp loại"],
];
const RE_LEVELS_TOTALLED = /^\s*(?:cong|tong cong|tong so|tong)\b[^\n]*\b(?:htxs|htt|kht)\b/;
const levelOf = (cell: string): string | null => LEVEL_OF.find(([re]) => re.test(cell))?.[1] ?? null;

/**
 * A list of members under header row `i` whose last column of levels ("Chi bộ đề nghị" after "ĐV tự xếp loại") gives
 * each one's level, counted by level ("HTXS: 1", "HTT: 5", …, one a line); null when the rows hold no such column.
 */
function tallyLevels(lines: string[], i: number, headFolded: string[]): { lines: string[]; last: number } | null {
  if (!headFolded.some((c) => RE_LEVEL_COLUMN.test(c))) return null;
  const counts = new Map<string, number>();
  let column = -1;
  let k = i + 1;
  for (; k < lines.length; k++) {
    const line = lines[k] as string;
    if (isRule(line)) continue;
    if (!line.includes("|")) break;
    const cols = foldSameLength(unframe(line)).split("|").map((c) => c.trim());
    if (column < 0) {
      for (let j = cols.length - 1; j > 0; j--) if (RE_LEVEL_COLUMN.test(headFolded[j] ?? "") && levelOf(cols[j] as string)) { column = j; break; }
      if (column < 0) return null;
    }
    const level = levelOf(cols[column] ?? "");
    if (level) counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  // "Cộng: 9 đ/c – HTXS 0; HTT 5; HT 3; KHT 0; không xếp loại 1." under the list: the total row says the counts already.
  if (k < lines.length && RE_LEVELS_TOTALLED.test(foldSameLength(lines[k] as string))) return { lines: [], last: k - 1 };
  // Every member listed: a level no one reached counts none ("KHT: 0"); those left unrated are told only when listed.
  return { lines: ["HTXS", "HTT", "HT", "KHT", "Không xếp loại"].filter((l) => counts.has(l) || l !== "Không xếp loại").map((l) => `${l}: ${counts.get(l) ?? 0}`), last: k - 1 };
}

const RE_PRESENT_COLUMN = /^(?:co mat|du|tham du|hien dien)$/;
const RE_ABSENT_COLUMN = /^(?:vang|vang mat)$/;
// ("Vắng CL | Vắng KL": "có lý do" and "không lý do" in their letters.)
const RE_ABSENT_EXCUSED_COLUMN = /^vang (?:co ly do|co phep|cp|co ld|cl|cld)$/;
const RE_ABSENT_UNEXCUSED_COLUMN = /^vang (?:khong ly do|khong phep|kp|kld|khong ld|kl)$/;
const RE_SUM_ROW = /^\s*\|?\s*(?:cong|tong|tong cong|tong so)\b/;

/**
 * A list of members under header row `i` with a column marked for those present and one for those absent: the count
 * of each, the absent named with the row's remarks ("Tổng số: 11", "Có mặt: 9", "Vắng 2: Hạng A Dế (Có lý do – …)");
 * null when the header has no such columns.
 */
function rollCall(lines: string[], i: number, headFolded: string[], nameColumn: number): { lines: string[]; last: number } | null {
  const heads = headFolded.map((c) => c.trim());
  const present = heads.findIndex((c) => RE_PRESENT_COLUMN.test(c));
  const absent = heads.findIndex((c) => RE_ABSENT_COLUMN.test(c));
  // "Có mặt | Vắng có lý do | Vắng không lý do": the absent in two columns, by whether they gave a reason.
  const excused = absent < 0 ? heads.findIndex((c) => RE_ABSENT_EXCUSED_COLUMN.test(c)) : -1;
  const unexcused = absent < 0 ? heads.findIndex((c) => RE_ABSENT_UNEXCUSED_COLUMN.test(c)) : -1;
  // "TT | Họ và tên | Năm sinh | Điểm danh | Ghi chú" with "x", "V-P", "V-KP" (the legend under it): one column says it.
  const roll = present < 0 ? heads.findIndex((c) => RE_ROLL_COLUMN.test(c)) : -1;
  if (roll >= 0) return rollCodes(lines, i, roll, nameColumn);
  if (present < 0 || (absent < 0 && (excused < 0 || unexcused < 0))) return null;
  const marks = [present, absent, excused, unexcused];
  return readRoll(lines, i, nameColumn, (cols, name) => {
    if (RE_MARK.test(cols[present] ?? "")) return "came";
    const missed = absent >= 0 ? RE_MARK.test(cols[absent] ?? "") : RE_MARK.test(cols[excused] ?? "") || RE_MARK.test(cols[unexcused] ?? "");
    if (!missed) return "none";
    const notes = cols.filter((c, j) => j !== nameColumn && !marks.includes(j) && c !== "" && !/^\d{1,3}[.)]?$/.test(c) && j > Math.max(...marks));
    // (Which of the two columns is marked says the leave: "không lý do", or "có lý do" when no reason is written.)
    if (absent < 0 && RE_MARK.test(cols[unexcused] ?? "")) notes.push("không lý do");
    else if (absent < 0 && notes.length === 0) notes.push("có lý do");
    return { away: notes.length > 0 ? `${name} (${notes.join(", ")})` : name };
  });
}

/** What a row of a roll call says of its member: came, away (named with the row's notes), neither, or no roll call. */
type RollMark = "came" | "none" | "stop" | { away: string };
/**
 * The rows of a roll call under header row `i`, each judged by `mark`: the counts and the absent named ("Tổng số đảng
 * viên: 11", "Có mặt: 9", "Vắng 2: …"), the row that sums them passed over; null when no row tells or one is not so.
 */
function readRoll(lines: string[], i: number, nameColumn: number, mark: (cols: string[], name: string) => RollMark): { lines: string[]; last: number } | null {
  let came = 0;
  const away: string[] = [];
  let k = i + 1;
  for (; k < lines.length; k++) {
    const line = lines[k] as string;
    if (isRule(line)) continue;
    if (!line.includes("|") || RE_SUM_ROW.test(foldSameLength(line))) break;
    const cols = unframe(line).split("|").map((c) => c.trim());
    const name = cols[nameColumn] ?? "";
    if (!/^\p{L}/u.test(name)) break;
    const said = mark(cols, name);
    if (said === "stop") return null;
    if (said === "came") came++;
    else if (said !== "none") away.push(said.away);
  }
  if (came + away.length === 0) return null;
  // The row that sums the roll says nothing more.
  if (k < lines.length && RE_SUM_ROW.test(foldSameLength(lines[k] as string))) k++;
  const out = [`Tổng số đảng viên: ${came + away.length}`, `Có mặt: ${came}`];
  if (away.length > 0) out.push(`Vắng ${away.length}: ${away.join(", ")}`);
  return { lines: out, last: k - 1 };
}

const RE_ROLL_COLUMN = /^(?:diem danh|co mat\s*\/\s*vang)$/;
const RE_CODE_EXCUSED = /^v\s*[-.]?\s*(?:c?p|cl|cld|co phep|co ly do)$/;
const RE_CODE_UNEXCUSED = /^v\s*[-.]?\s*(?:kp|kl|kld|khong phep|khong ly do)$/;
const RE_CODE_ABSENT = /^(?:v|vang)$/;
/**
 * A roll call whose one column codes each member ("x" present, "V-P" away with leave, "V-KP" without): the counts and
 * the absent named with their kind and the row's remark, as `rollCall` gives them; null when no row is so coded.
 */
function rollCodes(lines: string[], i: number, roll: number, nameColumn: number): { lines: string[]; last: number } | null {
  return readRoll(lines, i, nameColumn, (cols, name) => {
    if (RE_MARK.test(cols[roll] ?? "")) return "came";
    const code = foldSameLength(cols[roll] ?? "").trim();
    const notes = cols.filter((c, j) => j > roll && j !== nameColumn && c !== "" && !/^\d{1,4}[.)]?$/.test(c));
    if (RE_CODE_EXCUSED.test(code)) return { away: `${name} (${[...notes, "có lý do"].join(", ")})` };
    if (RE_CODE_UNEXCUSED.test(code)) return { away: `${name} (${[...notes, "không lý do"].join(", ")})` };
    if (RE_CODE_ABSENT.test(code)) return { away: notes.length > 0 ? `${name} (${notes.join(", ")})` : name };
    return "stop";
  });
}

/** The columns of a list of people: its index column ("STT"), if any, and its name column ("Họ tên"). */
function listColumns(f: string): { index: number; name: number } | null {
  if (!f.includes("ten") && !f.includes("dong chi") && !f.includes("d/c")) return null;
  const cells = unframe(f).split("|").map((c) => c.trim());
  if (cells.length < 2) return null;
  const name = cells.findIndex((c) => RE_NAME_COLUMN.test(c));
  if (name < 0) return null;
  const index = cells.findIndex((c) => RE_INDEX_CELL.test(c));
  // ("T7 | T8 | T9": months heading a ledger's columns are no figures.)
  if (cells.some((c) => RE_DIGIT.test(c) && !RE_MONTH_COLUMN.test(c))) return null;
  return { index, name };
}

// "Vắng: 2", "Chưa đóng 2 đ/c": a label and its count, the people to follow.
const RE_COUNT_LINE = /^\s*[-+•*]?\s*[a-z][^\d\n]{0,30}:?\s*\d{1,3}\s*(?:d\/c|dong chi|dv|dang vien|nguoi)?\s*:?\s*$/;
// "…, có mặt: 46, vắng: 6": a line closing on the count of those the table names.
const RE_COUNT_TAIL = /\b(?:vang|vang mat|chua dong|chua nop|ket nap|chua xep loai|khong xep loai)\s*:?\s*\d{1,3}\s*(?:d\/c|dong chi|dv|dang vien|nguoi)?\s*:?\s*$/;
// "Danh sách vắng …", "DS đảng viên chưa đóng ĐP …": a title naming what its list of people is.
// ("VP ĐUP chuyển tiếp: DS kết nạp …": after who passed it on.)
const RE_LIST_TITLE = /^\s*(?:[^:\n]{0,40}:\s*)?(?:danh sach|ds)\s+(?:(?:dang vien|dv|d\/c|dong chi)\s+)?(?:(?:duoc|moi)\s+)?(vang|chua dong|chua nop|ket nap|chuyen chinh thuc)\b/;
const LIST_OF: Record<string, string> = { vang: "Vắng", "chua dong": "Chưa đóng", "chua nop": "Chưa nộp", "ket nap": "Kết nạp", "chuyen chinh thuc": "Chuyển chính thức", "du bi": "Đảng viên dự bị" };
// "Đã nộp (đ)", "Số tiền đã đóng", "Thành tiền": the column of what was paid.
// ("TT | Họ tên | T7 | T8 | T9 | Cộng": a ledger's months and the column of their sum.)
const RE_PAID_MONEY_COLUMN = /^(?:(?:so tien )?da (?:nop|dong|thu)|so tien(?: da (?:nop|dong|thu))?|thanh tien|thuc thu|thuc nop|cong|tong|tong cong|cong quy|ca quy)(?:\s*\((?:d|dong|vnd)\))?$/;
const RE_MONTH_COLUMN = /^(?:t|thang\s?)\d{1,2}$/;
const RE_MONEY_CELL = /^\d{1,3}(?:[.,]\d{3})+$|^\d{4,}$/;
/**
 * The paid column's cell of the sum row `line` under a dues list headed by `head` (folded cells), and a cell counting
 * those who paid ("10/12"); null if none.
 */
function paidSum(line: string, head: readonly string[], nameColumn: number): { paid: string; counted: string | undefined } | null {
  if (!line.includes("|") || !RE_SUM_ROW.test(foldSameLength(line))) return null;
  const cols = unframe(line).split("|").map((c) => c.trim());
  const at = head.findIndex((c) => RE_PAID_MONEY_COLUMN.test(c.trim()));
  // ("\tCộng\t696.000\t…" under "STT | Họ và tên | Cộng quý | …": the empty number cell before the label lost, the
  // row's cells sit one column left of the header's.)
  const label = cols.findIndex((c) => RE_SUM_ROW.test(foldSameLength(c)));
  const shift = label >= 0 && label < nameColumn && cols.length < head.length ? nameColumn - label : 0;
  // (Shifted or not, the money there is the sum: "Cộng | | | 10/11 | 144.000" keeps it a column to the right.)
  const cell = at <= 0 ? "" : RE_MONEY_CELL.test(cols[at - shift] ?? "") ? (cols[at - shift] as string) : (cols[at] ?? "");
  return RE_MONEY_CELL.test(cell) ? { paid: cell, counted: cols.find((c) => RE_COUNTED_CELL.test(c)) } : null;
}
const RE_COUNTED_CELL = /^\d{1,3}\s*\/\s*\d{1,3}$/;
// A title over a list of people: words with no colon and no sentence ended ("Danh sách vắng", "KN Q1/2026 - cb ấp X").
const RE_TITLE_LINE = /^[^:|\n]*\p{L}[^:|\n]*[^\s.,;:!?]\s*$/u;
const RE_ABSENCE_COLUMN = /\|\s*ly do(?: vang)?\s*(?:\||$)/;
// ("Danh sách đảng viên dự bị đến 30/6/2026" over the list: those still waiting to be made full.)
const RE_LIST_WORD = /\b(vang|chua dong|chua nop|ket nap|chuyen chinh thuc|du bi)\b/;
/** What a list of people under header `head` (folded) and after line `prev` (folded) names, as a label ("Vắng: "), or "". */
function listOf(head: string, prev: string): string {
  if (RE_ABSENCE_COLUMN.test(`|${head}`)) return "Vắng: ";
  const word = RE_LIST_WORD.exec(prev)?.[1];
  return word ? `${LIST_OF[word]}: ` : "";
}
// The column of remarks, last: "Ghi chú", "Diễn giải".
/** A column of remarks beside the figures ("Ghi chú"). */
export const RE_REMARK_COLUMN = /^(?:ghi chu|chi tiet|dien giai|cu the|ly do)$/;
// A tick in a column: "x", "✓", "có".
const RE_MARK = /^(?:x|X|✓|✔|☑|có|co|Có|\+)$/;
const RE_DUES_COLUMN = /^(?:muc dong|muc dong \(d\)|muc dong\/thang|so tien|thanh tien)\b/;
const RE_MEMBER_KIND_COLUMN = /^(?:doi tuong|nghe nghiep|thanh phan)$/;
const RE_NOT_PAID_CELL = /^chua (?:nop|dong)\b/i;
const RE_PAID_COLUMN = /^(?:da dong|da nop|da thu|dong)$/;
// "Có báo cáo trước", "Xin phép": whether the absent asked leave.
const RE_LEAVE_COLUMN = /^(?:co )?(?:bao cao truoc|bao truoc|xin phep|co phep|phep|bao vang)$/;
const RE_BRACKETED_CELL = /^\((.*)\)$/;
const RE_NO_MARK = /^(?:không|khong|Không|ko|-|–)$/;
const RE_NAME_COLUMN = /^(?:ho (?:va )?ten|ho ten|ten|ten dang vien|ten dv|dong chi|d\/c|dang vien)$/;

const RE_SUM_AFTER_TAB = /^\t(?:cong|tong)\b/;
const RE_INDEX_HEAD = /^\s*(?:stt|tt)\t/;
const spaceTrimmed = (l: string): string => l.replace(/^[ \u00a0]+|[ \u00a0]+$/g, "");

/** A row of tabbed cells that heads a list of people ("Họ tên\tGiới tính\tDân tộc"). */
function namesPeople(line: string): boolean {
  return listColumns(foldSameLength(line.trim()).replace(/[ \u00a0]*\t[\t \u00a0]*/g, " | ")) !== null;
}

const RE_TAB_FIGURE = /\S[ \u00a0]*\t[\t \u00a0]*\d/;
// ("30/9/2026\tThu quỹ …\tTrưởng xóm …": or dated in it.)
const RE_TAB_NUMBERED = /^\s*(?:\d{1,3}[.)]?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)[ \u00a0]*\t/;
// A tab between two cells, not one after a label's colon ("Có mặt:\t25").
const RE_INNER_TAB = /[^\s:][ \u00a0]*\t[\t \u00a0]*\S/;

/**
 * Tabs between cells, on two or more rows in a run, made bars. A run whose rows hold the same number of
 * tabs is a pasted sheet (each tab one cell: "Trong đó nữ\t\t1" keeps its empty cell); otherwise tabs
 * only align the cells, a run of them one bar.
 */
function barTabs(lines: string[]): string[] {
  const out = lines.slice();
  const dropped = new Set<number>();
  for (let i = 0; i < lines.length; ) {
    if (!RE_INNER_TAB.test(lines[i] as string)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && RE_INNER_TAB.test(lines[j] as string)) j++;
    // A run with a figure after its first column, or rows numbered in it: a table, not a dateline laid out with tabs
    // ("ĐẢNG BỘ XÃ …\t\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 07-BC/CB\t\tTân Lập, ngày …").
    // A run headed by the columns of a list of people ("Họ tên\tLý do vắng\tGhi chú"): a table whatever its cells hold.
    if (j - i >= 2 && (lines.slice(i, j).some((l) => RE_TAB_FIGURE.test(l) || RE_TAB_NUMBERED.test(l)) || namesPeople(lines[i] as string))) {
      // ("Trong đó nữ\t\t01\t": a row's last cell left empty keeps its tab.)
      const tabs = (l: string): number => (spaceTrimmed(l).match(/\t/g) ?? []).length;
      const sheet = lines.slice(i, j).every((l) => tabs(l) === tabs(lines[i] as string));
      const indexed = RE_INDEX_HEAD.test(foldSameLength(lines[i] as string));
      // "Đơn vị\tKết nạp\t\t\t\tChuyển CT" over "\tTổng\tNữ\tĐVTN\tHS-SV\t": a header of merged cells over the
      // sub-columns they span, one header ("Đơn vị | Kết nạp | Nữ | ĐVTN | HS-SV | Chuyển CT").
      let merged = sheet && j - i >= 3 ? mergedHeader(spaceTrimmed(lines[i] as string), spaceTrimmed(lines[i + 1] as string)) : null;
      let headerRows = 2;
      // "Xếp loại chất lượng			…" over "HTXSNV		HTTNV		…" over "SL	%	SL	%…": a header of three rows, the middle one
      // merged too over the count and the share of each level.
      const third = sheet && merged === null && j - i >= 4 ? mergedHeader(spaceTrimmed(lines[i] as string), spaceTrimmed(lines[i + 1] as string), true) : null;
      if (third !== null) {
        merged = underHeader(third, spaceTrimmed(lines[i + 2] as string));
        headerRows = 3;
      }
      if (merged !== null) for (let k = i + 1; k < i + headerRows; k++) dropped.add(k);
      for (let k = i; k < j; k++) {
        if (merged !== null && k < i + headerRows) {
          if (k === i) out[k] = merged.replace(/[ \u00a0]*\t[ \u00a0]*/g, " | ");
          continue;
        }
        const line = sheet ? spaceTrimmed(lines[k] as string) : (lines[k] as string).trim();
        // ("\tTrong đó: dự bị\tđ/c\t1\t2" under "TT\tChỉ tiêu\t…": a sub-row's empty number is kept as a dash, not read as
        // a frame.)
        const row = sheet && indexed && line.startsWith("\t") && !line.startsWith("\t\t") && !RE_SUM_AFTER_TAB.test(foldSameLength(line)) ? `-${line}` : line;
        out[k] = sheet
          ? row.replace(/:[ \u00a0]*\t/g, ": ").replace(/[ \u00a0]*\t[ \u00a0]*/g, " | ")
          : row.replace(/:[ \u00a0]*\t[\t \u00a0]*/g, ": ").replace(/[ \u00a0]*\t[\t \u00a0]*/g, " | ");
      }
    }
    i = j;
  }
  return dropped.size > 0 ? out.filter((_, k) => !dropped.has(k)) : out;
}

// "| Diện tích | 2.130 ha (rừng phòng hộ |⏎|  | chiếm khoảng 70%) |": a Word table of labels and values pasted with its
// cells wrapped; a row of two cells whose label is empty goes on with the value above it.
const RE_WRAPPED_ROW = /^\s*\|\s*\|\s*(\S[^|]*?)\s*\|?\s*$/;
const RE_ITEM_START = /^(?:[-+•*]|\d{1,2}[.)])\s/;
const RE_TWO_CELL_ROW = /^\s*\|\s*[^|\s][^|]*\|[^|]*\|?\s*$/;
function joinWrappedCells(lines: string[]): void {
  for (let i = lines.length - 1; i > 0; i--) {
    const m = RE_WRAPPED_ROW.exec(lines[i] as string);
    // ("|  | - Công tác phòng chống lụt bão |": a list in the cell, an item a row, is read as it stands.)
    if (!m || RE_ITEM_START.test(m[1] as string) || !RE_TWO_CELL_ROW.test(lines[i - 1] as string)) continue;
    lines[i - 1] = (lines[i - 1] as string).replace(/\s*\|?\s*$/, ` ${m[1]} |`);
    lines.splice(i, 1);
  }
}

/** Two framed rows of a header, the upper's cells merged over the lower's, as one row; null when they are not. */
const framedBoth = (line: string): boolean => {
  const row = line.trim();
  return row.startsWith("|") && row.endsWith("|");
};
function mergedFramedHeader(upper: string, lower: string): string | null {
  if (!lower.includes("|") || RE_DIGIT.test(lower) || isRule(lower)) return null;
  // ("Tên thôn | … | Đảng viên |  | Hội viên các đoàn thể |  |  | " over " |  | … | Tổng số | Dự bị | …": rows with no frame,
  // a bar at one end only closes or opens an empty cell, not a frame.)
  const framed = framedBoth(upper) || framedBoth(lower);
  const top = (framed ? unframe(upper) : upper.trim()).split("|").map((c) => c.trim());
  const sub = (framed ? unframe(lower) : lower.trim()).split("|").map((c) => c.trim());
  if (top.length < 3 || top.length !== sub.length) return null;
  const merged = mergedHeader(top.join("\t"), sub.join("\t"));
  return merged === null ? null : merged.split("\t").join(" | ");
}

/**
 * The labels of a header's upper rows (`mergedHeader`) over a third row naming each column's part ("SL", "%"): the
 * count's column keeps its label, a share's is marked "(%)", another part's label follows it. Null when the row names
 * none or holds a figure.
 */
function underHeader(labels: string, lower: string): string | null {
  const top = labels.split("\t");
  const sub = lower.split("\t").map((c) => c.trim());
  if (top.length !== sub.length || RE_DIGIT.test(lower) || sub.filter((c) => c !== "").length < 2) return null;
  return top
    .map((label, c) => {
      const own = foldSameLength(sub[c] as string);
      if (own === "" || RE_WHOLE_OF_SPAN.test(own)) return label;
      return RE_SHARE_CELL.test(own) ? `${label} (%)` : `${label} ${sub[c]}`;
    })
    .join("\t");
}

// "Tổng", "Số lượng", "SL", "Cộng": the sub-column that is the whole of the merged cell above it.
const RE_AMONG = /^(?:trong do|trong so do|chia ra)$/i;
const RE_WHOLE_OF_SPAN = /^(?:tong|tong so|so luong|sl|cong)$/;
/**
 * The two rows of a sheet's header whose upper row has merged cells (a label, then empty cells for the columns it
 * spans) and whose lower row names those columns under it, its first cell empty: one row of labels. A sub-column that
 * is the whole ("Tổng") takes the merged label; its parts keep their own ("Nữ"), or, in a span with no whole, the merged
 * label before their own ("Đã nộp SL"). Null when the rows are not such a header.
 */
const RE_UNIT_UNDER = /^[ \t]*\((?:km2|km²|ha)\)(?=\t)/i;
function mergedHeader(upper: string, lower: string, overMore = false): string | null {
  // ("Số đảng viên\t\t\tSố tiền (đồng)\t\t\tNgày nộp" over "Phải nộp\tĐã nộp\t…": the first column merged too, spanning.)
  // ("Nội dung\tTổng số\tTrong đó\t" over "\t\tChính thức\tDự bị": the last cell merged over the two after it.)
  // ("Diện tích\tDân cư\t\t…" over "(km²)\tSố hộ\tNhân khẩu\t…": the first column's unit under it, no label of its own.)
  if ((!lower.startsWith("\t") && !/^[^\t]+\t\t/.test(upper) && !RE_UNIT_UNDER.test(lower)) || (!upper.includes("\t\t") && !upper.endsWith("\t")) || RE_DIGIT.test(lower.replace(RE_UNIT_UNDER, ""))) return null;
  const top = upper.split("\t").map((c) => c.trim());
  const sub = lower.split("\t").map((c) => c.trim());
  // ("\tKết nạp mới\tTrong đó\t…" over "\t\tNữ\tDTTS\t…": the rows' own labels, periods, in a first column with no
  // header; it is named "Kỳ".)
  const unlabelledFirst = (top[0] as string) === "" && (sub[0] as string) === "";
  if (top.length !== sub.length || ((top[0] as string) === "" && !unlabelledFirst) || sub.filter((c) => c !== "").length < 2) return null;
  const labels: string[] = [];
  let parent = "";
  let parentAt = 0;
  for (let c = 0; c < top.length; c++) {
    const own = sub[c] as string;
    if (c === 0 && unlabelledFirst) {
      labels.push("Kỳ");
      continue;
    }
    if ((top[c] as string) !== "") {
      parent = top[c] as string;
      parentAt = c;
    } else if (own === "") {
      // (Over a third row, the lower row's own cell spans columns too: "HTXSNV" over "SL | %".)
      if (!overMore || (sub[c - 1] as string) === "" || labels.length === 0) return null;
      labels.push(labels.at(-1) as string);
      continue;
    }
    if (own === "") {
      labels.push(parent);
      continue;
    }
    let spanEnd = parentAt + 1;
    while (spanEnd < top.length && (top[spanEnd] as string) === "") spanEnd++;
    const whole = sub.slice(parentAt, spanEnd).some((x) => RE_WHOLE_OF_SPAN.test(foldSameLength(x)));
    // ("Trong đó" over "Nữ | Đoàn viên": the parts go by their own names.)
    labels.push(RE_WHOLE_OF_SPAN.test(foldSameLength(own)) ? parent : whole || RE_AMONG.test(foldSameLength(parent)) ? own : `${parent} ${own}`);
  }
  return labels.join("\t");
}
