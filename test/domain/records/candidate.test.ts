import { describe, expect, it } from "vitest";
import { admissionsFigures, certificateExpiresOn, certificateMonthsOf, checkStep, groupsOf, pipelineCounts, readCandidate, stageOf, type Candidate } from "../../../src/domain/records/candidate.js";
import { certificateNotices } from "../../../src/domain/schedule/candidate-certificate.js";

let seq = 0;
function candidate(p: Partial<Candidate>): Candidate {
  return { id: ++seq, orgId: 1, name: `Người ${seq}`, sex: null, birthYear: 2000, ethnicity: "Kinh", religion: null, flags: [], dates: { identified: "2025-01-10" }, droppedOn: null, personId: null, ...p };
}

describe("party development: steps", () => {
  it("goes in order, on days that have come and not before the step before", () => {
    const c = candidate({ dates: { identified: "2025-01-10" } });
    expect(checkStep(c, "dossier", "2025-03-01", "2025-06-01", 60)).toBe("not_next");
    expect(checkStep(c, "certificate", "2025-07-01", "2025-06-01", 60)).toBe("future");
    expect(checkStep(c, "certificate", "2025-01-01", "2025-06-01", 60)).toBe("before_previous");
    expect(checkStep(c, "certificate", "2025-03-01", "2025-06-01", 60)).toBeNull();
  });

  it("admits only while the certificate is valid (60 months) and confirms only after 12 months of probation", () => {
    expect(certificateExpiresOn("2020-02-29", 60)).toBe("2025-02-28");
    const late = candidate({ dates: { identified: "2019-01-01", certificate: "2020-03-01", dossier: "2020-06-01" } });
    expect(checkStep(late, "admitted", "2025-03-02", "2025-11-20", 60)).toBe("certificate_expired");
    expect(checkStep(late, "admitted", "2025-03-01", "2025-11-20", 60)).toBeNull();
    const probation = candidate({ dates: { identified: "2024-01-01", certificate: "2024-02-01", dossier: "2024-03-01", admitted: "2024-05-19" } });
    expect(checkStep(probation, "full", "2025-05-18", "2025-11-20", 60)).toBe("probation_not_over");
    expect(checkStep(probation, "full", "2025-05-19", "2025-11-20", 60)).toBeNull();
    expect(stageOf(probation)).toBe("admitted");
  });

  it("takes the province's validity within 12 to 120 months, and 60 when unset or out of bounds", () => {
    const late = candidate({ dates: { identified: "2019-01-01", certificate: "2022-01-10", dossier: "2022-06-01" } });
    expect(checkStep(late, "admitted", "2025-05-10", "2025-11-20", 36)).toBe("certificate_expired");
    expect(checkStep(late, "admitted", "2025-05-10", "2025-11-20", 60)).toBeNull();
    expect([null, 36, 11, 121, 36.5, "36"].map(certificateMonthsOf)).toEqual([60, 36, 60, 60, 60, 60]);
  });
});

describe("party development: figures", () => {
  const pipeline = [
    candidate({ sex: "F", ethnicity: "Nùng", flags: ["youth_union", "students"], dates: { identified: "2025-01-02", certificate: "2025-02-01", dossier: "2025-04-01", admitted: "2025-08-15" } }),
    candidate({ sex: "M", ethnicity: "Kinh", religion: "Phật giáo", dates: { identified: "2025-01-02", certificate: "2025-02-01", dossier: "2025-04-01", admitted: "2025-09-30" } }),
    candidate({ sex: "F", ethnicity: "Kinh", dates: { identified: "2025-01-02", certificate: "2025-02-01", dossier: "2025-04-01", admitted: "2025-10-01" } }),
    candidate({ sex: "M", ethnicity: "Tày", dates: { identified: "2023-01-02", certificate: "2023-02-01", dossier: "2023-04-01", admitted: "2024-07-01", full: "2025-07-01" } }),
    candidate({ sex: "F", ethnicity: "Dao", dates: { identified: "2025-05-02" } }),
    candidate({ sex: "F", ethnicity: "Kinh", dates: { identified: "2025-05-02", admitted: "2025-08-01" }, droppedOn: null, religion: "không" }),
  ];

  it("counts a quarter's admissions by group as counted by hand (groups overlap, never added up)", () => {
    // By hand, 2025-Q3 (July–September): admitted #1 (F, Nùng, youth union, student), #2 (M, Buddhist), #6 (F);
    // made full: #4 (1/7). Women 2 (#1, #6), minority 1 (#1), youth union 1, students 1, religious 1 (#2).
    expect(admissionsFigures(pipeline, "2025-Q3")).toEqual({ admitted: 3, women: 2, ethnic_minority: 1, youth_union: 1, students: 1, religious: 1, made_full: 1 });
    expect(admissionsFigures(pipeline, "2025-Q4")).toEqual({ admitted: 1, women: 1, ethnic_minority: 0, youth_union: 0, students: 0, religious: 0, made_full: 0 });
  });

  it("counts the pipeline by stage and group for a year", () => {
    const k = pipelineCounts(pipeline, "2025");
    expect(k.byStage).toEqual({ identified: 1, certificate: 0, dossier: 0, admitted: 4, full: 1, dropped: 0 });
    expect(k.admittedInYear).toBe(4);
    expect(k.pendingByGroup.ethnic_minority).toBe(1);
    expect(groupsOf(pipeline[0]!)).toEqual(["women", "ethnic_minority", "youth_union", "students"]);
  });
});

describe("party development: certificate reminders", () => {
  const at = (iso: string) => ({ now: new Date(iso), tz: "Asia/Ho_Chi_Minh", quietHours: { start: "21:30", end: "06:30", deferTo: "06:30" }, certificateMonths: 60 });
  const waiting = candidate({ dates: { identified: "2020-01-01", certificate: "2021-03-10", dossier: "2021-05-01" } });

  it("reminds the cell's leaders once, 60 days before the certificate lapses, until it lapses", () => {
    expect(certificateNotices([waiting], [7], at("2026-01-08T00:00:00Z"))).toEqual([]);
    const due = certificateNotices([waiting], [7, 8], at("2026-01-09T02:00:00Z"));
    expect(due.map((n) => n.key)).toEqual([`candidate.certificate:${waiting.id}:2026-03-10:7`, `candidate.certificate:${waiting.id}:2026-03-10:8`]);
    expect(certificateNotices([waiting], [7], at("2026-03-11T02:00:00Z"))).toEqual([]);
  });

  it("says nothing once admitted: probation has its own reminder", () => {
    const admitted = { ...waiting, dates: { ...waiting.dates, admitted: "2026-01-05" } };
    expect(certificateNotices([admitted], [7], at("2026-01-09T02:00:00Z"))).toEqual([]);
  });
});

describe("party development: a new candidate typed in chat", () => {
  it("reads name, sex, year, ethnicity, religion and groups in any order", () => {
    expect(readCandidate("Lương Thị Thu, nữ, 2007, dân tộc Nùng, đoàn viên, học sinh", 2026)).toEqual({
      name: "Lương Thị Thu",
      sex: "F",
      birthYear: 2007,
      ethnicity: "Nùng",
      religion: null,
      flags: ["youth_union", "students"],
    });
    expect(readCandidate("Nông Văn Bảy, tôn giáo Phật giáo, nam", 2026)).toMatchObject({ sex: "M", religion: "Phật giáo" });
  });

  it("refuses a missing name, a child's birth year and words it does not know", () => {
    expect(readCandidate("nữ, 2007", 2026)).toBe("name");
    expect(readCandidate("Lương Thị Thu, 2015", 2026)).toBe("part");
    expect(readCandidate("Lương Thị Thu, giỏi", 2026)).toBe("part");
  });
});
