import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/domain/parse/index.js";

const read = (text: string, now: string) => {
  const r = parseReport("admissions", text, { now: new Date(now) });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.fields;
};

describe("parseReport admissions, read as a careful person reads a report", () => {
  it.each([
    [
      "Quý II/2026 chi bộ kết nạp 2 đảng viên (1 nữ, 2 dân tộc thiểu số), chuyển chính thức 1 đ/c",
      "2026-07-02T08:00:00+07:00",
      { period: "2026-Q2", admitted: 2, women: 1, ethnic_minority: 2, made_full: 1 },
    ],
    [
      "Báo cáo: năm 2026 chi bộ kết nạp được 4 đảng viên mới (2 nữ; 3 người dân tộc thiểu số; 1 đồng chí theo đạo Công giáo; cả 4 đều là đoàn viên)",
      "2026-12-10T08:00:00+07:00",
      { admitted: 4, women: 2, ethnic_minority: 3, religious: 1, youth_union: 4 },
    ],
    [
      "KN 2 dc: dc Hoang Thi Lan (nu, Tay, doan vien), dc Vi Van Duc (Nung). CCT 1 dc.",
      "2026-12-10T08:00:00+07:00",
      { admitted: 2, women: 1, ethnic_minority: 2, youth_union: 1, made_full: 1 },
    ],
    [
      "Chi bộ kết nạp 3 đ/c:\n- Hà Thị Mơ: nữ, Thái, sinh viên\n- Lò Văn Hặc: Thái, đoàn viên\n- Cầm Thị Ún: nữ, Thái\nChuyển chính thức 2 đ/c",
      "2026-12-10T08:00:00+07:00",
      { admitted: 3, women: 2, ethnic_minority: 3, students: 1, youth_union: 1, religious: 0, made_full: 2 },
    ],
    [
      "E bc: cb ket nap 2 dv, 1 dv la hs, 1 dv la bo doi xuat ngu. Ca 2 deu nguoi Dao",
      "2026-08-10T08:00:00+07:00",
      { admitted: 2, students: 1, ethnic_minority: 2 },
    ],
    [
      "Năm nay cb kết nạp được năm đồng chí, trong đó ba chị em phụ nữ",
      "2026-12-10T08:00:00+07:00",
      { period: "2026", admitted: 5, women: 3 },
    ],
    [
      "chi bộ kết nạp 2đv(đều là đoàn viên),chuyển chính thức 1đv",
      "2026-09-30T08:00:00+07:00",
      { admitted: 2, youth_union: 2, made_full: 1 },
    ],
    [
      "BC kết nạp đảng quý 3\n+ đ/c Bàn Văn Quý: Dao, đoàn viên, kết nạp 12/8\n+ đ/c Đặng Thị Lanh: Dao, nữ, kết nạp 12/8\n+ chuyển chính thức đ/c Triệu Văn Sình ngày 30/9",
      "2026-10-02T08:00:00+07:00",
      { period: "2026-Q3", admitted: 2, women: 1, ethnic_minority: 2, youth_union: 1, made_full: 1 },
    ],
    [
      "năm nay cb kết nạp đc 3 đ/c: 2 đ/c nữ (1 đ/c người Dao), 1 đ/c nam người Tày. đã làm thủ tục chuyển chính thức cho 2 đ/c",
      "2026-12-18T08:00:00+07:00",
      { admitted: 3, women: 2, ethnic_minority: 2, made_full: 2 },
    ],
    [
      "Năm nay chi bộ kết nạp 2 đồng chí. Chỉ tiêu huyện giao là 3 nên chưa đạt. Cả 2 đồng chí đều là đoàn viên thanh niên, 1 nữ.",
      "2026-12-18T08:00:00+07:00",
      { admitted: 2, youth_union: 2, women: 1 },
    ],
    [
      "Báo cáo kết nạp quý IV/2026 (chi bộ thôn Khuổi Luông):\n- đ/c Triệu Thị Xuân, nữ, Dao, đoàn viên\n- đ/c Hoàng Văn Páo, Tày",
      "2026-12-20T08:00:00+07:00",
      { period: "2026-Q4", admitted: 2, women: 1, ethnic_minority: 2, youth_union: 1, students: 0 },
    ],
    [
      "II. Công tác phát triển đảng viên năm 2026\n1. Kết nạp: 02 (đ/c Lường Thị Ính, dân tộc Thái, nữ; đ/c Lò Văn Sơn, dân tộc Thái)",
      "2026-12-20T08:00:00+07:00",
      { admitted: 2, women: 1, ethnic_minority: 2 },
    ],
    ["3 đồng chí, đều là đoàn viên ạ", "2026-12-20T08:00:00+07:00", { admitted: 3, youth_union: 3 }],
    [
      "năm nay kết nạp được bốn đồng chí trong đó ba đồng chí nữ hai đồng chí người dân tộc tày",
      "2026-12-20T08:00:00+07:00",
      { admitted: 4, women: 3, ethnic_minority: 2 },
    ],
  ])("counts and breakdowns: %s", (text, now, want) => expect(read(text, now)).toMatchObject(want));

  it.each([
    // A target and a plan are no result, and their quarter is not the period.
    [
      "Năm nay chi bộ chưa kết nạp được ai, chỉ tiêu 2 chưa đạt. Dự kiến quý I/2027 kết nạp đ/c Sầm Thị Mai",
      "2026-12-15T08:00:00+07:00",
      { period: "2026", admitted: 0 },
    ],
    [
      "6 tháng đầu năm chi bộ kết nạp 1 đ/c nữ người Dao, phấn đấu 6 tháng cuối năm kết nạp thêm 2",
      "2026-07-01T08:00:00+07:00",
      { period: "2026", admitted: 1, women: 1, ethnic_minority: 1 },
    ],
    [
      "Chi bộ đã kết nạp được 2 đ/c trong quý III/2026. Phương hướng quý IV: kết nạp thêm 1 đ/c",
      "2026-10-05T08:00:00+07:00",
      { period: "2026-Q3", admitted: 2 },
    ],
    ["Quý này chi bộ kết nạp 2 đ/c, chuyển chính thức 0. Hai đ/c mới kết nạp đều là người Tày", "2026-08-10T08:00:00+07:00", { period: "2026-Q3", admitted: 2, ethnic_minority: 2, made_full: 0 }],
    ["Năm 2026 chỉ tiêu kết nạp 4, thực hiện được 3 (đạt 75%), chuyển chính thức 2", "2026-12-18T08:00:00+07:00", { period: "2026", admitted: 3, made_full: 2 }],
    ["kết nạp 2/3 chỉ tiêu, cả 2 đều nữ", "2026-12-18T08:00:00+07:00", { admitted: 2, women: 2 }],
    ["BC phát triển đảng năm2026: KN 0, CCT 1 (đ/c Hà Văn Nam)", "2026-12-15T08:00:00+07:00", { period: "2026", admitted: 0, made_full: 1 }],
  ])("periods, targets and plans: %s", (text, now, want) => expect(read(text, now)).toMatchObject(want));

  it.each([
    ["quy 3 cb ket nap 2 dc, a nham 3 dc, ca 3 deu la doan vien", { admitted: 3, youth_union: 3 }],
    ["Kết nạp 2 đồng chí; chuyển chính thức 2 đồng chí. Sửa lại: kết nạp 1 đồng chí thôi ạ", { admitted: 1, made_full: 2 }],
    ["Kết nạp 2 đ/c (1 nữ). E nhầm, kết nạp 2 đ/c đều là nam", { admitted: 2, women: 0 }],
    [
      "Quý IV/2026 chi bộ kết nạp 1 đ/c, chuyển chính thức 2 đ/c. Sửa lại: chuyển chính thức 1 đ/c thôi, đ/c còn lại tháng 2 mới đủ 12 tháng",
      { admitted: 1, made_full: 1 },
    ],
  ])("a correction in the message replaces what it corrects: %s", (text, want) => expect(read(text, "2026-12-20T08:00:00+07:00")).toMatchObject(want));

  it.each([
    ["Kết nạp: 2 đ/c\nChuyển chính thức: 3 đ/c\nĐang chờ chuyển chính thức: đ/c Lò Thị Hoa, đ/c Vì Văn Tám", { made_full: 3, pending_full: ["Lò Thị Hoa", "Vì Văn Tám"] }],
    ["Năm 2026: KN 5 đv; CCT 4 đv; còn dự bị: đ/c Mai, đ/c Đào", { made_full: 4, pending_full: ["Mai", "Đào"] }],
    ["dc Long da duoc cong nhan dang vien chinh thuc, dc Hung van dang cho quyet dinh", { made_full: 1, pending_full: ["Hung"] }],
    ["bc kn 2025: 1. cct: 2 dc. con dc Hoa, dc Thao dang cho chuyen ct", { made_full: 2, pending_full: ["Hoa", "Thao"] }],
    ["Kết nạp 0, chuyển chính thức 2 (đ/c Lầu Mí Sính, đ/c Vàng Thị Mỷ). Hiện không còn đv dự bị ạ", { admitted: 0, made_full: 2, pending_full: [] }],
    ["Chuyển chính thức năm nay không có. Kết nạp 1 đ/c", { admitted: 1, made_full: 0 }],
    ["KN: 2 (đ/c Sình - H'Mông; đ/c Mai - nữ, Dao). CCT: không. DB: đ/c Páo", { admitted: 2, women: 1, ethnic_minority: 2, made_full: 0, pending_full: ["Páo"] }],
    ["KN 1. CCT 1. Dự bị: không", { admitted: 1, made_full: 1, pending_full: [] }],
    ["Q4: kn 0, cct 0, db 2 (dc Ly, dc Senh)", { admitted: 0, made_full: 0, pending_full: ["Ly", "Senh"] }],
    ["ket nap: 02 (01 nu, 02 DTTS, 01 ton giao). Cong nhan chinh thuc: 01. Du bi con: 03 dc (Sinh, Pao, Mai)", { admitted: 2, religious: 1, made_full: 1, pending_full: ["Sinh", "Pao", "Mai"] }],
    ["Kết nạp 1 đ/c. Hồ sơ chuyển chính thức của đ/c Hoàng Văn Dũng đã gửi lên Đảng ủy, đang chờ quyết định.", { admitted: 1, pending_full: ["Hoàng Văn Dũng"] }],
    [
      "Chi bộ đã đề nghị công nhận đảng viên chính thức cho đồng chí Cầm Văn Lả và đã được Đảng ủy xã ra quyết định.",
      { made_full: 1 },
    ],
    ["Chi bộ đã hoàn thiện hồ sơ đề nghị chuyển đảng chính thức cho đồng chí Lù Văn Chỉn.", { pending_full: ["Lù Văn Chỉn"] }],
  ])("made full and still pending: %s", (text, want) => expect(read(text, "2026-12-20T08:00:00+07:00")).toMatchObject(want));

  it("reads Telex residue, 'dc' as both 'được' and 'đồng chí', and a bare answer", () => {
    expect(read("Quý 4 chi bộ kết nạp đuwowcj 1 đ/c nữ là sinh viên", "2026-12-20T08:00:00+07:00")).toMatchObject({ admitted: 1, women: 1, students: 1 });
    expect(read("nam 2026 cb ket nap dc 2 dc la Ban Van Sinh va Dang Thi Kiem, ca 2 dc deu la nguoi Dao. Dc Kiem la nu", "2026-12-20T08:00:00+07:00")).toMatchObject({
      admitted: 2,
      ethnic_minority: 2,
      women: 1,
    });
    expect(read("2 đ/c ạ", "2026-12-20T08:00:00+07:00")).toMatchObject({ admitted: 2 });
    expect(read("Hôm nay chi bộ tổ chức lễ kết nạp đảng viên mới cho đ/c Lường Văn Thắng (Thái, đoàn viên) 🎉🎉", "2026-12-20T08:00:00+07:00")).toMatchObject({
      admitted: 1,
      ethnic_minority: 1,
      youth_union: 1,
    });
    // One admitted, two named: no breakdown is made up from the names.
    const f = read("năm nay mới kết nạp đc 1 ạ, đ/c Thắng đó, còn đ/c Páo chờ quyết định chuyển chính thức", "2026-12-20T08:00:00+07:00");
    expect(f).toMatchObject({ admitted: 1, pending_full: ["Páo"] });
    expect(f.women).toBeUndefined();
    expect(read("quy 3 cb kn dc 1 dc, cct dc 2 dc", "2026-10-05T08:00:00+07:00")).toMatchObject({ period: "2026-Q3", admitted: 1, made_full: 2 });
    expect(read("6 thang dau nam cb chua kn dc ai, cct dc 1 dc la dc Thao", "2026-07-05T08:00:00+07:00")).toMatchObject({ admitted: 0, made_full: 1 });
  });

  it("tells what is said of everyone admitted from what is said of one of them", () => {
    const now = "2026-12-20T08:00:00+07:00";
    expect(read("Năm nay kết nạp 2 đ/c. Hai đ/c Lan và Hoa đều là nữ, đ/c Lan là người Tày", now)).toMatchObject({ admitted: 2, women: 2, ethnic_minority: 1 });
    expect(read("kết nạp 2 đ/c, cả 2 đều là nữ, đ/c Lan là người Tày", now)).toMatchObject({ admitted: 2, women: 2, ethnic_minority: 1 });
    expect(read("nam 2026 cb ket nap 2 dc la Hoang Van Hai va Be Thi Hoa, dc Hoa la nu, ca 2 deu la nguoi Tay", now)).toMatchObject({ admitted: 2, women: 1, ethnic_minority: 2 });
    // A later sentence about another matter describes nobody admitted.
    expect(read("Kết nạp 2 đ/c (1 nữ). Chuyển chính thức 1 đ/c, đều là người Tày", now)).toMatchObject({ admitted: 2, women: 1, ethnic_minority: 0 });
  });
});

describe("an admissions report pasted from the office", () => {
  it("is a report of the period, not a proposal, whatever candidates it counts", () => {
    const text =
      "CHI BỘ XÓM ĐÔNG SƠN\nBÁO CÁO CÔNG TÁC PHÁT TRIỂN ĐẢNG QUÝ II/2026\n1/ Kết nạp mới: 03 quần chúng ưu tú (02 nữ; 01 đồng bào Thái; 02 đoàn viên TNCS Hồ Chí Minh).\n" +
      "2/ Chuyển đảng chính thức: 01 đ/c (đ/c Lô Văn Thái).\n3/ Đảng viên dự bị đang làm thủ tục chuyển chính thức: đ/c Vi Thị Hương, đ/c Lương Văn Tú.\n" +
      "4/ Quần chúng đang học lớp nhận thức về Đảng: 04.";
    expect(read(text, "2026-07-03T08:00:00+07:00")).toMatchObject({ period: "2026-Q2", admitted: 3, women: 2, ethnic_minority: 1, youth_union: 2, made_full: 1, pending_full: ["Vi Thị Hương", "Lương Văn Tú"] });
  });

  it("counts the K'Ho among the peoples", () => {
    const text = "Chi bộ thôn Phi Có báo cáo quý 1/2026: kết nạp 2 quần chúng, đều là đồng bào K'Ho, theo đạo Tin Lành, 1 nam 1 nữ.";
    expect(read(text, "2026-04-02T08:00:00+07:00")).toMatchObject({ admitted: 2, ethnic_minority: 2, religious: 2, women: 1 });
  });
});
