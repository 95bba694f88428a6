import { expect, it } from "vitest";
import { cellCoreName, cellsMentioned } from "../../src/domain/cell-mention.js";

const cells = [
  { id: 1, name: "Chi bộ thôn Pò Lài" },
  { id: 2, name: "Chi bộ thôn Nà Thưa" },
  { id: 3, name: "Chi bộ tổ dân phố Tân Hòa 2" },
];

it("reads a cell's own name out of its title", () => {
  expect(cellCoreName("Chi bộ thôn Nà Thưa")).toBe("na thua");
  expect(cellCoreName("Chi bộ tổ dân phố Tân Hòa 2")).toBe("tan hoa 2");
});

it("finds the cells a message names, with or without diacritics, and only as a cell", () => {
  expect(cellsMentioned("bc sh chi bo Na Thua t11: co mat 8/9", cells).map((c) => c.id)).toEqual([2]);
  expect(cellsMentioned("Bc cb thôn Pò Lài t11: sh ngày 5/11", cells).map((c) => c.id)).toEqual([1]);
  expect(cellsMentioned("Chi bộ TDP Tân Hòa 2 sinh hoạt tối CN", cells).map((c) => c.id)).toEqual([3]);
  expect(cellsMentioned("TDP Tân Hòa 20 họp", cells)).toEqual([]);
  expect(cellsMentioned("bc sh cb t11: hop toi 5/11, co mat 9/10", cells)).toEqual([]);
  expect(cellsMentioned("lúa ở bãi na thua lỗ", cells)).toEqual([]);
});

it("answers the same for a name seen before (patterns are kept per name), and for a renamed cell by its new name", () => {
  const texts = ["bc sh chi bo Na Thua t11", "Bc cb thôn Pò Lài t11", "TDP Tân Hòa 20 họp", "cb thon na thua, cb pò lài họp chung"];
  const first = texts.map((t) => cellsMentioned(t, cells).map((c) => c.id));
  expect(texts.map((t) => cellsMentioned(t, cells).map((c) => c.id))).toEqual(first);
  expect(first).toEqual([[2], [1], [], [1, 2]]);
  const renamed = [{ id: 2, name: "Chi bộ thôn Nà Thưa Mới" }];
  expect(cellsMentioned("bc sh chi bo Na Thua t11", renamed)).toEqual([]);
  expect(cellsMentioned("bc sh chi bo Na Thua Moi t11", renamed).map((c) => c.id)).toEqual([2]);
});
