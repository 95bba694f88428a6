import { expect, it } from "vitest";
import { exportFileName, periodInFileName } from "../../../src/domain/forms/file-name.js";
import { FORM_IDS } from "../../../src/domain/forms/registry.js";

it("names each form's workbook in Vietnamese without diacritics, the period sorting by date", () => {
  expect(exportFileName("monthly-meeting", "2026-11")).toBe("bao-cao-sinh-hoat-chi-bo-2026-11.xlsx");
  expect(exportFileName("party-dues", "2026-10")).toBe("thu-nop-dang-phi-2026-10.xlsx");
  expect(exportFileName("village-quarterly", "2026-Q3")).toBe("so-lieu-thon-2026-quy-3.xlsx");
  expect(exportFileName("admissions", "2026-Q4")).toBe("ket-nap-dang-vien-2026-quy-4.xlsx");
  expect(exportFileName("annual-rating", "2026")).toBe("kiem-diem-xep-loai-2026.xlsx");
  expect(periodInFileName("2025-Q3")).toBe("2025-quy-3");
  for (const form of FORM_IDS) expect(exportFileName(form, "2026-01")).toMatch(/^[a-z0-9-]+\.xlsx$/);
});
