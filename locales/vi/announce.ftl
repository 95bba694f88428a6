## Thông báo (/thongbao)
cmd-thongbao = Gửi thông báo tới mọi đảng viên trong đơn vị, xem tình hình gửi
announce-title = Gửi thông báo
announce-menu = Đồng chí gửi thông báo tới đâu? (Hoặc gõ /thongbao kèm nội dung, hay /thongbao MÃ-ĐƠN-VỊ.)
announce-pick-target = Đã nhận nội dung. Đồng chí gửi thông báo này tới đâu?
announce-to = Gửi tới { $org }
announce-status-button = Tình hình các thông báo đã gửi
announce-ask-body = Đồng chí gõ nội dung thông báo gửi tới { $org } (một tin nhắn, tối đa { $max } ký tự). Gõ /huy để thôi.
announce-body-empty = Nội dung thông báo đang trống. Xin gõ nội dung cần gửi.
announce-body-too-long = Nội dung dài { $length } ký tự, quá mức { $max } ký tự cho một thông báo. Xin rút gọn rồi gõ lại.
announce-preview-title = Xem trước thông báo
announce-preview-to = Gửi tới: { $org } ({ $cells ->
    [0] không có chi bộ trực thuộc
   *[other] { $cells } chi bộ
})
announce-preview-count = Người nhận: { $total } người; { $reachable } người nhận được qua Zalo/Telegram{ $unlinked ->
    [0] .
   *[other] , { $unlinked } người chưa liên kết tài khoản nên không nhận được.
}
announce-preview-quiet = Đang trong giờ nghỉ: thông báo sẽ bắt đầu gửi lúc { $from }.
announce-preview-body = Nội dung:
announce-preview-ask = Đồng chí kiểm tra lại, chọn "Gửi" để gửi, hoặc gõ nội dung khác để sửa.
announce-nobody = Chưa ai trong đơn vị này liên kết tài khoản Zalo/Telegram nên chưa gửi được. Văn phòng đảng ủy cấp mã mời để đảng viên liên kết tài khoản.
announce-send = Gửi
announce-edit = Sửa nội dung
announce-cancel = Hủy
announce-cancelled = Đã hủy, chưa gửi thông báo nào.
announce-stale-named = Bản xem trước thông báo "{ $excerpt }"
announce-stale-unnamed = Bản xem trước thông báo này
announce-stale-other = { $pressed } đã cũ, đã được thay bằng bản ở ngay dưới đây, nên tôi không làm theo nút vừa bấm: không có gì được gửi. Xin xem lại bản dưới đây và chọn ở đó. Nếu vẫn muốn gửi nội dung cũ, xin gõ lại nội dung đó.
announce-stale-typing = { $pressed } đã cũ, nên tôi không làm theo nút vừa bấm: không có gì được gửi. Đồng chí đang sửa nội dung: xin gõ nội dung thông báo mới, hoặc gõ /huy để thôi.
announce-stale-none = { $pressed } đã cũ (đã gửi, đã hủy hoặc đã được thay), nên tôi không làm theo nút vừa bấm: không có gì được gửi thêm. Muốn gửi thông báo, xin gõ /thongbao.
announce-stale-sent = Thông báo này đã gửi lúc { $time } ngày { $day } tới { $org }, nên tôi không gửi lại. Gõ /thongbao rồi chọn "Tình hình các thông báo đã gửi" để xem tiến độ.
announce-progress-title = Đang gửi thông báo
announce-progress-title-done = Đã gửi thông báo
announce-progress = Đã gửi { $sent }/{ $total }{ $unreachable ->
    [0] {""}
   *[other] , không gửi được { $unreachable }
}{ $pending ->
    [0] {""}
   *[other] , còn chờ { $pending }
}.
announce-progress-done = Đã gửi xong: { $sent }/{ $total } người nhận được{ $unreachable ->
    [0] .
   *[other] , { $unreachable } người không nhận được.
}
announce-started-title = Đã bắt đầu gửi thông báo
announce-started = Thông báo đang được gửi tới { $queued } người có tài khoản Zalo/Telegram (trong { $total } người nhận).
announce-held-title = Đã xếp lịch gửi thông báo
announce-held = Bây giờ là giờ yên lặng nên chưa gửi ngay: thông báo tới { $queued } người có tài khoản Zalo/Telegram (trong { $total } người nhận) sẽ gửi lúc { $time } ngày { $day }.
announce-started-edits = Gửi xong đồng chí sẽ nhận bảng tổng hợp; nếu việc gửi kéo dài, số đã gửi cập nhật ngay tại tin nhắn này.
announce-started-later = Gửi xong đồng chí sẽ nhận bảng tổng hợp. Chọn "Xem tình hình" hoặc gõ /thongbao để xem tiến độ.
announce-refresh = Xem tình hình
announce-heading = Thông báo của { $org }
announce-stats-title = Kết quả gửi thông báo
announce-stats = Thông báo tới { $org } đã gửi xong.
    • Người nhận: { $total }
    • Đã nhận: { $sent }
    • Không gửi được: { $unreachable }{ $unlinked ->
        [0] {""}
       *[other] {" "}(chưa liên kết tài khoản: { $unlinked })
    }
    • Còn chờ: { $pending }
announce-status-title = Tình hình gửi thông báo
announce-status-line = • { $date } — { $org }: "{ $excerpt }"
announce-none-yet = Chưa có thông báo nào được gửi.
announce-console-try = Trên console, tin không được gửi đi thật. Đồng chí vẫn có thể chọn "Gửi" để xem mỗi người nhận sẽ thấy gì và kết quả gửi.
announce-console-copy-title = Tin mỗi người nhận thấy (trên console không gửi đi thật; { $count } người nhận qua Zalo/Telegram)
