## Nhóm chat của chi bộ (/lienket_nhom)
cmd-lienket_nhom = Liên kết nhóm chat này với chi bộ (bí thư, phó bí thư)
group-link-done = Đã liên kết nhóm này với { $cell }. Thông báo chung của chi bộ có thể gửi vào đây; thông tin cá nhân chỉ gửi trong tin nhắn riêng với bot.
group-link-already = Nhóm này đã được liên kết với { $cell }.
group-link-refused = Xin lỗi, chỉ bí thư hoặc phó bí thư chi bộ (đã liên kết tài khoản với bot) mới liên kết được nhóm với chi bộ.
group-link-in-group-only = Hãy gửi lệnh /lienket_nhom trong nhóm chat của chi bộ (thêm bot vào nhóm trước).
group-link-pick = Liên kết nhóm này với chi bộ nào?
