import { formatDateVi } from "../time.js";
import type { FieldDefinition } from "./form-definition.js";

/** An amount of đồng as people read it: "1.280.000 đ". */
export function formatVnd(amount: number): string {
  return `${amount.toLocaleString("vi-VN")} đ`;
}

/** A stored value as a person reads it (labels for enums and booleans come from the locale via `t`). */
export function displayValue(field: FieldDefinition, value: unknown, t: (id: string) => string): string {
  if (value === undefined || value === null) return "—";
  switch (field.type) {
    case "date":
      return formatDateVi(String(value));
    case "bool":
      return t(value ? "yes" : "no");
    case "enum":
      if (field.key === "kind") return t(`kind-${String(value)}`);
      return field.key === "cell_self_level" ? t(`rating-level-${String(value)}`) : String(value);
    case "money":
      return formatVnd(Number(value));
    case "decimal":
      return String(value).replace(".", ",");
    case "text_list":
      return (value as string[]).join("; ");
    case "absentees":
      // Absent without leave said so: it is what the records and /tonghop count.
      return (value as { name: string; reason?: string; excused?: boolean | null }[])
        .map((a) => {
          const note = [a.reason, a.excused === false ? t("report-list-unexcused") : undefined].filter(Boolean).join(", ");
          return note ? `${a.name} (${note})` : a.name;
        })
        .join("; ");
    case "scores":
      return Object.entries(value as Record<string, number>)
        .map(([code, points]) => `${code}: ${String(points).replace(".", ",")}`)
        .join("; ");
    case "resolutions":
      return (value as { task: string; owner?: string; due?: string }[])
        .map((r) => [r.task, r.owner, r.due ? formatDateVi(r.due) : undefined].filter(Boolean).join(" — "))
        .join("; ");
    default:
      return String(value);
  }
}
