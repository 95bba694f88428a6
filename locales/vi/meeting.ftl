## Lịch sinh hoạt, nhắc nhở, điểm danh (meeting, rsvp)

cmd-lichhop = Xem lịch sinh hoạt sắp tới; đặt lịch thường kỳ (bí thư, văn phòng)
cmd-doilich = Đổi hoặc hủy lịch sinh hoạt (bí thư, phó bí thư)
cmd-diemdanh = Xem dự kiến có mặt, ghi hộ đảng viên (bí thư, phó bí thư)

meeting-place-unknown = (chưa rõ địa điểm)
meeting-no-reason = không nêu lý do
meeting-agenda-line = Nội dung: { $agenda }
meeting-none = Chưa có lịch sinh hoạt sắp tới của chi bộ.
meeting-no-cell = Đồng chí chưa thuộc chi bộ nào có lịch sinh hoạt.
meeting-next = { $cell }: sinh hoạt lúc { $time } ngày { $date }.
meeting-next-place = Địa điểm: { $place }
meeting-next-moved = Đã đổi lịch (lịch thường kỳ: { $from }). Lý do: { $reason }
meeting-my-answer-yes = Đồng chí đã báo: có mặt.
meeting-my-answer-no = Đồng chí đã báo: vắng ({ $reason }).

remind-meeting-title = Nhắc lịch sinh hoạt chi bộ
remind-meeting = { $days ->
    [0] Hôm nay
    [1] Ngày mai
   *[other] Còn { $days } ngày nữa
  }, { $cell } sinh hoạt lúc { $time } ngày { $date } tại { $place }.
remind-changed-title = Thay đổi lịch sinh hoạt
remind-changed = { $cell } chuyển buổi sinh hoạt ngày { $from } sang { $time } ngày { $date } tại { $place }. Lý do: { $reason }.
remind-cancelled = { $cell } hủy buổi sinh hoạt ngày { $date }. Lý do: { $reason }. Chi bộ sẽ thông báo lịch mới.
remind-holiday-title = Lịch sinh hoạt trùng ngày lễ
remind-holiday = Buổi sinh hoạt của { $cell } ngày { $date } trùng { $holiday }. Gợi ý: chuyển sang ngày { $suggested }. Để đổi lịch, gõ: /doilich { $suggestedShort } { $time } { $holiday }
remind-thematic-title = Sinh hoạt chuyên đề
remind-thematic = { $cell } chưa có buổi sinh hoạt chuyên đề trong { $quarter } (mỗi quý ít nhất một lần). Đồng chí hãy lên kế hoạch, có thể kết hợp vào buổi sinh hoạt tháng tới.
remind-report-title = Nhắc báo cáo
remind-report-due = { $form } { $period } của { $cell } cần gửi trước hết ngày { $due }. Đồng chí có thể gửi ngay bằng một tin nhắn.
remind-report-overdue = { $form } { $period } của { $cell } đã quá hạn ({ $due }). Đồng chí vui lòng gửi sớm.
remind-report-cadre = { $cell } (chi bộ đồng chí phụ trách) chưa gửi { $form } { $period }, hạn { $due }. Đồng chí vui lòng đôn đốc.
remind-digest-title = Tổng hợp báo cáo chưa nộp
remind-digest = { $count } chi bộ của { $commune } chưa gửi { $form } { $period } (hạn { $due }): { $cells }.

# Bài đăng vào nhóm chat của chi bộ (đã liên kết bằng /lienket_nhom): không tên, không vắng mặt, không lý do

group-rsvp-private = Các đồng chí báo có mặt hoặc vắng trong tin nhắn riêng với bot (gõ /lichhop), không trả lời trong nhóm.
group-remind-changed = { $cell } chuyển buổi sinh hoạt ngày { $from } sang { $time } ngày { $date } tại { $place }.
group-remind-cancelled = { $cell } hủy buổi sinh hoạt ngày { $date }. Chi bộ sẽ thông báo lịch mới.
group-remind-holiday = Buổi sinh hoạt của { $cell } ngày { $date } trùng { $holiday }. Nếu đổi lịch, chi bộ sẽ thông báo tại đây và trong tin nhắn riêng.

holiday-new-year = Tết Dương lịch
holiday-tet = Tết Nguyên đán
holiday-hung-kings = Giỗ Tổ Hùng Vương
holiday-reunification = ngày Giải phóng miền Nam 30/4
holiday-labour = ngày Quốc tế Lao động 1/5
holiday-national-day = dịp Quốc khánh 2/9

rsvp-ask = Đồng chí vui lòng báo có mặt hoặc vắng:
rsvp-yes = Có mặt
rsvp-no = Vắng – có lý do
rsvp-saved-yes = Đã ghi nhận: đồng chí có mặt buổi sinh hoạt ngày { $date }. Cảm ơn đồng chí.
rsvp-ask-reason = Đồng chí cho biết lý do vắng buổi sinh hoạt ngày { $date } (một tin nhắn ngắn):
rsvp-saved-no = Đã ghi nhận: đồng chí vắng buổi sinh hoạt ngày { $date }, lý do: { $reason }.
rsvp-reason-empty = Vui lòng gõ lý do vắng (tối đa { $max } ký tự), hoặc /huy để thôi.
rsvp-not-expected = Đồng chí không thuộc danh sách dự buổi sinh hoạt này.
rsvp-meeting-gone = Buổi sinh hoạt này đã qua, đã đổi lịch hoặc đã hủy. Gõ /lichhop để xem lịch mới.

reschedule-usage = Cách dùng: /doilich NGÀY GIỜ LÝ DO, ví dụ: /doilich 15/11 19:30 mưa lũ, đường ngập. Để hủy buổi sinh hoạt: /doilich huy LÝ DO
reschedule-bad-date = Ngày "{ $value }" chưa đúng. Gõ ngày dạng ngày/tháng, ví dụ 15/11.
reschedule-bad-time = Giờ "{ $value }" chưa đúng. Gõ giờ dạng 19:30 hoặc 19h30.
reschedule-past = Ngày mới phải từ hôm nay trở đi và trong vòng { $days } ngày tới.
reschedule-no-meeting = Chi bộ chưa có buổi sinh hoạt sắp tới để đổi lịch.
reschedule-same = Buổi sinh hoạt đã đúng ngày giờ này, không cần đổi.
meeting-cancelled-line = Buổi sinh hoạt ngày { $date } đã hủy. Lý do: { $reason }
reschedule-confirm-move = Đổi lịch { $cell }: từ { $fromTime } ngày { $from } sang { $time } ngày { $date }. Lý do: { $reason }.
    Xác nhận để báo cho các đảng viên và cấp ủy viên phụ trách?
reschedule-confirm-cancel = Hủy buổi sinh hoạt ngày { $from } của { $cell }. Lý do: { $reason }.
    Chi bộ sinh hoạt bù vào ngày nào? Gõ ngày và giờ (ví dụ 12/12 19:30) để dời buổi này sang ngày đó, hoặc chọn bên dưới.
reschedule-ok-move = Đổi lịch và báo mọi người
reschedule-ok-cancel = Hủy, chưa có ngày bù
reschedule-keep = Không đổi
reschedule-kept = Lịch sinh hoạt giữ nguyên, chưa báo cho ai.
reschedule-stale-move = Bản xem trước đổi lịch sang { $time } ngày { $date }
reschedule-stale-cancel = Bản xem trước hủy buổi sinh hoạt
reschedule-stale-unknown = Bản xem trước đổi lịch này
reschedule-stale-other = { $pressed } đã cũ, đã được thay bằng bản ở ngay dưới đây, nên tôi không làm theo nút vừa bấm: lịch chưa đổi, chưa báo cho ai. Xin xem lại bản dưới đây và chọn ở đó.
reschedule-stale-none = { $pressed } đã cũ (việc đổi lịch đó đã làm xong, đã thôi hoặc đã được thay), nên tôi không làm theo nút vừa bấm: không có gì thay đổi, không báo thêm cho ai. Muốn đổi lịch, xin gõ lại /doilich.
reschedule-stale-done = Lịch đã được đổi sang { $time } ngày { $date } rồi (tin báo cho mọi người đã gửi hoặc đã xếp lịch gửi). Không cần bấm lại.
reschedule-done = Đã đổi lịch { $cell }: từ { $fromTime } ngày { $from } sang { $time } ngày { $date }.
reschedule-cancelled = Đã hủy buổi sinh hoạt ngày { $from } của { $cell }.
reschedule-notified = Đã báo cho { $sent } người qua tin nhắn{ $groups }. Các nhắc nhở cũ đã được hủy.
reschedule-queued = Bây giờ là giờ yên lặng ban đêm nên chưa gửi ngay: tin báo cho { $sent } người{ $groups } đã xếp lịch, sẽ gửi lúc { $time } ngày { $day }. Các nhắc nhở cũ đã được hủy.
reschedule-nobody = Không ai nhận được tin báo qua Zalo/Telegram nên không có tin nào được gửi. Các nhắc nhở cũ đã được hủy.
reschedule-notified-groups-only = Đã báo vào { $groups ->
    [1] nhóm chat của chi bộ
   *[other] { $groups } nhóm chat của chi bộ
  }; không ai nhận được tin nhắn riêng. Các nhắc nhở cũ đã được hủy.
reschedule-queued-groups-only = Bây giờ là giờ yên lặng ban đêm nên chưa gửi ngay: tin báo vào { $groups ->
    [1] nhóm chat của chi bộ
   *[other] { $groups } nhóm chat của chi bộ
  } đã xếp lịch, sẽ gửi lúc { $time } ngày { $day }; không ai nhận được tin nhắn riêng. Các nhắc nhở cũ đã được hủy.
reschedule-too-late = Buổi sinh hoạt diễn ra trước khi hết giờ yên lặng ban đêm nên không kịp gửi tin: đồng chí báo trực tiếp cho mọi người. Các nhắc nhở cũ đã được hủy.
reschedule-groups = { $groups ->
    [1] và nhóm chat của chi bộ
   *[other] và { $groups } nhóm chat của chi bộ
  }
reschedule-untold = { $count } người không nhận được tin qua Zalo/Telegram, đồng chí cần báo trực tiếp:
    { $names }
reschedule-untold-person = - { $name } ({ $reason ->
    [console_only] chỉ liên kết bảng điều khiển, không nhận được tin nhắn
    [unreachable] tài khoản Zalo/Telegram không nhận được tin
   *[none] chưa liên kết tài khoản
  })

attendance-title = Dự kiến dự sinh hoạt ngày { $date }
attendance-counts = Tổng số cần dự: { $expected }. Có mặt: { $yes }. Vắng: { $no }. Chưa trả lời: { $unknown }.
attendance-invited-not-counted = Ngoài ra { $count } người được mời, không tính vào số phải dự (cấp ủy viên phụ trách, đảng viên miễn sinh hoạt).
attendance-absent-line = - { $name }: { $reason }
attendance-proxy-mark = (bí thư ghi hộ)
attendance-absent-title = Vắng có lý do:
attendance-proxy-button = Ghi hộ đảng viên
attendance-pick-member = Chọn đảng viên để ghi hộ:
attendance-member-answer = { $name }: dự buổi sinh hoạt ngày { $date }?
attendance-proxy-saved = Đã ghi hộ { $name }: { $answer }.
attendance-answer-yes = có mặt
attendance-answer-no = vắng ({ $reason })

## Lịch sinh hoạt thường kỳ (/lichhop NGÀY GIỜ NƠI HỌP)
rule-weekday = { $weekday ->
    [0] Chủ nhật
    [1] thứ Hai
    [2] thứ Ba
    [3] thứ Tư
    [4] thứ Năm
    [5] thứ Sáu
   *[6] thứ Bảy
}
rule-day-of-month = ngày { $day } hằng tháng
rule-lunar-day = mùng { $day } âm lịch hằng tháng
rule-nth-weekday = { $weekday } { $nth ->
    [1] tuần đầu
    [2] tuần thứ hai
    [3] tuần thứ ba
    [4] tuần thứ tư
   *[other] cuối tháng
} hằng tháng
rule-at = lúc { $time }
rule-place = tại { $place }
rule-thematic = chuyên đề kết hợp vào tháng { $month ->
    [1] đầu
    [2] giữa
   *[other] cuối
} quý
lichhop-rule-own = Lịch thường kỳ của { $unit }: { $rule }.
lichhop-rule-inherited = Lịch thường kỳ của { $unit }: { $rule } (theo lịch chung của đảng bộ).
lichhop-rule-default = Lịch chung cho các chi bộ thôn, tổ dân phố của { $unit }: { $rule }.
lichhop-rule-none = { $unit } chưa có lịch sinh hoạt thường kỳ.
lichhop-set-how = Đặt hoặc đổi lịch thường kỳ: gõ /lichhop NGÀY GIỜ NƠI HỌP, ví dụ /lichhop ngày 5 19:30 Nhà văn hóa thôn (cũng nhận "thứ Bảy tuần đầu", "mùng 5 âm lịch"). Đổi riêng một buổi: /doilich.
lichhop-usage = Chưa đọc được lịch "{ $value }". Gõ ngày, giờ rồi nơi họp, ví dụ: /lichhop ngày 5 19:30 Nhà văn hóa thôn; /lichhop thứ Bảy tuần đầu 19h30; /lichhop mùng 5 âm lịch 19:00.
lichhop-no-target = Chỉ bí thư, phó bí thư chi bộ và văn phòng đảng ủy đặt được lịch sinh hoạt thường kỳ. Xem buổi sinh hoạt tới: /lichhop
lichhop-pick-target = Đặt lịch "{ $rule }" cho đơn vị nào?
lichhop-target-default = Lịch chung: { $unit }
lichhop-preview = { $unit }: lịch thường kỳ mới { $rule }.
lichhop-preview-default = { $unit }, lịch chung cho các chi bộ thôn, tổ dân phố chưa có lịch riêng: { $rule }.
lichhop-preview-dates = Ba buổi tới: { $dates }.
lichhop-preview-date-moved = { $date } (đã dời riêng tháng này bằng /doilich; lịch thường kỳ { $regular })
lichhop-preview-date-cancelled = { $date } (buổi này đã hủy bằng /doilich)
lichhop-preview-ask = Áp dụng từ hôm nay?
lichhop-confirm = Đồng ý
lichhop-cancel = Hủy
lichhop-saved = Đã đặt lịch thường kỳ của { $unit } từ hôm nay: { $rule }. { $cells } chi bộ họp theo lịch này; nhắc lịch được lập lại theo lịch mới.
lichhop-cancelled = Đã hủy, lịch thường kỳ giữ nguyên.
lichhop-stale-other = Nút vừa bấm thuộc một bản xem trước lịch thường kỳ cũ, đã được thay bằng bản ở ngay dưới đây, nên tôi không làm theo: lịch thường kỳ chưa đổi. Xin xem lại bản dưới đây và chọn ở đó.
lichhop-stale-none = Nút vừa bấm thuộc một bản xem trước lịch thường kỳ cũ (đã áp dụng, đã hủy hoặc đã được thay), nên tôi không làm theo: không có gì thay đổi. Muốn đặt lịch, xin gõ lại /lichhop.
