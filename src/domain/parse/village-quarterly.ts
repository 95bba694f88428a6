/**
 * Quarterly village data (domain §4): "Số liệu thôn Đồng Mé quý 3: 142 hộ, 618 khẩu,
 * dt 5,2 km2. Đv 31 (dự bị 2). PN 87 hv, ND 95, CCB 12, chi đoàn 24. Bt kiêm trưởng thôn".
 */
import { readQuarter } from "./period.js";
import { NEGATION } from "./patterns.js";
import { readName, type Prepared } from "./prepare.js";
import type { ParseResult, VillageQuarterlyFields } from "./types.js";

const N = "(\\d{1,3}(?:[.,]\\d{3})+|\\d+)";
const RE_HOUSEHOLDS = new RegExp(`${N}\\s*(?:ho\\b(?!\\s+(?:ngheo|can ngheo|dan))|ho gia dinh)|(?:so ho|tong so ho|\\bho)\\s*:?\\s*${N}\\b`);
const RE_POPULATION = new RegExp(`${N}\\s*(?:nhan khau|khau|nguoi|dan)\\b|(?:dan so|nhan khau|so khau|so dan|\\bkhau)\\s*:?\\s*${N}\\b`);
const RE_AREA = /(?:\bdt|dien tich)\s*(?:tu nhien)?\s*:?\s*(\d+(?:[.,]\d+)?)\s*(km2|km|ha)?|(\d+(?:[.,]\d+)?)\s*(km2|ha)\b/;
const RE_MEMBERS = new RegExp(`\\b(?:dv|dang vien|so dv|tong so dv|chi bo co)\\s*:?\\s*${N}|${N}\\s*(?:dv|dang vien)\\b`);
const RE_PROBATIONARY = new RegExp(`\\b(?:du bi|db)\\s*:?\\s*${N}|${N}\\s*(?:dv\\s*)?(?:du bi)\\b`);
const RE_WOMEN = new RegExp(`\\b(?:pn|phu nu|hoi pn|chi hoi pn|hoi phu nu|chi hoi phu nu)\\s*:?\\s*(?:co\\s*)?${N}|${N}\\s*(?:hv|hoi vien)?\\s*(?:pn|phu nu)\\b`);
const RE_FARMERS = new RegExp(`\\b(?:nd|nong dan|hoi nd|hoi nong dan|chi hoi nd|chi hoi nong dan)\\s*:?\\s*(?:co\\s*)?${N}|${N}\\s*(?:hv|hoi vien)?\\s*(?:nd|nong dan)\\b`);
const RE_VETERANS = new RegExp(`\\b(?:ccb|cuu chien binh|hoi ccb|chi hoi ccb)\\s*:?\\s*(?:co\\s*)?${N}|${N}\\s*(?:hv|hoi vien)?\\s*(?:ccb|cuu chien binh)\\b`);
const RE_YOUTH = new RegExp(`\\b(?:chi doan|doan tn|doan thanh nien|dtn|doan vien|cd|doan)\\s*:?\\s*(?:co\\s*)?${N}|${N}\\s*(?:doan vien|dv doan)\\b`);
const RE_HEAD = /\b(?:bt|bi thu|b\/t)\b[^.;\n]{0,25}?\b(kiem|dong thoi la|cung la|la)\s+(?:luon\s+)?(?:truong thon|tt|truong ban)\b/;
const RE_HEAD_NEG = new RegExp(`\\b(?:bt|bi thu)\\b[^.;\\n]{0,20}?\\b${NEGATION}\\s+(?:kiem|phai la|la)\\s+(?:truong thon|tt)\\b`);
const RE_VILLAGE = /\b(?:thon|ban|xom|tdp|to dan pho|khu)\s+/;

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  return Number(s.replace(/[.,](?=\d{3}\b)/g, ""));
}

function first(re: RegExp, f: string): number | null {
  const m = re.exec(f);
  if (!m) return null;
  return num(m.slice(1).find((g) => g !== undefined));
}

export function parseVillageQuarterly(p: Prepared): ParseResult<"village-quarterly"> {
  const f = p.f;
  const fields: VillageQuarterlyFields = {};
  const warnings: string[] = [];
  const period = readQuarter(p);
  if (period) fields.period = period;
  const v = RE_VILLAGE.exec(f);
  if (v) {
    const name = readName(p, v.index + v[0].length, false);
    if (name) fields.village = p.text.slice(v.index, name.end);
  }
  const households = first(RE_HOUSEHOLDS, f);
  if (households !== null) fields.households = households;
  const population = first(RE_POPULATION, f);
  if (population !== null) fields.population = population;
  const area = RE_AREA.exec(f);
  if (area) {
    const value = Number(((area[1] ?? area[3]) as string).replace(",", "."));
    const unit = area[2] ?? area[4];
    fields.area_km2 = unit === "ha" ? Math.round(value) / 100 : value;
  }
  const members = first(RE_MEMBERS, f);
  if (members !== null) fields.members = members;
  const prob = first(RE_PROBATIONARY, f);
  if (prob !== null) fields.probationary = prob;
  const unions: NonNullable<VillageQuarterlyFields["unions"]> = {};
  const women = first(RE_WOMEN, f);
  if (women !== null) unions.women = women;
  const farmers = first(RE_FARMERS, f);
  if (farmers !== null) unions.farmers = farmers;
  const veterans = first(RE_VETERANS, f);
  if (veterans !== null) unions.veterans = veterans;
  const youth = first(RE_YOUTH, f);
  if (youth !== null) unions.youth = youth;
  if (Object.keys(unions).length > 0) fields.unions = unions;
  if (RE_HEAD_NEG.test(f)) fields.secretary_is_village_head = false;
  else if (RE_HEAD.test(f)) fields.secretary_is_village_head = true;

  if (fields.households === undefined && fields.population === undefined && fields.members === undefined && !fields.unions) {
    return { ok: false, errors: ["not_a_report: no village fields found"] };
  }
  if (fields.members !== undefined && fields.probationary !== undefined && fields.probationary > fields.members) {
    warnings.push(`probationary_exceeds_members: ${fields.probationary} > ${fields.members}`);
  }
  if (fields.households !== undefined && fields.population !== undefined && fields.population < fields.households) {
    warnings.push(`population_below_households: ${fields.population} < ${fields.households}`);
  }
  const missing = (["period", "households", "population", "members"] as const).filter((k) => fields[k] === undefined).map(String);
  return { ok: true, form: "village-quarterly", fields, missing, warnings };
}
