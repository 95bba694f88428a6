# /moi (/invite): invite codes from chat, one at a time or on a printable sheet.
cmd-moi = Mời đảng viên dùng bot: mã mời, đường dẫn, phiếu in
invite-title = Mời dùng trợ lý chi bộ
invite-list-members = Đảng viên { $org } chưa liên kết tài khoản ({ $count }):
invite-list-secretaries = Bí thư, phó bí thư các chi bộ thuộc { $org } chưa liên kết tài khoản ({ $count }):
invite-more = … và { $count } người nữa (có trong "Tất cả").
invite-pick = Chọn một người để lấy mã mời, hoặc "Tất cả" để có phiếu in phát tại buổi sinh hoạt.
invite-all = Tất cả
invite-none = Mọi người trong danh sách của đồng chí đều đã liên kết tài khoản.
invite-already-linked = Đồng chí này đã liên kết tài khoản rồi, không cần mã mời.
invite-not-in-list = Người này không (còn) trong danh sách mời của đồng chí.
invite-one =
    Mã mời cho đồng chí { $name }: { $code }
    Dùng một lần, hết hạn ngày { $date }.
invite-zalo-how = Zalo: nhắn cho bot "/lienket { $code }"
invite-zalo-how-name = Zalo: tìm "{ $zaloName }" ở ô tìm kiếm của Zalo, mở bot đó rồi nhắn "/lienket { $code }"
invite-zalo-how-link = Zalo: mở { $zaloLink } rồi nhắn cho bot "/lienket { $code }"
invite-zalo-how-name-link = Zalo: mở { $zaloLink } (hoặc tìm "{ $zaloName }" ở ô tìm kiếm của Zalo) rồi nhắn cho bot "/lienket { $code }"
invite-code-placeholder = MÃ
invite-one-telegram = Telegram: { $link }
invite-forward-title = Tin nhắn để chuyển qua Zalo hoặc SMS:
invite-forward = Chào đồng chí { $name }, chi bộ mời đồng chí dùng trợ lý chi bộ trên điện thoại. Telegram: mở { $link } rồi bấm Bắt đầu. { $zalo }. Mã dùng một lần, hết hạn ngày { $date }.
invite-forward-zalo = Chào đồng chí { $name }, chi bộ mời đồng chí dùng trợ lý chi bộ trên điện thoại. { $zalo }. Mã dùng một lần, hết hạn ngày { $date }.
invite-role-member = Đảng viên
invite-role-secretary = Bí thư
invite-role-deputy_secretary = Phó Bí thư
invite-sheet-caption = Phiếu mã mời { $org }: { $count } người, hết hạn ngày { $date }. In ra và phát tại buổi sinh hoạt: mỗi người quét mã QR bằng điện thoại (Telegram). { $zalo }.
invite-sheet-caption-zalo = Phiếu mã mời { $org }: { $count } người, hết hạn ngày { $date }. In ra và phát tại buổi sinh hoạt. { $zalo }.
invite-sheet-no-files = Kênh này không gửi được tệp nên không có phiếu in (Excel) ở đây; mở bot trên Telegram và gõ /moi để nhận phiếu có mã QR. Các mã mời dưới đây ({ $count } người) dùng một lần, hết hạn ngày { $date }:
invite-sheet-name = Mã mời
invite-sheet-title = PHIẾU MÃ MỜI — { $org }
invite-sheet-how = Quét mã QR bằng điện thoại để mở bot trên Telegram. { $zalo }. Mỗi mã dùng một lần, hết hạn ngày { $date }.
invite-sheet-col-no = STT
invite-sheet-col-name = Họ và tên
invite-sheet-col-role = Chức vụ
invite-sheet-col-code = Mã mời
invite-sheet-col-qr = Mã QR (Telegram)
invite-sheet-no-link = (chưa đặt tên bot Telegram)
