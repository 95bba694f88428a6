/**
 * The party's header and signature block of a report an office files (HD 36-HD/VPTW on party
 * documents): the superior party organization and the issuing committee on the left, the party's
 * name and the place-and-date line on the right; "T/M" the issuing body above the signer.
 */
export interface ReportHeading {
  /** "ĐẢNG BỘ TỈNH MẪU SƠN": the party organization the issuer belongs to (itself at the root). */
  upper: string;
  /** "ĐẢNG ỦY XÃ TÂN VĂN": the committee that issues the report. */
  issuer: string;
  /** "Tân Văn": the place of the place-and-date line. */
  place: string;
  /** "T/M ĐẢNG ỦY" (a commune), "T/M BAN THƯỜNG VỤ" (a province). */
  signFor: string;
  /** Who the report goes to first ("Tỉnh ủy Mẫu Sơn"), for "Nơi nhận". */
  recipient: string;
  /**
   * "Số       -BC/ĐU": the document number line under the issuer, its number left blank for the office's
   * register of outgoing documents (the issuer's abbreviation: TU a province committee, ĐU a commune's, CB a cell).
   */
  number: string;
}

export interface HeadingOrg {
  name: string;
  kind: string;
  areaName: string | null;
}

const AREA_WORDS = /^(?:tỉnh|thành phố|xã|phường|thị trấn|đặc khu|huyện|quận|thị xã)\s+/i;

/**
 * The committee of a party organization: "Đảng bộ tỉnh X" is led by "Tỉnh ủy X", "Đảng bộ xã X" by
 * "Đảng ủy xã X"; a cell ("Chi bộ …") by its "Chi ủy".
 *
 * @example committeeName("Đảng bộ phường Kỳ Lừa") // "Đảng ủy phường Kỳ Lừa"
 */
export function committeeName(orgName: string): string {
  const province = /^Đảng bộ (tỉnh|thành phố)\s+(.+)$/i.exec(orgName);
  if (province) return `${province[1]!.toLowerCase() === "tỉnh" ? "Tỉnh ủy" : "Thành ủy"} ${province[2]}`;
  if (/^Đảng bộ\s/i.test(orgName)) return orgName.replace(/^Đảng bộ/i, "Đảng ủy");
  if (/^Chi bộ\s/i.test(orgName)) return orgName.replace(/^Chi bộ/i, "Chi ủy chi bộ");
  return orgName;
}

/** The place of the place-and-date line: the area's name without "xã", "tỉnh"… */
function placeOf(org: HeadingOrg): string {
  const area = org.areaName ?? org.name.replace(/^(?:Đảng bộ|Chi bộ)\s+/i, "");
  return area.replace(AREA_WORDS, "").trim();
}

/** The issuer's abbreviation after "-BC/" (HD 36-HD/VPTW): TU a province's committee, ĐU a commune's, CB a cell. */
function issuerAbbreviation(orgName: string): string {
  if (/^Đảng bộ (tỉnh|thành phố)\s/i.test(orgName)) return "TU";
  if (/^Chi bộ\s/i.test(orgName)) return "CB";
  return "ĐU";
}

export function reportHeading(root: HeadingOrg, parent: HeadingOrg | null): ReportHeading {
  const province = root.kind === "dang_bo_tinh";
  return {
    upper: (parent ?? root).name.toLocaleUpperCase("vi"),
    issuer: committeeName(root.name).toLocaleUpperCase("vi"),
    place: placeOf(root),
    signFor: province ? "T/M BAN THƯỜNG VỤ" : "T/M ĐẢNG ỦY",
    recipient: parent ? committeeName(parent.name) : "Ban Tổ chức Trung ương",
    number: `Số${" ".repeat(8)}-BC/${issuerAbbreviation(root.name)}`,
  };
}

/**
 * "Tân Văn, ngày 06 tháng 12 năm 2026": days below 10 and January, February written with a leading
 * zero, as party documents write them.
 */
export function placeDateLine(place: string, date: string): string {
  const [y, m, d] = date.split("-") as [string, string, string];
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `${place}, ngày ${d} tháng ${month} năm ${y}`;
}
