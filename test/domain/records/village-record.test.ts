import { describe, expect, it } from "vitest";
import { applyChanges, diffFigures, formValuesOf, readChanges, readQuarter, recentQuarters, villageUnitOf, type VillageFigures } from "../../../src/domain/records/village-record.js";

const base: VillageFigures = {
  households: 142,
  population: 618,
  areaKm2: 5.2,
  organizations: { party: 31, women: 87 },
  workforce: [
    { role: "village_head", name: "Hoàng Văn Páo", sex: "M", birthYear: 1968, ethnicity: "Tày", education: "9/12", occupation: "làm ruộng", partyMember: true },
    { role: "health_worker", name: "Lục Thị Hoa", sex: "F", birthYear: 1990, ethnicity: "Nùng", education: "12/12", occupation: "y sĩ", partyMember: false },
  ],
};

describe("village record: reading a secretary's changes", () => {
  it("reads figures and organizations with or without diacritics, thousands and decimal commas", () => {
    const { changes, problems } = readChanges("dan so 1.230\nho ngheo: 12; dien tich 5,25\nCCB 14\nchi đoàn 24", 2026, 2);
    expect(problems).toEqual([]);
    expect(changes).toEqual([
      { kind: "figure", key: "population", value: 1230 },
      { kind: "figure", key: "poorHouseholds", value: 12 },
      { kind: "figure", key: "areaKm2", value: 5.25 },
      { kind: "organization", key: "veterans", value: 14 },
      { kind: "organization", key: "youth", value: 24 },
    ]);
  });

  it("adds, edits and removes workers by their number in the list shown", () => {
    const { changes, problems } = readChanges("thêm: công an viên, Vi Văn Sáng, nam, 1985, Tày, 12/12, công an, đảng viên\nsửa 2: trình độ 12/12 + cao đẳng\nbỏ 1", 2026, 2);
    expect(problems).toEqual([]);
    const after = applyChanges(base, changes);
    expect(after.workforce.map((w) => w.name)).toEqual(["Lục Thị Hoa", "Vi Văn Sáng"]);
    expect(after.workforce[0]!.education).toBe("12/12 + cao đẳng");
    expect(after.workforce[1]).toMatchObject({ role: "police", sex: "M", birthYear: 1985, partyMember: true });
  });

  it("names each line it cannot read and takes none of them", () => {
    const { problems } = readChanges("dân số nhiều\nsửa 5: trình độ 12/12\nthêm: thủ quỹ, Ai Đó\nbỏ 0\nthời tiết 30", 2026, 2);
    expect(problems.map((p) => p.code)).toEqual(["unknown", "worker_index", "worker_role", "worker_index", "unknown"]);
  });

  it("refuses a birth year in the future and a figure over its bound", () => {
    expect(readChanges("thêm: trưởng thôn, Nông Văn A, nam, 2030", 2026, 0).problems[0]!.code).toBe("worker_fields");
    expect(readChanges("dân số 500000", 2026, 0).problems[0]!.code).toBe("number");
  });
});

describe("village record: comparing quarters", () => {
  it("marks changed figures, organizations and workers; a worker renamed in the same post is a change, a new post an addition", () => {
    const after = applyChanges(base, [
      { kind: "figure", key: "population", value: 630 },
      { kind: "organization", key: "women", value: 90 },
      { kind: "edit_worker", index: 1, patch: { education: "12/12 + cao đẳng" } },
      { kind: "add_worker", worker: { role: "police", name: "Vi Văn Sáng", sex: "M", birthYear: 1985, ethnicity: null, education: null, occupation: null, partyMember: false } },
    ]);
    const diff = diffFigures(base, after);
    expect(diff).toEqual({ figures: ["population"], organizations: ["women"], workersChanged: [1], workersChangedFrom: [base.workforce[1]], workersAdded: [2], workersRemoved: [] });
    expect(diffFigures(base, applyChanges(base, [{ kind: "remove_worker", index: 0 }])).workersRemoved.map((w) => w.name)).toEqual(["Hoàng Văn Páo"]);
  });

  it("another person in the same post is one who left and one new; a name's spelling fixed is an edit", () => {
    const tam = { role: "police", name: "Lê Văn Tám", sex: "M", birthYear: 1979, ethnicity: "Kinh", education: "12/12", occupation: "công an", partyMember: true } as const;
    const before: VillageFigures = { ...base, workforce: [...base.workforce, tam] };
    const manh = { ...tam, name: "Nguyễn Đức Mạnh", birthYear: 1990 };
    const replaced = diffFigures(before, { ...before, workforce: [...base.workforce, manh] });
    expect(replaced).toMatchObject({ workersChanged: [], workersAdded: [2], workersRemoved: [tam] });
    // "Le Van Tam" retyped with its marks, or the same man (sex, year of birth) with his name corrected.
    const typo = { ...tam, name: "Le Van Tam" };
    expect(diffFigures({ ...before, workforce: [...base.workforce, typo] }, before)).toMatchObject({ workersChanged: [2], workersChangedFrom: [typo], workersAdded: [], workersRemoved: [] });
    expect(diffFigures(before, { ...before, workforce: [...base.workforce, { ...tam, name: "Lê Văn Tâm" }] })).toMatchObject({ workersChanged: [2], workersAdded: [], workersRemoved: [] });
  });

  it("names the head after the village's kind: thôn, tổ dân phố, ấp, bản", () => {
    expect(villageUnitOf({ areaKind: "residential_group", areaName: "tổ dân phố số 3", name: "Chi bộ tổ dân phố số 3" })).toBe("to_dan_pho");
    expect(villageUnitOf({ areaKind: "village", areaName: "thôn Làng Bún", name: "Chi bộ thôn Làng Bún" })).toBe("thon");
    expect(villageUnitOf({ areaKind: "village", areaName: null, name: "Chi bộ ấp Tân Lập" })).toBe("ap");
    expect(villageUnitOf({ areaKind: "village", areaName: "Bản Phiêng", name: "Chi bộ bản Phiêng" })).toBe("ban");
    expect(villageUnitOf({ areaKind: "residential_group", areaName: "Hòa Bình", name: "Chi bộ Hòa Bình" })).toBe("to_dan_pho");
    expect(villageUnitOf({ areaKind: null, areaName: null, name: "Chi bộ Nà Thưa" })).toBe("thon");
  });

  it("a first record is not a change", () => {
    expect(diffFigures(undefined, base)).toEqual({ figures: [], organizations: [], workersChanged: [], workersChangedFrom: [], workersAdded: [], workersRemoved: [] });
  });

  it("maps to the quarterly village form's fields", () => {
    expect(formValuesOf(base)).toEqual({ households: 142, population: 618, area_km2: 5.2, members: 31, women_union: 87 });
  });
});

describe("village record: quarters", () => {
  it("reads a quarter in the ways offices write it; a quarter without a year is the latest one not to come", () => {
    expect(readQuarter("quý 3/2025", "2025-11-20")).toBe("2025-Q3");
    expect(readQuarter("quy III nam 2024", "2025-11-20")).toBe("2024-Q3");
    expect(readQuarter("q2 2025", "2025-11-20")).toBe("2025-Q2");
    expect(readQuarter("2025-Q1", "2025-11-20")).toBe("2025-Q1");
    expect(readQuarter("quý 4", "2026-02-01")).toBe("2025-Q4");
    expect(readQuarter("tháng 11", "2025-11-20")).toBeUndefined();
  });

  it("offers the current quarter and the three before", () => {
    expect(recentQuarters("2026-02-01")).toEqual(["2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2"]);
  });
});
