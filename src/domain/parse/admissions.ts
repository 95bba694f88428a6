/**
 * Admission figures (domain §3): "nam nay cb ket nap dc 2 dv moi: 1 nu dtts, 1 sinh
 * vien. dang lam ho so chuyen chinh thuc cho dc Vy". Categories overlap (one woman of
 * a minority counts in both) and are never added up into the total.
 */
import { parseCount } from "../text/number-words.js";
import { titleCase } from "./names.js";
import { readQuarter, readYear } from "./period.js";
import { COMRADE, COUNT } from "./patterns.js";
import { clauseEnd, readName, type Prepared } from "./prepare.js";
import type { AdmissionsFields, ParseResult } from "./types.js";

const RE_ADMITTED = new RegExp(`\\bket nap\\s*(?:duoc|dc|moi)?\\s*(?:them\\s*)?:?\\s*(${COUNT})\\s*(?:dv|dang vien|quan chung|qc|dong chi|d\\/c|nguoi)?|(${COUNT})\\s*(?:dv|dang vien)\\s*moi`);
const RE_PIECE = new RegExp(`(?<![\\d/])(${COUNT})\\s+((?:[a-z]+\\s*){1,5})`, "g");
const RE_WOMAN = /\b(?:nu|phu nu|dv nu)\b/;
const RE_MINORITY = /\b(?:dtts|dan toc thieu so|nguoi dan toc(?! kinh)|dan toc(?! kinh)|tay|nung|dao|h mong|mong|san chay|san diu)\b/;
const RE_NONE_ADMITTED = /\b(?:chua|khong|ko|k)\s+ket nap\s*(?:duoc|dc)?\s*(?:ai|dv nao|dang vien nao|them)\b/;
const RE_STUDENT = /\b(?:sinh vien|sv|hoc sinh|hs|hssv)\b/;
const RE_YOUTH = /\b(?:doan vien|dtn)\b/;
const RE_PENDING = new RegExp(`\\bchuyen\\s+(?:dang\\s+)?chinh thuc\\s*(?:cho\\s*)?(?:(?:${COMRADE})\\s+)?`, "g");
const RE_PENDING_BEFORE = new RegExp(`${COMRADE}\\s+`, "g");

export function parseAdmissions(p: Prepared): ParseResult<"admissions"> {
  const f = p.f;
  const fields: AdmissionsFields = {};
  fields.period = readQuarter(p) ?? readYear(p);
  const m = RE_ADMITTED.exec(f);
  if (m) {
    const n = parseCount((m[1] ?? m[2]) as string);
    if (n !== null) fields.admitted = n;
    const start = m.index + m[0].length;
    const end = clauseEnd(f, start);
    let women = 0;
    let minority = 0;
    let students = 0;
    let youth = 0;
    let any = false;
    RE_PIECE.lastIndex = start;
    let pm: RegExpExecArray | null;
    while ((pm = RE_PIECE.exec(f)) && pm.index < end) {
      const k = parseCount(pm[1] as string);
      const attrs = pm[2] as string;
      if (k === null) continue;
      if (RE_WOMAN.test(attrs)) { women += k; any = true; }
      if (RE_MINORITY.test(attrs)) { minority += k; any = true; }
      if (RE_STUDENT.test(attrs)) { students += k; any = true; }
      if (RE_YOUTH.test(attrs)) { youth += k; any = true; }
    }
    if (!any && n !== null) {
      // "kết nạp được 1 đv nữ, người Nùng": the traits describe the admitted ones.
      const clause = f.slice(m.index, end);
      if (RE_WOMAN.test(clause)) { women = n; any = true; }
      if (RE_MINORITY.test(clause)) { minority = n; any = true; }
      if (RE_STUDENT.test(clause)) { students = n; any = true; }
      if (RE_YOUTH.test(clause)) { youth = n; any = true; }
    }
    if (any) {
      fields.women = women;
      fields.ethnic_minority = minority;
      fields.students = students;
      if (youth > 0) fields.youth_union = youth;
    }
  }
  if (fields.admitted === undefined && RE_NONE_ADMITTED.test(f)) fields.admitted = 0;
  const pending: string[] = [];
  RE_PENDING.lastIndex = 0;
  let pm: RegExpExecArray | null;
  while ((pm = RE_PENDING.exec(f))) {
    const name = readName(p, pm.index + pm[0].length);
    if (name) {
      pending.push(titleCase(name.name));
      // "cho đ/c Vy và đ/c Hùng"
      let rest = name.end;
      const more = /^\s*(?:,|va)\s*/.exec(f.slice(rest));
      if (more) {
        rest += more[0].length;
        RE_PENDING_BEFORE.lastIndex = rest;
        const c = RE_PENDING_BEFORE.exec(f);
        const n2 = readName(p, c && c.index === rest ? rest + c[0].length : rest, false);
        if (n2) pending.push(titleCase(n2.name));
      }
    }
  }
  if (pending.length > 0) fields.pending_full = pending;
  if (fields.admitted === undefined && !fields.pending_full) return { ok: false, errors: ["not_a_report: no admission fields found"] };
  const warnings: string[] = [];
  for (const k of ["women", "ethnic_minority", "students"] as const) {
    const v = fields[k];
    if (v !== undefined && fields.admitted !== undefined && v > fields.admitted) warnings.push(`category_exceeds_admitted: ${k} ${v} > ${fields.admitted}`);
  }
  const missing = fields.admitted === undefined ? ["admitted"] : [];
  return { ok: true, form: "admissions", fields, missing, warnings };
}
