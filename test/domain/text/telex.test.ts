import { describe, expect, it } from "vitest";
import { fold } from "../../../src/domain/text/fold.js";
import { foldSameLength } from "../../../src/domain/text/fold-same-length.js";
import { repairTelex } from "../../../src/domain/text/telex.js";

describe("repairTelex", () => {
  it.each([
    ["sinh hoajt", "sinh hoạt"],
    ["vawsng", "vắng"],
    ["rooif", "rồi"],
    ["cos mawt", "có măt"],
    ["dduwowcj", "được"],
    ["nguwowif", "người"],
    ["ddv", "đv"],
    ["Thij", "Thị"],
    ["kết nạp đuwowcj 1 đ/c", "kết nạp được 1 đ/c"],
    ["Đuwowcj đi", "Được đi"],
    ["đi đó Đàm ĐHNL", "đi đó Đàm ĐHNL"],
  ])("%s → %s", (input, out) => expect(repairTelex(input)).toBe(out));

  it("leaves abbreviations, names and English alone", () => {
    for (const w of ["ĐUX", "DUX", "HTXS", "BHYT", "cld", "kld", "shcd", "Pao", "Vi Van Sang", "zalo", "excel", "sh cb t11"]) {
      expect(repairTelex(w)).toBe(w);
    }
  });

  it("keeps a name with a doubled vowel in a message typed with marks", () => {
    expect(repairTelex("Dự bị: đ/c Moong Văn Ba, bản Cà Moong")).toBe("Dự bị: đ/c Moong Văn Ba, bản Cà Moong");
    expect(repairTelex("cb ban Khuoi Khon, dd/c Moong vawsng")).toBe("cb ban Khuoi Khon, đ/c Mông vắng");
    expect(repairTelex("Có mặt 12. Thoon Nà Mộc")).toBe("Có mặt 12. Thôn Nà Mộc");
    // Other keys left in the message: the input method was off for this word too.
    expect(repairTelex("kết napj 3, cho đ/c Noong Thij Duyên")).toBe("kết nạp 3, cho đ/c Nông Thị Duyên");
  });

  it("keeps a capitalised name whose only residue would be a doubled vowel, unless the words beside it are residue", () => {
    expect(repairTelex("vắng đ/c Moong Thị Hiền (ốm)")).toBe("vắng đ/c Moong Thị Hiền (ốm)");
    expect(repairTelex("chi bộ bản Cà Moong: KN 2")).toBe("chi bộ bản Cà Moong: KN 2");
    expect(repairTelex("thôn Khuổi Coong, đ/c Poong Văn Lả")).toBe("thôn Khuổi Coong, đ/c Poong Văn Lả");
    expect(repairTelex("dd/c Noong Thij Duyên")).toBe("đ/c Nông Thị Duyên");
    expect(repairTelex("vắng 1. Khoong cos ai ốm")).toBe("vắng 1. Không có ai ốm");
    expect(repairTelex("thôn Nặm Rif quý 1")).toBe("thôn Nặm Rì quý 1");
  });

  it("keeps a highland name that opens with W or closes on r when the words beside it are not residue", () => {
    expect(repairTelex("chưa đóng: đ/c Y Wang Buon Ya")).toBe("chưa đóng: đ/c Y Wang Buon Ya");
    expect(repairTelex("Chi bộ thôn Aur họp ngày 5")).toBe("Chi bộ thôn Aur họp ngày 5");
    expect(repairTelex("số liệu buôn Ea Sar quý 3")).toBe("số liệu buôn Ea Sar quý 3");
    // Another key in the word, or residue beside it: Telex after all.
    expect(repairTelex("thôn Khuooir Hẩu")).toBe("thôn Khuổi Hẩu");
    expect(repairTelex("cb thon Aur vawsng 2")).toBe("cb thon Ảu vắng 2");
    expect(repairTelex("Đ/c Hoangf Vawn Nam")).toBe("Đ/c Hoàng Văn Nam");
  });

  it("folds to the same plain word as typing without diacritics", () => {
    expect(fold(repairTelex("vawsng 1 cos lys do"))).toBe("vang 1 co ly do");
  });
});

describe("foldSameLength", () => {
  it("keeps length so indexes map back to the original", () => {
    const s = "Đ/c Nông Thị Hoa ốm".normalize("NFC");
    const f = foldSameLength(s);
    expect(f).toBe("d/c nong thi hoa om");
    expect(f.length).toBe(s.length);
  });
});

describe("Telex with the horn key typed after the final consonant", () => {
  it("reaches back over the coda: 'thucws' → 'thức', 'truocws' → 'trước'", () => {
    expect(repairTelex("thucws")).toBe("thức");
    expect(repairTelex("cacs chir tieeu khacs nhuw quys truocws")).toBe("các chỉ tiêu khác như quý trước");
  });
});
