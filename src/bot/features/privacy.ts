import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { localClock } from "../../domain/schedule/local-time.js";
import { formatDateVi, localDate } from "../../domain/time.js";
import { orgById } from "../../services/org-lookup.service.js";
import { personalDataXlsx, type DataSheet } from "../../export/personal-data-workbook.js";
import { accessLogOf, accessLogRoots } from "../../services/access-log.service.js";
import { chooseRetention, isProvinceOffice, retentionInForce, retentionOverview } from "../../services/retention.service.js";
import {
  CORRECTION_MAX,
  closeCorrection,
  correctionCase,
  correctionsToHandle,
  type CorrectableField,
  type CorrectionCase,
  type FieldValue,
  myData,
  requestCorrection,
  unlinkChat,
  type PersonalData,
} from "../../services/privacy.service.js";
import { isOutboxKind } from "../../messaging/outbox-message.js";
import type { BotContext } from "../context.js";
import { periodLabel } from "../report/flow.js";
import type { Feature } from "../feature.js";
import { clip } from "../../domain/text/clip.js";

const FIX_FLOW = "privacy_fix";
/** The handler types what was done (`done`) or why nothing was (`declined`) for a request. */
const ANSWER_FLOW = "privacy_answer";
const idParam = z.coerce.number().int().positive().max(2_147_483_647);
/** How far back `/nhatkytruycap` looks, and how many lines it shows. */
const ACCESS_LOG_DAYS = 30;
const ACCESS_LOG_LINES = 50;
const DAY_MS = 86_400_000;

function when(ctx: BotContext, at: Date | null): string {
  if (!at) return "";
  const clock = localClock(at, ctx.tz);
  const hh = String(Math.floor(clock.minutes / 60)).padStart(2, "0");
  const mm = String(clock.minutes % 60).padStart(2, "0");
  return `${formatDateVi(clock.date)} ${hh}:${mm}`;
}

const day = (ctx: BotContext, at: Date | null) => (at ? formatDateVi(localDate(at, ctx.tz)) : "");

/** The linked accounts one line per channel (a guest link and an account on the same console are one channel): the first link, the last use, how many. */
function accountsByChannel(accounts: PersonalData["accounts"]): { channel: string; linkedAt: Date | null; lastSeenAt: Date | null; count: number }[] {
  const byChannel = new Map<string, { channel: string; linkedAt: Date | null; lastSeenAt: Date | null; count: number }>();
  for (const a of accounts) {
    const seen = byChannel.get(a.channel);
    if (!seen) {
      byChannel.set(a.channel, { ...a, count: 1 });
      continue;
    }
    seen.count += 1;
    if (a.linkedAt && (!seen.linkedAt || a.linkedAt < seen.linkedAt)) seen.linkedAt = a.linkedAt;
    if (a.lastSeenAt && (!seen.lastSeenAt || a.lastSeenAt > seen.lastSeenAt)) seen.lastSeenAt = a.lastSeenAt;
  }
  return [...byChannel.values()];
}
const whatLabel = (ctx: BotContext, what: string) => ctx.t(`privacy-what-${what.replaceAll(".", "_")}`);
const formLabel = (ctx: BotContext, form: string) => ctx.t(`form-${form}`);
/** "nữ", "nam": the stored code (F, M) is not what a member reads. */
const sexLabel = (ctx: BotContext, sex: string) => (sex === "F" ? ctx.t("records-sex-f") : sex === "M" ? ctx.t("records-sex-m") : sex);
const statusLabel = (ctx: BotContext, status: string) => (["draft", "submitted", "accepted", "reopened"].includes(status) ? ctx.t(`report-status-short-${status}`) : status);
/** A reminder's kind in words (`privacy-kind-…`); a kind no longer known stays as stored. */
const kindLabel = (ctx: BotContext, kind: string) => (isOutboxKind(kind) ? ctx.t(`privacy-kind-${kind.replaceAll(".", "_")}`) : kind);

/** "Bảng điều khiển", "Zalo": a channel as a member reads it, never the stored word ("console"). */
const channelLabel = (ctx: BotContext, channel: string | null) => (channel === null ? null : ["console", "telegram", "zalo"].includes(channel) ? ctx.t(`channel-${channel}`) : channel);
/** A household (head, code, village) or the cell or commune an assignment follows. */
const followLabel = (ctx: BotContext, f: PersonalData["follows"][number]) =>
  f.household ? ctx.t("privacy-follow-household", { head: f.household.head, code: f.household.code, village: f.household.village }) : (f.org ?? "");

type View = PersonalData["viewedBy"][number];
/** "Phan Thị Diệu (Cán bộ văn phòng, Đảng bộ xã Yên Thịnh)": the viewer, with the role and unit that reached the data that day. */
const viewerLabel = (ctx: BotContext, v: View) => (v.viewerRole && v.viewerOrg ? ctx.t("privacy-viewer-role", { viewer: v.viewer, role: ctx.t(`role-${v.viewerRole}`), org: v.viewerOrg }) : v.viewer);
/** What was viewed, of which org, and the report opened: "xem báo cáo có tên đồng chí … — Báo cáo sinh hoạt chi bộ tháng 12/2026, Chi bộ thôn Đồng Mới". */
function viewLabel(ctx: BotContext, v: View): string {
  const what = whatLabel(ctx, v.what);
  if (v.report) return ctx.t("privacy-view-report", { what, form: formLabel(ctx, v.report.form), period: periodLabel(ctx, v.report.period), org: v.org ?? "" });
  return v.org ? ctx.t("privacy-view-org", { what, org: v.org }) : what;
}
type Naming = PersonalData["namedIn"][number];
function namingLine(ctx: BotContext, n: Naming): string {
  const at = { form: formLabel(ctx, n.form), period: periodLabel(ctx, n.period), cell: n.cell };
  if (n.as === "owner") return ctx.t("privacy-named-owner", { ...at, task: n.detail ?? "" });
  return n.detail ? ctx.t("privacy-named-absent", { ...at, reason: n.detail }) : ctx.t("privacy-named-absent-no-reason", at);
}

function dataText(ctx: BotContext, d: PersonalData): string {
  const p = d.profile;
  const lines = [ctx.t("privacy-section-profile"), ctx.t("privacy-line-code", { code: p.code }), ctx.t("privacy-line-name", { name: p.fullName })];
  if (p.sex) lines.push(ctx.t("privacy-line-sex", { sex: sexLabel(ctx, p.sex) }));
  if (p.birthYear) lines.push(ctx.t("privacy-line-birth", { year: String(p.birthYear) }));
  if (p.ethnicity) lines.push(ctx.t("privacy-line-ethnicity", { ethnicity: p.ethnicity }));
  if (p.phone) lines.push(ctx.t("privacy-line-phone", { phone: p.phone }));
  if (p.membership) lines.push(ctx.t("privacy-line-membership", { membership: ctx.t(`membership-${p.membership}`) }));
  if (p.admittedOn) lines.push(ctx.t("privacy-line-admitted", { date: formatDateVi(p.admittedOn) }));
  if (p.fullMemberOn) lines.push(ctx.t("privacy-line-full", { date: formatDateVi(p.fullMemberOn) }));
  if (p.exempt) lines.push(ctx.t("privacy-line-exempt"));
  if (p.tempAttached) lines.push(ctx.t("privacy-line-temp"));
  if (d.roles.length > 0) {
    lines.push("", ctx.t("privacy-section-roles"));
    for (const r of d.roles) lines.push(ctx.t("privacy-role-line", { role: ctx.t(`role-${r.role}`), org: r.org, from: formatDateVi(r.from), to: r.to ? formatDateVi(r.to) : "none" }));
  }
  lines.push("", ctx.t("privacy-section-accounts"));
  for (const a of accountsByChannel(d.accounts)) lines.push(ctx.t("privacy-account-line", { channel: channelLabel(ctx, a.channel) ?? "", linked: day(ctx, a.linkedAt), count: a.count }));
  lines.push("", ctx.t("privacy-section-rsvps", { count: d.rsvps.length }));
  for (const r of d.rsvps) {
    const proxy = r.byProxy ? ` ${ctx.t("privacy-rsvp-proxy")}` : "";
    lines.push(r.answer === "yes" ? ctx.t("privacy-rsvp-yes", { date: formatDateVi(r.date), org: r.org }) + proxy : ctx.t("privacy-rsvp-no", { date: formatDateVi(r.date), org: r.org, reason: r.reason ?? ctx.t("meeting-no-reason") }) + proxy);
  }
  lines.push("", ctx.t("privacy-section-reports", { count: d.reports.length }));
  for (const r of d.reports) lines.push(ctx.t("privacy-report-line", { form: formLabel(ctx, r.form), period: periodLabel(ctx, r.period), org: r.org, status: statusLabel(ctx, r.status) }));
  if (d.corrections.length > 0) lines.push(ctx.t("privacy-section-corrected", { count: d.corrections.length }));
  if (d.follows.length > 0) {
    lines.push("", ctx.t("privacy-section-follows", { count: d.follows.length }));
    for (const f of d.follows) lines.push(ctx.t("privacy-follow-line", { what: followLabel(ctx, f), from: formatDateVi(f.from), to: f.to ? formatDateVi(f.to) : "none" }));
  }
  lines.push("", ctx.t("privacy-section-visits", { count: d.visits.length }));
  for (const v of d.visits) lines.push(ctx.t("privacy-visit-line", { date: formatDateVi(v.date), household: v.household, village: v.village }));
  if (d.selfReviews.length > 0) {
    lines.push("", ctx.t("privacy-section-self-reviews", { count: d.selfReviews.length }));
    for (const r of d.selfReviews) lines.push(ctx.t("privacy-self-review-line", { year: String(r.year), level: ctx.t(`rating-level-${r.level}`), text: r.text }));
  }
  if (d.tasks.length > 0) {
    lines.push("", ctx.t("privacy-section-tasks", { count: d.tasks.length }));
    for (const t of d.tasks) {
      const due = t.dueOn ? ` ${ctx.t("privacy-task-due", { date: formatDateVi(t.dueOn) })}` : "";
      lines.push(ctx.t("privacy-task-line", { period: periodLabel(ctx, t.period), cell: t.cell, task: t.task, status: ctx.t(`task-status-${t.status}`) }) + due);
    }
  }
  const sent = d.reminders.counts.reduce((n, c) => n + c.count, 0);
  lines.push("", ctx.t("privacy-section-reminders", { count: sent }));
  for (const c of d.reminders.counts) lines.push(ctx.t("privacy-reminder-count", { kind: kindLabel(ctx, c.kind), count: c.count }));
  if (d.reminders.recent.length > 0) {
    lines.push(ctx.t("privacy-reminder-recent"));
    for (const r of d.reminders.recent) lines.push(ctx.t("privacy-reminder-line", { at: when(ctx, r.sentAt), kind: kindLabel(ctx, r.kind) }));
  }
  if (d.consents.length > 0) {
    lines.push("", ctx.t("privacy-section-consents"));
    for (const c of d.consents) lines.push(ctx.t("privacy-consent-line", { at: when(ctx, c.at), channel: channelLabel(ctx, c.channel) ?? "", version: c.version, decision: ctx.t(`privacy-decision-${c.decision}`) }));
  }
  if (d.requests.length > 0) {
    lines.push("", ctx.t("privacy-section-requests"));
    for (const r of d.requests) {
      lines.push(ctx.t("privacy-request-line", { id: r.id, at: day(ctx, r.at), status: ctx.t(`privacy-request-${r.status}`) }) + (r.answer ? ` — ${r.answer}` : ""));
    }
  }
  if (d.development) {
    lines.push("", ctx.t("privacy-section-development"));
    if (d.development.religion) lines.push(ctx.t("dev-religion", { religion: d.development.religion }));
    if (d.development.groups.length > 0) lines.push(ctx.t("dev-groups", { groups: d.development.groups.map((g) => ctx.t(`dev-group-${g}`)).join(", ") }));
    for (const s of d.development.steps) lines.push(`${ctx.t(`dev-step-${s.step}`)}: ${formatDateVi(s.on)}`);
  }
  if (d.namedIn.length > 0) {
    lines.push("", ctx.t("privacy-section-named-in", { count: d.namedIn.length }));
    for (const n of d.namedIn) lines.push(namingLine(ctx, n));
  }
  if (d.viewedBy.length > 0) {
    lines.push("", ctx.t("privacy-section-views", { count: d.viewedBy.length }));
    for (const v of d.viewedBy) lines.push(ctx.t("privacy-view-line", { at: when(ctx, v.at), viewer: viewerLabel(ctx, v), what: viewLabel(ctx, v) }));
  }
  return lines.join("\n");
}

function dataSheets(ctx: BotContext, d: PersonalData): DataSheet[] {
  const p = d.profile;
  return [
    {
      name: "Hồ sơ",
      header: ["Mục", "Giá trị"],
      rows: [
        ["Mã", p.code],
        ["Họ tên", p.fullName],
        ["Giới tính", p.sex ? sexLabel(ctx, p.sex) : null],
        ["Năm sinh", p.birthYear],
        ["Dân tộc", p.ethnicity],
        ["Số điện thoại", p.phone],
        ["Đảng tịch", p.membership ? ctx.t(`membership-${p.membership}`) : null],
        ["Ngày vào Đảng", p.admittedOn ? formatDateVi(p.admittedOn) : null],
        ["Ngày chính thức", p.fullMemberOn ? formatDateVi(p.fullMemberOn) : null],
        ["Miễn sinh hoạt", p.exempt ? "có" : "không"],
        ["Sinh hoạt tạm thời", p.tempAttached ? "có" : "không"],
      ],
    },
    { name: "Chức vụ", header: ["Chức vụ", "Tổ chức", "Từ", "Đến"], rows: d.roles.map((r) => [ctx.t(`role-${r.role}`), r.org, formatDateVi(r.from), r.to ? formatDateVi(r.to) : null]) },
    { name: "Tài khoản chat", header: ["Kênh", "Liên kết", "Lần cuối", "Số liên kết"], rows: accountsByChannel(d.accounts).map((a) => [channelLabel(ctx, a.channel), when(ctx, a.linkedAt), when(ctx, a.lastSeenAt), a.count]) },
    {
      name: "Báo dự họp",
      header: ["Ngày họp", "Chi bộ", "Trả lời", "Lý do", "Ghi hộ"],
      rows: d.rsvps.map((r) => [formatDateVi(r.date), r.org, r.answer === "yes" ? "dự" : r.answer === "no" ? "vắng" : r.answer, r.reason, r.byProxy ? "bí thư ghi hộ" : ""]),
    },
    { name: "Báo cáo đã gửi", header: ["Mẫu", "Kỳ", "Tổ chức", "Trạng thái", "Gửi lúc"], rows: d.reports.map((r) => [formLabel(ctx, r.form), periodLabel(ctx, r.period), r.org, statusLabel(ctx, r.status), when(ctx, r.submittedAt)]) },
    { name: "Sửa báo cáo", header: ["Báo cáo số", "Lúc"], rows: d.corrections.map((c) => [c.reportId, when(ctx, c.at)]) },
    {
      name: "Phụ trách",
      header: ["Phụ trách", "Nhiệm vụ", "Từ ngày", "Đến ngày"],
      rows: d.follows.map((f) => [followLabel(ctx, f), f.duties, formatDateVi(f.from), f.to ? formatDateVi(f.to) : null]),
    },
    { name: "Thăm hộ", header: ["Ngày", "Chủ hộ", "Thôn", "Ghi chú"], rows: d.visits.map((v) => [formatDateVi(v.date), v.household, v.village, v.note]) },
    { name: "Tự đánh giá", header: ["Năm", "Tự xếp loại", "Tự nhận xét", "Lúc"], rows: d.selfReviews.map((r) => [r.year, ctx.t(`rating-level-${r.level}`), r.text, when(ctx, r.at)]) },
    {
      name: "Việc được giao",
      header: ["Tháng", "Chi bộ", "Việc", "Hạn", "Tình trạng", "Ghi chú"],
      rows: d.tasks.map((t) => [periodLabel(ctx, t.period), t.cell, t.task, t.dueOn ? formatDateVi(t.dueOn) : null, ctx.t(`task-status-${t.status}`), t.note]),
    },
    { name: "Số tin nhắc", header: ["Loại", "Số tin đã gửi"], rows: d.reminders.counts.map((c) => [kindLabel(ctx, c.kind), c.count]) },
    { name: "Tin nhắc gần nhất", header: ["Loại", "Kênh", "Gửi lúc"], rows: d.reminders.recent.map((r) => [kindLabel(ctx, r.kind), channelLabel(ctx, r.channel), when(ctx, r.sentAt)]) },
    { name: "Đồng ý", header: ["Lúc", "Kênh", "Bản", "Quyết định"], rows: d.consents.map((c) => [when(ctx, c.at), channelLabel(ctx, c.channel), c.version, ctx.t(`privacy-decision-${c.decision}`)]) },
    {
      name: "Yêu cầu sửa",
      header: ["Số", "Nội dung", "Tình trạng", "Kết quả", "Gửi lúc", "Xử lý lúc"],
      rows: d.requests.map((r) => [r.id, r.text, ctx.t(`privacy-request-${r.status}`), r.answer, when(ctx, r.at), when(ctx, r.doneAt)]),
    },
    {
      name: "Phát triển đảng",
      header: ["Mục", "Nội dung"],
      rows: d.development
        ? [
            ["Tôn giáo", d.development.religion],
            ["Nhóm đối tượng", d.development.groups.map((g) => ctx.t(`dev-group-${g}`)).join(", ")],
            ...d.development.steps.map((s): [string, string] => [ctx.t(`dev-step-${s.step}`), formatDateVi(s.on)]),
          ]
        : [],
    },
    {
      name: "Báo cáo có tên",
      header: ["Mẫu", "Kỳ", "Chi bộ", "Có tên là", "Lý do vắng / Việc"],
      rows: d.namedIn.map((n) => [formLabel(ctx, n.form), periodLabel(ctx, n.period), n.cell, ctx.t(`privacy-named-as-${n.as}`), n.detail]),
    },
    {
      name: "Người đã xem",
      header: ["Lúc", "Người xem", "Chức vụ", "Đơn vị", "Việc", "Của tổ chức", "Báo cáo"],
      rows: d.viewedBy.map((v) => [
        when(ctx, v.at),
        v.viewer,
        v.viewerRole ? ctx.t(`role-${v.viewerRole}`) : null,
        v.viewerOrg,
        whatLabel(ctx, v.what),
        v.org,
        v.report ? `${formLabel(ctx, v.report.form)} ${periodLabel(ctx, v.report.period)}` : null,
      ]),
    },
  ];
}

/** `/dulieu`: the person's own data as a message and, where files can be sent, as an XLSX file. */
async function showMyData(ctx: BotContext): Promise<void> {
  const actor = ctx.requireActor();
  const data = await myData(ctx.db, actor, ctx.today);
  ctx.ask(dataText(ctx, data), [{ label: ctx.t("privacy-fix-button"), action: "pd:fix" }], ctx.t("privacy-title"));
  if (!ctx.files) {
    ctx.reply("privacy-file-unavailable");
    return;
  }
  ctx.replies.push({
    text: ctx.t("privacy-file-caption"),
    attachment: {
      kind: "document",
      filename: `du-lieu-${data.profile.code}.xlsx`,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      data: await personalDataXlsx(dataSheets(ctx, data)),
      fallbackText: ctx.t("privacy-file-unavailable"),
    },
  });
}

async function fixText(ctx: BotContext, text: string): Promise<void> {
  const actor = ctx.requireActor();
  const body = text.trim();
  if (!body || body.startsWith("/") || body.length > CORRECTION_MAX) {
    ctx.reply("privacy-fix-empty", { max: CORRECTION_MAX });
    return;
  }
  const { id } = await requestCorrection(ctx.db, actor, body, ctx.now);
  ctx.clearFlow();
  ctx.reply("privacy-fix-sent", { id });
}

async function showCorrections(ctx: BotContext): Promise<void> {
  const actor = ctx.requireActor();
  if (!mayEver(actor, "correction.handle")) throw new ChiboError("forbidden");
  const open = await correctionsToHandle(ctx.db, actor);
  if (open.length === 0) {
    ctx.reply("corrections-none");
    return;
  }
  const lines = open.map((c) => ctx.t("corrections-line", { id: c.id, name: c.personName, at: day(ctx, c.at), text: c.text }));
  ctx.ask(lines.join("\n"), open.slice(0, 10).map((c) => ({ label: ctx.t("corrections-handle-button", { id: c.id }), action: `pd:done:${c.id}` })), ctx.t("corrections-title", { count: open.length }));
}

/** A field's value as a member reads it: "nữ", "15/03/1985", "có"; "—" for nothing. */
function fieldValue(ctx: BotContext, field: CorrectableField, value: FieldValue): string {
  if (value === null || value === "") return "—";
  if (typeof value === "boolean") return ctx.t(value ? "doc-yes" : "doc-no");
  if (field === "sex") return sexLabel(ctx, String(value));
  if (field === "membership") return ctx.t(`membership-${value}`);
  if (field === "admitted_on" || field === "full_member_on") return formatDateVi(String(value));
  return String(value);
}

/** "Năm sinh: 1991 → 1990; Số điện thoại: — → 0912…": what changed since the request. */
function changesText(ctx: BotContext, c: CorrectionCase): string {
  return c.changes.map((x) => ctx.t("corrections-change", { field: ctx.t(`privacy-field-${x.field}`), before: fieldValue(ctx, x.field, x.before), after: fieldValue(ctx, x.field, x.after) })).join("; ");
}

/**
 * One request to handle: what was asked, the record now, whether it changed since, and how to change
 * it (the office's people import: a secretary asks the office, the office edits its roll file and
 * imports it); then "Đã sửa xong" (closes with the changes, or asks what was done), "Không sửa" (asks
 * why) or "Để sau".
 */
function showCase(ctx: BotContext, c: CorrectionCase): void {
  const record = CORRECTABLE_SHOWN.filter((f) => c.current[f] !== null && c.current[f] !== "")
    .map((f) => `${ctx.t(`privacy-field-${f}`)}: ${fieldValue(ctx, f, c.current[f])}`)
    .join("; ");
  const lines = [
    ctx.t("corrections-case", { id: c.id, name: c.personName, at: day(ctx, c.at), text: c.text }),
    ctx.t("corrections-record", { record }),
    c.changes.length > 0 ? ctx.t("corrections-changed", { changes: changesText(ctx, c) }) : ctx.t("corrections-unchanged"),
    c.handlerIsOffice ? ctx.t("corrections-how-office") : ctx.t("corrections-how-secretary", { office: c.office ? officeName(c.office) : ctx.t("corrections-office-unknown") }),
  ];
  ctx.ask(lines.join("\n"), [
    { label: ctx.t("corrections-fixed-button"), action: `pd:fixed:${c.id}` },
    { label: ctx.t("corrections-declined-button"), action: `pd:declined:${c.id}` },
    { label: ctx.t("corrections-later-button"), action: `pd:later:${c.id}` },
  ]);
}

/** The fields shown as the record now (the flags only when set). */
const CORRECTABLE_SHOWN: readonly CorrectableField[] = ["full_name", "sex", "birth_year", "ethnicity", "phone", "membership", "admitted_on", "full_member_on", "exempt", "temp_attached"];

/** "Đảng bộ xã Tân Văn" → "Đảng ủy xã Tân Văn": the committee whose office keeps the roll. */
const officeName = (committee: string) => committee.replace(/^Đảng bộ/, "Đảng ủy");

async function answered(ctx: BotContext, id: number, outcome: "done" | "declined", answer: string): Promise<void> {
  await closeCorrection(ctx.db, ctx.requireActor(), id, outcome, answer, ctx.now);
  ctx.clearFlow();
  ctx.reply(outcome === "done" ? "corrections-closed-done" : "corrections-closed-declined", { id, answer });
}

/** The handler's words for how a request ended: what was done, or why nothing was. */
async function answerText(ctx: BotContext, text: string): Promise<void> {
  const body = text.trim();
  const state = ctx.state.flow?.data ?? {};
  const id = idParam.safeParse(state.id);
  const outcome = state.outcome === "declined" ? "declined" : "done";
  if (!id.success) {
    ctx.clearFlow();
    throw new ChiboError("stale_choice");
  }
  if (!body || body.startsWith("/") || body.length > CORRECTION_MAX) {
    ctx.reply("corrections-answer-empty", { max: CORRECTION_MAX });
    return;
  }
  await answered(ctx, id.data, outcome, body);
}

async function showAccessLog(ctx: BotContext): Promise<void> {
  const actor = ctx.requireActor();
  const roots = [...new Set(accessLogRoots(actor))];
  if (roots.length === 0) throw new ChiboError("forbidden");
  const kept = (await retentionInForce(ctx.db)).accessLog;
  const days = Math.min(ACCESS_LOG_DAYS, kept);
  const since = new Date(ctx.now.getTime() - days * DAY_MS);
  for (const root of roots) {
    const org = await orgById(ctx.db, root);
    const lines = await accessLogOf(ctx.db, actor, root, since, ACCESS_LOG_LINES);
    const text = lines.length === 0
      ? ctx.t("access-log-none", { days })
      : lines.map((l) => ctx.t("access-log-line", { at: when(ctx, l.at), viewer: l.viewer, what: whatLabel(ctx, l.what), org: l.org ?? "none", count: l.peopleCount ?? "none", subject: l.subject ?? "none" })).join("\n");
    ctx.replies.push({ title: ctx.t("access-log-title", { org: org?.name ?? "", days }), text });
  }
}

/** `/luutru`: the retention table in force; `/luutru KIND DAYS` lets the province office choose where allowed. */
async function retention(ctx: BotContext, args: string): Promise<void> {
  const actor = ctx.requireActor();
  if (!mayEver(actor, "access_log.view")) throw new ChiboError("forbidden");
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    if (!(await isProvinceOffice(ctx.db, actor))) throw new ChiboError("forbidden");
    const days = Number(words[1]);
    const choice = words.length === 2 ? await chooseRetention(ctx.db, words[0] as string, days, { personId: actor.personId, at: ctx.now }) : ({ ok: false, problem: "unknown_kind" } as const);
    if (!choice.ok) {
      ctx.reply(`retention-${choice.problem.replaceAll("_", "-")}`, { kind: clip(words[0] ?? "", 32) });
      return;
    }
    ctx.reply("retention-saved", { kind: words[0] as string, days });
    if (choice.revised) ctx.reply("retention-notice-again");
  }
  const rows = await retentionOverview(ctx.db);
  const lines = rows.map((r) =>
    ctx.t(r.settable ? "retention-line-settable" : "retention-line", { kind: r.kind, what: ctx.t(`retention-kind-${r.kind}`), days: r.inForce, min: r.settable?.min ?? 0, max: r.settable?.max ?? 0 }),
  );
  lines.push("", ctx.t("retention-how"));
  ctx.replies.push({ title: ctx.t("retention-title"), text: lines.join("\n") });
}

async function askUnlink(ctx: BotContext): Promise<void> {
  if (ctx.account.personId === null || !ctx.person) {
    ctx.reply("unlink-not-linked");
    return;
  }
  ctx.ask(ctx.t("unlink-ask", { name: ctx.person.fullName }), [
    { label: ctx.t("unlink-confirm"), action: "pd:unlink" },
    { label: ctx.t("unlink-keep"), action: "pd:keep" },
  ]);
}

/**
 * The person's rights over their data (Law 91/2025/QH15): `/dulieu` to see it all and ask for a
 * correction, `/huylienket` to unlink this chat account; for cell leaders and offices `/yeucausua`
 * (requests to handle) and for the commune office `/nhatkytruycap` (who viewed whose details).
 */
export const privacyFeature: Feature = {
  name: "privacy",
  commands: [
    { names: ["dulieu", "mydata"], description: "cmd-dulieu", run: (ctx) => showMyData(ctx) },
    { names: ["huylienket", "unlink"], description: "cmd-huylienket", public: true, run: (ctx) => askUnlink(ctx) },
    // `requires`: offered (in /trogiup and as suggestions) only to those who may use them.
    { names: ["yeucausua", "corrections"], description: "cmd-yeucausua", requires: ["correction.handle"], run: (ctx) => showCorrections(ctx) },
    { names: ["nhatkytruycap", "accesslog"], description: "cmd-nhatkytruycap", requires: ["access_log.view"], run: (ctx) => showAccessLog(ctx) },
    { names: ["luutru", "retention"], description: "cmd-luutru", requires: ["access_log.view"], run: (ctx, args) => retention(ctx, args) },
  ],
  actions: {
    async pd(ctx, [verb, rawId]) {
      const actor = ctx.requireActor();
      if (verb === "fix") {
        ctx.setFlow(FIX_FLOW, "text", {});
        ctx.reply("privacy-fix-ask");
        return;
      }
      if (verb === "done" || verb === "fixed" || verb === "declined") {
        const id = idParam.safeParse(rawId);
        if (!id.success) throw new ChiboError("stale_choice");
        const found = await correctionCase(ctx.db, actor, id.data);
        if (verb === "done") return showCase(ctx, found);
        // Closing as corrected without a change on record: the handler says what was done, in words.
        if (verb === "fixed" && found.changes.length > 0) return answered(ctx, found.id, "done", changesText(ctx, found));
        ctx.setFlow(ANSWER_FLOW, "text", { id: found.id, outcome: verb === "fixed" ? "done" : "declined" });
        ctx.reply(verb === "fixed" ? "corrections-ask-done" : "corrections-ask-declined", { name: found.personName });
        return;
      }
      if (verb === "later") {
        ctx.reply("corrections-later");
        return;
      }
      if (verb === "keep") {
        ctx.reply("unlink-kept");
        return;
      }
      if (verb === "unlink") {
        const done = await unlinkChat(ctx.db, actor.personId, { id: ctx.account.id, channel: ctx.msg.channel, chatId: ctx.msg.chatId }, ctx.now);
        ctx.reply(done ? "unlink-done" : "unlink-not-linked");
        return;
      }
      throw new ChiboError("stale_choice");
    },
  },
  flows: { [FIX_FLOW]: fixText, [ANSWER_FLOW]: answerText },
};
