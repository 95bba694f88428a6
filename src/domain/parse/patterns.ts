/** Shared regex sources (folded text) used by several extractors. */
import { COUNT_SOURCE, WORD_END, WORD_START } from "../text/number-words.js";

export const COUNT = COUNT_SOURCE;
/** A zero-width check that a count (a digit or a number word: mot, hai, ba, …) can start here; a cheap first test before costly lookbehinds. */
export const COUNT_STARTS = "(?=[\\dbchlmnst])";
/** "đồng chí" written every way: đ/c, Đc, dc, đ.c, đồng chí. */
export const COMRADE = "(?:d\\/c|d\\.c|dc|dong chi(?! bo\\b))";
/** Member nouns after a count: đv, đảng viên, đồng chí, người. */
/** The words a message passed on opens with: "Chuyển tiếp", "Fw:", "Fwd". */
export const FORWARD_WORD = "(?:chuyen tiep|fw|fwd|forward|forwarded)";
/** A village-level unit's kind, folded: "thôn", "ấp", "bản", "tổ dân phố", "khóm" … */
export const UNIT_WORD = "(?:thon|xom|ban|ap|buon|lang|plei|soc|khom|khu pho|kp|to dan pho|tdp)";
export const MEMBER_NOUN = "(?:dv|dang vien|dong chi|d\\/c|dc|nguoi|dc)";
export const EXCUSED =
  // ("CL: 3  KL: 1", "Võ Văn Long (KL)": a form's two letters for each.)
  "(?:cld|cl|co ly do|co ld|co phep|duoc phep|xin phep|co bao cao|co bao|co don|ld|om dau|om|benh|nam vien|di vien|di lam an xa|di lam xa|lam an xa|di xa|cong tac|di cong tac|viec gia dinh|viec rieng|co viec|ban viec|di hoc|dam cuoi|dam hieu|tuoi cao|sinh con|nuoi con nho)";
// "1 đ/c không rõ lý do": a reason nobody knows is none given; "chưa báo", leave not yet asked, is none either.
export const UNEXCUSED =
  "(?:kld|kl|k ld|ko ld|khong ld|kg ld|khong ly do|ko ly do|k ly do|kg ly do|hok ly do|hong ly do|hong co ly do|hong bao|hok bao|hong xin phep|hong phep|hok phep|hong co phep|khong co phep|ko co phep|hong co bao|khong co bao|ko co bao|khong co ly do|ko co ly do|k co ly do|khong phep|ko phep|k phep|vo ly do|ko bao cao|khong bao cao|k bao cao|khong bao|ko bao|k bao|khong xin phep|ko xin phep|k xin phep|khong duoc phep|ko duoc phep|k duoc phep|tu y|khong ro ly do|ko ro ly do|k ro ly do|chua ro ly do|khong ro ld|ko ro ld|chua bao|chua xin phep|chua co bao)";
export const EXEMPT = "(?:msh|mien sh|mien sinh hoat|mien shd|dc mien sh|duoc mien sh|mien|nghi sh)";
/** "nằm", "nắm" (at the start of the original text given): "nam" folded from a tone the number "năm" has not. */
export const RE_NOT_FIVE = /^n[ằắẳẵặầấẩẫậàáảãạ]m/i;
export const NEGATION = "(?:khong|ko|k|kg|hok|khg|chua|ch|hong)";

/**
 * A regex of alternatives, compiled once per set of live ones: an alternative a message cannot
 * match (it lacks the word the alternative needs) is left out of the scan, which is then much
 * cheaper. `group` maps each group number of the whole regex to the compiled one's (a group of a
 * left-out alternative maps past the end, so it reads `undefined`). On a message where the
 * left-out alternatives cannot match, every set gives the same matches as the whole regex.
 */
export class Alternation {
  private readonly compiled = new Map<number, { re: RegExp; group: number[] }>();
  private readonly groups: number[];

  constructor(
    private readonly parts: readonly string[],
    private readonly flags: string,
  ) {
    this.groups = parts.map((s) => (new RegExp(`${s}|`).exec("") as RegExpExecArray).length - 1);
  }

  /** The regex of the alternatives whose bit (1 << index) is set in `live`. */
  get(live: number): { re: RegExp; group: number[] } {
    let c = this.compiled.get(live);
    if (!c) {
      const total = this.groups.reduce((a, b) => a + b, 0);
      const group: number[] = [0];
      const kept: string[] = [];
      let next = 1;
      this.parts.forEach((s, i) => {
        const n = this.groups[i] as number;
        const on = (live & (1 << i)) !== 0;
        if (on) kept.push(s);
        for (let k = 0; k < n; k++) group.push(on ? next++ : total + 1);
      });
      c = { re: new RegExp(kept.join("|"), this.flags), group };
      this.compiled.set(live, c);
    }
    return c;
  }
}

/** "toàn xã", "cả Đảng bộ": the whole commune, as its office speaks of it. */
export const RE_COMMUNE_WIDE = new RegExp(`${WORD_START}(?:toan|ca) (?:xa|phuong|thi tran|dang bo)${WORD_END}`);
