/** Result shapes of the quick-report parser (the `chibo parse` JSON contract). */
import type { Absentee } from "./attendance.js";
import type { Resolution } from "./resolutions.js";

export const FORMS = ["monthly-meeting", "party-dues", "village-quarterly", "admissions", "annual-rating"] as const;
export type FormName = (typeof FORMS)[number];

export interface ParseOptions {
  /** The message's time; years, "hôm qua" and "mùng 5" are read from it. */
  now: Date;
  /** IANA zone for `now`; default Asia/Ho_Chi_Minh. */
  tz?: string;
}

export interface MonthlyMeetingFields {
  period?: string;
  meeting_date?: string;
  start_time?: string;
  end_time?: string;
  duration_min?: number;
  place?: string;
  kind?: "regular" | "thematic" | "combined";
  quarter?: string;
  thematic_topic?: string;
  presenter?: string;
  present?: number;
  members_expected?: number;
  absent_excused?: number;
  absent_unexcused?: number;
  absent_exempt?: number;
  absent_total?: number;
  absentees?: Absentee[];
  cadre_present?: boolean;
  cadre_name?: string;
  content_items?: string[];
  resolutions?: Resolution[];
}

export interface PartyDuesFields {
  period?: string;
  liable?: number;
  paid?: number;
  unpaid?: number;
  /** Collected from the members. */
  amount_vnd?: number;
  remitted?: boolean;
  /** Remitted to the commune (the committee above the cell). */
  remitted_vnd?: number;
  remitted_date?: string;
  remitted_to?: string;
  /** Kept by the cell ("để lại chi bộ 174.000đ", "chi bộ giữ lại 50%"). */
  retained_vnd?: number;
  /** Members named as not having paid ("2 đ/c chưa đóng (đ/c Lò Văn Hải, đ/c Vàng Thị Dung)"). */
  unpaid_names?: string[];
}

export interface VillageQuarterlyFields {
  period?: string;
  village?: string;
  households?: number;
  population?: number;
  area_km2?: number;
  poor_households?: number;
  near_poor_households?: number;
  members?: number;
  probationary?: number;
  unions?: { women?: number; farmers?: number; veterans?: number; youth?: number };
  /** The union counts again under the form's keys. */
  women_union?: number;
  farmers_union?: number;
  veterans_union?: number;
  youth_union?: number;
  secretary_is_village_head?: boolean;
  /**
   * "không thay đổi so với quý trước": fields not stated keep last quarter's values, which the
   * caller fills in (the parser does not know them).
   */
  unchanged?: boolean;
}

export interface AdmissionsFields {
  period?: string;
  admitted?: number;
  women?: number;
  ethnic_minority?: number;
  students?: number;
  youth_union?: number;
  religious?: number;
  /** Probationary members made full members (chuyển chính thức) in the period. */
  made_full?: number;
  /** Names of probationary members whose full membership is under way. */
  pending_full?: string[];
}

export type RatingLevel = "HTXS" | "HTT" | "HT" | "KHT";

export interface AnnualRatingFields {
  period?: string;
  htxs?: number;
  htt?: number;
  ht?: number;
  kht?: number;
  unrated?: number;
  cell_self_level?: RatingLevel;
}

export interface FieldsByForm {
  "monthly-meeting": MonthlyMeetingFields;
  "party-dues": PartyDuesFields;
  "village-quarterly": VillageQuarterlyFields;
  admissions: AdmissionsFields;
  "annual-rating": AnnualRatingFields;
}

/**
 * `missing`, `warnings` and `errors` hold strings that start with a stable code,
 * then ": " and a short detail ("attendance_mismatch: present 25 + absent 1 != expected 27").
 * The bot maps the code to a locale message.
 */
export interface ParseOk<F extends FormName = FormName> {
  ok: true;
  form: F;
  fields: FieldsByForm[F];
  missing: string[];
  warnings: string[];
}

export interface ParseFail {
  ok: false;
  errors: string[];
}

export type ParseResult<F extends FormName = FormName> = ParseOk<F> | ParseFail;

/** The code part of a warning/error string. @example codeOf("duration_short: 60 < 90") // "duration_short" */
export function codeOf(message: string): string {
  const i = message.indexOf(":");
  return i < 0 ? message : message.slice(0, i);
}
