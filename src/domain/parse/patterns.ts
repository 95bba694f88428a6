/** Shared regex sources (folded text) used by several extractors. */
import { COUNT_SOURCE } from "../text/number-words.js";

export const COUNT = COUNT_SOURCE;
/** "đồng chí" written every way: đ/c, Đc, dc, đ.c, đồng chí. */
export const COMRADE = "(?:d\\/c|d\\.c|dc|dong chi)";
/** Member nouns after a count: đv, đảng viên, đồng chí, người. */
export const MEMBER_NOUN = "(?:dv|dang vien|dong chi|d\\/c|dc|nguoi|dc)";
export const EXCUSED =
  "(?:cld|co ly do|co ld|co phep|xin phep|co bao cao|co don|ld|om dau|om|benh|nam vien|di vien|di lam an xa|di lam xa|lam an xa|di xa|cong tac|di cong tac|viec gia dinh|viec rieng|co viec|ban viec|di hoc|dam cuoi|dam hieu|tuoi cao|sinh con|nuoi con nho)";
export const UNEXCUSED =
  "(?:kld|k ld|ko ld|khong ld|kg ld|khong ly do|ko ly do|k ly do|kg ly do|hok ly do|khong co ly do|ko co ly do|k co ly do|khong phep|ko phep|k phep|vo ly do|ko bao cao|khong bao cao|k bao cao|khong bao|ko bao|k bao|khong xin phep|ko xin phep|k xin phep|tu y)";
export const EXEMPT = "(?:msh|mien sh|mien sinh hoat|mien shd|dc mien sh|duoc mien sh|mien|nghi sh)";
export const NEGATION = "(?:khong|ko|k|kg|hok|khg|chua|ch|hong)";
