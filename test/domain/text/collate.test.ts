import { describe, expect, it } from "vitest";
import { byNameVi, compareVi } from "../../../src/domain/text/collate.js";

describe("Vietnamese name order", () => {
  it("puts Hà before Hoàng, Đ after D, and tones after the bare letter", () => {
    const names = ["Hoàng Văn Sáng", "Đinh Văn Tú", "Hà Thị Lan", "Dương Thị Hoa", "Hạ Văn Nam", "Ân Văn Bình", "An Thị Mai"];
    expect([...names].sort(compareVi)).toEqual(["An Thị Mai", "Ân Văn Bình", "Dương Thị Hoa", "Đinh Văn Tú", "Hà Thị Lan", "Hạ Văn Nam", "Hoàng Văn Sáng"]);
  });

  it("orders items by a name", () => {
    const units = [{ name: "Chi bộ thôn Đồng Mé" }, { name: "Chi bộ thôn Bản Chang" }, { name: "Chi bộ thôn Dạ" }];
    expect(units.sort(byNameVi((u) => u.name)).map((u) => u.name)).toEqual(["Chi bộ thôn Bản Chang", "Chi bộ thôn Dạ", "Chi bộ thôn Đồng Mé"]);
  });
});
