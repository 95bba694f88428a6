## The cell's monthly cycle: agenda, resolution tasks, the meeting's documents

cmd-viec = Việc theo nghị quyết chi bộ: xem, báo đã xong hoặc chậm
cmd-chuongtrinh = Chuẩn bị chương trình sinh hoạt chi bộ tháng (bí thư, phó bí thư)
cmd-dinhhuong = Định hướng nội dung sinh hoạt chi bộ tháng cho cả xã (văn phòng, thường vụ)
cmd-vanban = Biên bản, nghị quyết sinh hoạt chi bộ (tệp Word)

# Words of the Word documents (always Vietnamese).
doc-blank = ………
doc-yes = có
doc-no = không
doc-kind-regular = thường kỳ
doc-kind-thematic = chuyên đề
doc-kind-combined = thường kỳ kết hợp chuyên đề
doc-basis-charter = Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
doc-basis-guide = Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/10/2022 của Ban Tổ chức Trung ương về nâng cao chất lượng sinh hoạt chi bộ;
doc-basis-meeting = Căn cứ kết quả hội nghị chi bộ ngày { $date },
doc-duration = sau { $minutes } phút
doc-duration-unknown = lúc ……… cùng ngày
doc-task-open = đang thực hiện
doc-task-done = đã hoàn thành
doc-task-late = chậm, chưa hoàn thành

# Tasks
task-status-open = đang làm
task-status-done = đã xong
task-status-late = chậm
task-line = { $mark } { $task }{ $owner ->
    [none] {""}
   *[other] {" "}— { $owner }
}{ $due ->
    [none] {""}
   *[other] , hạn { $due }
}
task-line-note = { $line } ({ $note })
task-none = Không có việc nào đang mở theo nghị quyết chi bộ.
task-own-title = Việc tôi được giao
task-cells-title = Việc của các chi bộ
task-cell-head = { $cell } (nghị quyết { $period }):
task-pick = Chọn một việc để báo kết quả:
task-more = … và { $count } việc nữa.
task-mark-ask = { $task }
    Việc này đã xong hay chậm?
task-done = Đã xong
task-late = Chậm
task-reopen = Còn đang làm
task-note-ask = Ghi chú ngắn (kết quả, lý do chậm), hoặc gửi "không" để bỏ qua:
task-note-too-long = Ghi chú dài quá { $max } ký tự, xin gửi ngắn hơn.
task-marked = Đã ghi: { $task } — { $status }.
task-prev-title = Việc theo nghị quyết { $period }:
task-prev-hint = Báo kết quả từng việc bằng /viec.

remind-task-title = Nhắc việc theo nghị quyết
remind-task-owned = { $cell }: việc "{ $task }" giao đồng chí { $owner } hạn ngày { $due } (còn { $days } ngày).
remind-task = { $cell }: việc "{ $task }" hạn ngày { $due } (còn { $days } ngày).
remind-task-hint = Khi xong, báo bằng /viec.

# Agenda
agenda-title = Chương trình sinh hoạt { $cell } { $period }
agenda-meeting = Họp ngày { $date } lúc { $time }, tại { $place }.
agenda-no-meeting = Chưa có lịch họp tháng này (đặt bằng /lichhop).
agenda-previous = 1. Kiểm điểm thực hiện nghị quyết tháng trước:
agenda-previous-none = 1. Kiểm điểm thực hiện nghị quyết tháng trước: không có việc nào được giao.
agenda-guidance = 2. Định hướng của { $commune }: { $text }
agenda-guidance-none = 2. Định hướng của cấp ủy cấp trên: chưa có.
agenda-political = 3. Nhiệm vụ chính trị trong tháng: { $text }
agenda-political-none = 3. Nhiệm vụ chính trị trong tháng: (bí thư bổ sung)
agenda-thematic = 4. Sinh hoạt chuyên đề quý { $quarter }{ $topic ->
    [none] {""}
   *[other] : { $topic }
}
agenda-resolution = { $n }. Thảo luận, thống nhất nghị quyết tháng.
agenda-ask = Gửi nhiệm vụ chính trị của tháng để bổ sung vào chương trình (ví dụ: thu hoạch vụ mùa; vận động tiêm phòng cho gia súc), hoặc chọn:
agenda-confirm = Lưu chương trình
agenda-saved = Đã lưu chương trình sinh hoạt { $period }. Đảng viên nhận chương trình cùng lời nhắc họp trước 3 ngày.
agenda-stored = (đã lưu lúc { $at })
agenda-too-long = Nội dung dài quá { $max } ký tự, xin gửi ngắn hơn.
agenda-stale-named = Bản chương trình sinh hoạt { $cell } { $period } vừa bấm
agenda-stale-unnamed = Bản chương trình sinh hoạt vừa bấm
agenda-stale-other = { $pressed } đã cũ (nội dung đã khác hoặc đã có bản mới hơn), nên tôi không làm theo nút vừa bấm: chưa lưu gì, không có gì gửi cho đảng viên. Bản đang mở ở ngay dưới đây: xin xem lại và chọn ở đó.
agenda-stale-none = { $pressed } đã cũ (đã lưu, đã hủy hoặc đã được thay), nên tôi không làm theo nút vừa bấm: không có gì thay đổi. Muốn soạn chương trình, xin gõ /chuongtrinh.
agenda-stale-saved = Chương trình sinh hoạt { $cell } { $period } này đã được lưu lúc { $time } ngày { $day }. Không cần bấm lại.

# Guidance
guidance-title = Định hướng nội dung sinh hoạt { $period } — { $org }
guidance-none = { $org } chưa có định hướng nội dung sinh hoạt { $period }.
guidance-ask = Gửi định hướng nội dung sinh hoạt chi bộ { $period } cho các chi bộ của { $org } (một tin nhắn):
guidance-confirm-ask = Định hướng sẽ hiện trong chương trình sinh hoạt của mọi chi bộ thuộc { $org }:
    { $text }
guidance-publish = Đăng định hướng
guidance-published = Đã đăng định hướng nội dung sinh hoạt { $period } cho { $org }.
guidance-stale-other = Nút "Đăng định hướng" vừa bấm thuộc một bản xem trước cũ, đã được thay bằng bản ở ngay dưới đây, nên tôi không đăng gì. Xin xem lại bản dưới đây và chọn ở đó.
guidance-stale-none = Nút "Đăng định hướng" vừa bấm thuộc một bản xem trước cũ (đã đăng, đã hủy hoặc đã được thay), nên tôi không làm theo: không có gì thay đổi. Muốn đăng định hướng, xin gõ /dinhhuong.
guidance-pick-org = Đăng định hướng cho đơn vị nào?

# Documents
doc-pick = Chọn văn bản của { $cell } { $period }:
doc-minutes = Biên bản
doc-resolution = Nghị quyết
doc-ready = { $doc } { $cell } { $period } (tệp Word, sửa được trước khi in).
doc-fallback = Văn bản được tạo bằng lệnh: chibo export { $doc } --org { $org } --period { $period } --out { $doc }.docx
doc-no-report = { $cell } chưa có báo cáo sinh hoạt { $period }: gửi báo cáo trước, rồi lấy biên bản, nghị quyết.
doc-pick-cell = Văn bản của chi bộ nào?
doc-bad-month = Không đọc được tháng. Ví dụ: /vanban 11/2025
doc-template-invalid = Mẫu văn bản { $file } bị hỏng nên chưa tạo được văn bản: { $reasons }{ $more ->
    [0] {""}
   *[other] {" "}(và { $more } chỗ hỏng khác)
}. Người quản trị chibo sửa mẫu trong Word theo hướng dẫn docs/vi/van-ban.md rồi lấy lại văn bản.
doc-template-reason-unclosed_tag = thẻ bắt đầu bằng "{ $tag }" thiếu dấu đóng "{"}"}"
doc-template-reason-unopened_tag = thẻ "{ $tag }" thiếu dấu mở "{"{"}"
doc-template-reason-unclosed_loop = danh sách {"{"}#{ $tag }{"}"} thiếu thẻ đóng {"{"}/{ $tag }{"}"}
doc-template-reason-unopened_loop = thẻ đóng {"{"}/{ $tag }{"}"} không có thẻ mở {"{"}#{ $tag }{"}"}
doc-template-reason-closing_tag_does_not_match_opening_tag = danh sách {"{"}#{ $tag }{"}"} lại được đóng bằng {"{"}/{ $closing }{"}"}
doc-template-reason-duplicate_open_tag = thẻ bắt đầu bằng "{ $tag }" có hai dấu mở liền nhau
doc-template-reason-duplicate_close_tag = thẻ kết thúc bằng "{ $tag }" có hai dấu đóng liền nhau
doc-template-reason-too_large = tệp lớn hơn 5 MB
doc-template-reason-unreadable = không phải tệp Word (.docx) đọc được
doc-template-reason-tag = thẻ "{ $tag }" viết sai
doc-template-reason-other = có thẻ viết sai
task-note-skip = Không ghi chú
