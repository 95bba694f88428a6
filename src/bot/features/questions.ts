import { ChiboError } from "../../domain/errors.js";
import { fold } from "../../domain/text/fold.js";
import type { BotContext } from "../context.js";
import type { CommandSpec, Feature } from "../feature.js";
import { usableCommands } from "./help.js";

/**
 * Questions people type as sentences, folded (no diacritics), each with the commands that answer it,
 * best first: the first one the person may use is run ("ai chưa nộp báo cáo?" is `/tonghop` for the
 * commune office, `/xembaocao` for a secretary).
 */
const QUESTIONS: readonly { pattern: RegExp; commands: readonly string[] }[] = [
  // "tôi muốn xem dữ liệu cá nhân của mình", "thông tin của tôi" (not "nhật ký … thông tin cá nhân": the office's log)
  { pattern: /\b(du lieu|thong tin)( ca nhan)?( cua)? (toi|minh|em)\b|\b(xem|tai|lay|nhan) (ban sao )?du lieu\b/, commands: ["dulieu"] },
  // "lịch họp tháng này khi nào?", "bao giờ họp chi bộ", "sinh hoạt ở đâu"
  { pattern: /\blich (hop|sinh hoat|sh)\b|\b(hop|sinh hoat|shcb|sh)\b.*\b(khi nao|bao gio|ngay nao|hom nao|may gio|luc nao|o dau)\b|\b(khi nao|bao gio|hom nao|ngay nao)\b.*\b(hop|sinh hoat)\b/, commands: ["lichhop"] },
  // "ai chưa nộp báo cáo?", "chi bộ nào chưa báo cáo", "tình hình báo cáo"
  { pattern: /\bchua (nop|gui|lam)?\s?(bao cao|bc)\b|\b(tinh hinh|tien do) (bao cao|bc)\b/, commands: ["tonghop", "xembaocao"] },
  // "chi bộ mình bao nhiêu đảng viên?", "danh sách đảng viên"
  { pattern: /\b(bao nhieu|may|so) (dang vien|dv)\b|\bdanh sach (dang vien|dv|chi bo)\b|\b(chi bo|cb)\b.*\bbao nhieu\b/, commands: ["chibo"] },
  // "ai vắng buổi tới?", "ai đi họp"
  { pattern: /\bai\b.*\b(vang|di hop|co mat|du hop)\b|\bdiem danh\b/, commands: ["diemdanh", "lichhop"] },
  // "hộ nào chưa được thăm?"
  { pattern: /\bchua (duoc )?tham\b|\btham ho\b/, commands: ["thamho", "phutrach"] },
  // "tôi phụ trách những gì?", "ai phụ trách chi bộ"
  { pattern: /\bphu trach\b|\btheo doi ho\b/, commands: ["phutrach"] },
  // "xem báo cáo tháng trước"
  { pattern: /\bxem (lai )?(bao cao|bc)\b|\bbao cao (da gui|da duyet|thang truoc)\b/, commands: ["xembaocao"] },
];

/** Words too common to point at a command. */
const STOP = new Set(["cua", "cho", "cac", "nhung", "toi", "minh", "la", "co", "khong", "va", "de", "xem", "mot", "nay", "nao", "gi", "the", "sao", "thi", "voi", "duoc", "hay", "hoac", "vi", "du", "ban", "dong", "chi", "anh", "em", "oi", "a", "nhe", "nha", "lam"]);
/** Closest commands offered when nothing else answered. */
const MAX_SUGGESTIONS = 3;

function words(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !STOP.has(w));
}

/** The commands whose description shares most words with the text (at least one), best first. */
function closest(ctx: BotContext, commands: readonly CommandSpec[], text: string): CommandSpec[] {
  const typed = new Set(words(text));
  if (typed.size === 0) return [];
  return commands
    .map((c) => ({ c, score: [...new Set(words(`${c.names.join(" ")} ${ctx.t(c.description as string)}`))].filter((w) => typed.has(w)).length }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.c);
}

/**
 * Common questions typed as sentences, answered by the command that answers them (for the person's
 * role); any other text gets the closest commands instead of "Tôi chưa hiểu". Read after every other
 * reader, so a quick report stays a report.
 */
export function questionsFeature(allCommands: () => CommandSpec[]): Feature {
  return {
    name: "questions",
    async onText(ctx, text) {
      if (!ctx.actor) return false;
      const usable = usableCommands(ctx, allCommands());
      const folded = fold(text);
      // Commands that refused this person here: never suggested to them afterwards.
      const refused = new Set<CommandSpec>();
      for (const q of QUESTIONS) {
        if (!q.pattern.test(folded)) continue;
        for (const name of q.commands) {
          const command = usable.find((c) => c.names[0] === name);
          if (!command) continue;
          const before = ctx.replies.length;
          ctx.reply("question-answered-by", { command: `/${name}` });
          // What a batch group read ahead for this text was read for the free-text readers, not for this
          // command (whose `run` would take it for its own read-ahead): the command reads for itself.
          ctx.readAhead = undefined;
          try {
            await command.run(ctx, "");
            return true;
          } catch (error) {
            // A command offered to everyone may still refuse this person (a member's /xembaocao): a question is not an attempt.
            if (!(error instanceof ChiboError) || error.code !== "forbidden") throw error;
            ctx.replies.splice(before);
            refused.add(command);
          }
        }
      }
      const suggestions = closest(ctx, usable.filter((c) => !refused.has(c)), text);
      if (suggestions.length === 0) return false;
      ctx.replies.push({ text: [ctx.t("question-suggest"), ...suggestions.map((c) => `/${c.names[0]} — ${ctx.t(c.description as string)}`), ctx.t("question-suggest-help")].join("\n") });
      return true;
    },
  };
}
