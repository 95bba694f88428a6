## Báo cáo
cmd-baocao = Gửi báo cáo (sinh hoạt, số liệu thôn, kết nạp, đảng phí, xếp loại)
cmd-xembaocao = Xem các báo cáo của chi bộ
cmd-duyet = Duyệt báo cáo các chi bộ gửi lên

form-monthly-meeting = Báo cáo sinh hoạt chi bộ
form-village-quarterly = Số liệu thôn, tổ dân phố
form-admissions = Kết nạp đảng viên
form-party-dues = Thu nộp đảng phí
form-annual-rating = Kiểm điểm, xếp loại

period-month = tháng { $index }/{ $year }
period-quarter = quý { $index }/{ $year }
period-year = năm { $year }

yes = Có
no = Không
kind-regular = Thường kỳ
kind-thematic = Chuyên đề
kind-combined = Thường kỳ kết hợp chuyên đề

field-meeting_date = Ngày sinh hoạt
field-start_time = Giờ bắt đầu
field-kind = Loại buổi sinh hoạt
field-members_expected = Số đảng viên phải dự
field-present = Số đảng viên có mặt
field-absent_excused = Vắng có lý do
field-absent_unexcused = Vắng không lý do
field-absent_exempt = Vắng (miễn sinh hoạt)
field-absent_unknown = Vắng chưa rõ lý do
field-cadre_present = Cấp ủy viên phụ trách dự
field-duration_min = Thời lượng (phút)
field-place = Địa điểm
field-thematic_topic = Chuyên đề
field-presenter = Người trình bày
field-absentees = Người vắng
field-content_items = Nội dung
field-resolutions = Nghị quyết
field-households = Số hộ
field-population = Số nhân khẩu
field-area_km2 = Diện tích (km²)
field-poor_households = Số hộ nghèo
field-members = Số đảng viên
field-probationary = Đảng viên dự bị
field-women_union = Hội viên phụ nữ
field-farmers_union = Hội viên nông dân
field-veterans_union = Hội viên cựu chiến binh
field-youth_union = Đoàn viên thanh niên
field-secretary_is_village_head = Bí thư kiêm trưởng thôn
field-admitted = Số đảng viên mới kết nạp
field-women = Trong đó nữ
field-ethnic_minority = Trong đó dân tộc thiểu số
field-students = Trong đó học sinh, sinh viên
field-religious = Trong đó người có đạo
field-made_full = Số đảng viên được công nhận chính thức
field-pending_full = Đang làm hồ sơ chuyển chính thức
field-liable = Số đảng viên phải đóng
field-paid = Số đảng viên đã đóng
field-amount_vnd = Tổng số tiền
field-remitted_vnd = Số tiền nộp lên Đảng ủy
field-retained_vnd = Số tiền chi bộ giữ lại
field-unpaid_names = Đồng chí chưa đóng
field-near_poor_households = Số hộ cận nghèo
field-remitted_date = Ngày nộp lên Đảng ủy
field-remitted = Đã nộp lên Đảng ủy
field-general_score = Điểm tiêu chí chung
field-task_score = Điểm kết quả nhiệm vụ
field-tasks_exceeded_30pct = Mọi nhiệm vụ vượt trên 30%
field-disciplined_subunit = Có tổ chức, cá nhân bị kỷ luật
field-committee_score = Điểm cấp ủy chấm
field-htxs = Đảng viên hoàn thành xuất sắc
field-htt = Đảng viên hoàn thành tốt
field-ht = Đảng viên hoàn thành
field-kht = Đảng viên không hoàn thành
field-unrated = Không xếp loại
field-cell_self_level = Chi bộ tự xếp loại

report-q-meeting_date = Chi bộ sinh hoạt ngày nào? (ví dụ 5/11, hôm qua)
report-q-start_time = Bắt đầu lúc mấy giờ? (ví dụ 19h30)
report-q-kind = Buổi sinh hoạt thường kỳ hay chuyên đề?
report-q-members_expected = Chi bộ có bao nhiêu đảng viên phải dự?
report-q-present = Có bao nhiêu đảng viên có mặt?
report-q-absent_excused = Bao nhiêu đồng chí vắng có lý do?
report-q-absent_unexcused = Bao nhiêu đồng chí vắng không lý do?
report-q-cadre_present = Cấp ủy viên phụ trách có dự không?
report-q-duration_min = Buổi sinh hoạt kéo dài bao lâu? (ví dụ 90 phút, 1 tiếng rưỡi)
report-q-thematic_topic = Chuyên đề là gì?
report-q-content_items = Các nội dung chính? (ngăn cách bằng dấu chấm phẩy)
report-q-resolutions = Nghị quyết của chi bộ: mỗi việc một dòng (hoặc ngăn cách bằng dấu chấm phẩy), ghi việc, người thực hiện, thời hạn. Ví dụ: Thu đảng phí trước 20/11 - đ/c Mai; Sửa rãnh đường làng trước 30/11 - trưởng thôn
report-q-absentees = Ai vắng? Gõ cả danh sách trong một tin nhắn, mỗi người một dòng: họ tên (lý do, có lý do hay không lý do). Ví dụ:
    Nguyễn Văn An (ốm, có lý do)
    Trần Thị Bình (không lý do)
report-list-current = { $field } đang ghi:
report-list-retype-absentees = Đồng chí gõ lại cả danh sách (có thể chép danh sách trên rồi sửa). Không ai vắng thì gõ: không ai vắng
report-list-retype-resolutions = Đồng chí gõ lại cả danh sách (có thể chép danh sách trên rồi sửa). Không có nghị quyết thì gõ: không có
report-list-keep = Giữ nguyên
report-list-none-absentees = Không ai vắng
report-list-none-resolutions = Không có
report-list-unread = Tôi chưa đọc được tên người vắng ở: { $items }. Chưa thay đổi gì. Xin gõ mỗi người một dòng, họ tên trước, ví dụ: Trần Thị Bình (không lý do)
report-list-empty-absentees = Tôi chưa đọc được tên người vắng nào. Xin gõ mỗi người một dòng, ví dụ: Trần Thị Bình (không lý do). Không ai vắng thì gõ: không ai vắng
report-list-excused = có lý do
report-list-unexcused = không lý do
report-list-exempt = miễn sinh hoạt
report-list-owner = đ/c { $name }
report-list-due = hạn { $date }
report-q-households = Thôn có bao nhiêu hộ?
report-q-population = Bao nhiêu nhân khẩu?
report-q-area_km2 = Diện tích bao nhiêu km²? (ví dụ 5,2)
report-q-poor_households = Bao nhiêu hộ nghèo?
report-q-members = Chi bộ có bao nhiêu đảng viên?
report-q-probationary = Trong đó bao nhiêu đảng viên dự bị?
report-q-women_union = Chi hội phụ nữ có bao nhiêu hội viên?
report-q-farmers_union = Chi hội nông dân có bao nhiêu hội viên?
report-q-veterans_union = Chi hội cựu chiến binh có bao nhiêu hội viên?
report-q-youth_union = Bao nhiêu đoàn viên thanh niên?
report-q-secretary_is_village_head = Bí thư có kiêm trưởng thôn không?
report-q-admitted = Kỳ này kết nạp được bao nhiêu đảng viên mới?
report-q-women = Trong đó bao nhiêu nữ?
report-q-ethnic_minority = Trong đó bao nhiêu người dân tộc thiểu số?
report-q-students = Trong đó bao nhiêu học sinh, sinh viên?
report-q-religious = Trong đó bao nhiêu người có đạo?
report-q-made_full = Bao nhiêu đồng chí được công nhận đảng viên chính thức?
report-q-liable = Bao nhiêu đảng viên phải đóng đảng phí?
report-q-paid = Bao nhiêu đồng chí đã đóng?
report-q-amount_vnd = Tổng số tiền thu được? (ví dụ 312.000)
report-q-remitted = Chi bộ đã nộp đảng phí lên Đảng ủy chưa?
report-q-remitted_date = Đã nộp lên Đảng ủy ngày nào?
report-q-remitted_vnd = Đã nộp lên Đảng ủy bao nhiêu tiền? (ví dụ 156.000)
report-q-retained_vnd = Chi bộ giữ lại bao nhiêu tiền? (ví dụ 156.000)
report-q-unpaid_names = Những đồng chí nào chưa đóng? (ngăn cách bằng dấu chấm phẩy)
report-q-near_poor_households = Bao nhiêu hộ cận nghèo?
report-q-general_score = Chi bộ tự chấm điểm tiêu chí chung (0–30)?
report-q-task_score = Chi bộ tự chấm điểm kết quả nhiệm vụ (0–70)?
report-q-tasks_exceeded_30pct = Mọi nhiệm vụ đều hoàn thành vượt trên 30%?
report-q-disciplined_subunit = Trong năm có tổ chức hay đảng viên bị kỷ luật không?
report-q-htxs = Bao nhiêu đảng viên hoàn thành xuất sắc nhiệm vụ?
report-q-htt = Bao nhiêu đảng viên hoàn thành tốt nhiệm vụ?
report-q-ht = Bao nhiêu đảng viên hoàn thành nhiệm vụ?
report-q-kht = Bao nhiêu đảng viên không hoàn thành nhiệm vụ?
report-q-absent_exempt = Bao nhiêu đồng chí được miễn sinh hoạt không dự?
report-q-absent_unknown = Bao nhiêu đồng chí vắng mà chưa rõ lý do?
report-q-place = Chi bộ sinh hoạt ở đâu?
report-q-presenter = Đồng chí nào trình bày?
report-q-pending_full = Những đồng chí nào đang làm hồ sơ chuyển đảng viên chính thức? (ngăn cách bằng dấu chấm phẩy)
report-q-committee_score = Cấp ủy chấm chi bộ bao nhiêu điểm (0–100)?
report-q-cell_self_level = Chi bộ tự xếp loại ở mức nào?
report-q-unrated = Bao nhiêu đồng chí không xếp loại (miễn sinh hoạt, mới kết nạp)?

report-start = { $form } của { $cell }, { $period }. Trả lời từng câu; gõ /huy để dừng.
report-understood-title = Tôi hiểu như sau
report-ask-missing = Còn thiếu { $count } thông tin, xin đồng chí cho biết:
report-keep = Giữ: { $value }
report-skip = Bỏ qua
report-topic-none = Không có chuyên đề, chỉ sinh hoạt thường kỳ
report-back = Quay lại
report-cancel = Hủy
report-numeric-hint = (Gõ số, hoặc chọn bên dưới bằng cách gõ chữ)
report-summary-head = { $form } — { $period }
report-summary-head-cell = { $form } của { $cell } — { $period }
report-was = (trước: { $value })
report-has-errors = Chưa gửi được vì:
report-has-warnings = Lưu ý:
report-names-as-typed = ℹ️ Tên không khớp đúng một đảng viên của chi bộ, sẽ ghi vào biên bản đúng như đã gõ: { $names }. Muốn ghi họ tên đầy đủ, xin gửi lại báo cáo có họ tên.
report-confirm-question = Đồng chí kiểm tra lại và xác nhận gửi báo cáo?
report-update-question = Đồng chí kiểm tra lại và xác nhận cập nhật báo cáo?
report-on-file = ℹ️ Kỳ này ({ $period }) đã có { $form }, gửi lúc { $time } ngày { $date }.
report-on-file-by = ℹ️ Kỳ này ({ $period }) đã có { $form }, do đ/c { $by } gửi lúc { $time } ngày { $date }.
report-update-effect = Tin nhắn này sẽ CẬP NHẬT báo cáo đó: chỉ thay các mục ghi trong tin (có ghi "trước: …"), các mục khác giữ nguyên.
report-update-guided-effect = Gửi lần này sẽ CẬP NHẬT báo cáo đó (mục nào thay đổi có ghi "trước: …").
report-update-guided-start = Các câu trả lời đã gửi được gợi ý sẵn; gửi lần này sẽ CẬP NHẬT báo cáo đó.
report-send = Gửi báo cáo
report-update-send = Cập nhật báo cáo
report-edit = Sửa một mục
report-edit-which = Sửa mục nào?
report-edit-back = Quay lại bản xem trước
report-cancelled = Đã hủy báo cáo, không có gì được lưu.
report-correction-cancelled = Đã bỏ phần sửa. { $form } { $period } đã lưu vẫn giữ nguyên.
report-saved = Đã lưu { $form } của { $cell }, { $period }. Cảm ơn đồng chí!
report-updated = Đã cập nhật { $form } của { $cell }, { $period } (lần sửa thứ { $revision }). Lịch sử thay đổi được lưu lại.
report-period-locked = { $form } của { $cell }, { $period } đã được Đảng ủy duyệt nên không gửi lại được. Nếu cần sửa, xin đề nghị văn phòng Đảng ủy mở lại.
report-unsent-replaced = { $form } { $period } chưa gửi được thay bằng báo cáo mới dưới đây.
report-correction-replaced = Phần sửa { $form } { $period } chưa lưu đã được bỏ, báo cáo đã lưu vẫn giữ nguyên. Báo cáo mới của đồng chí ở ngay dưới đây.
report-use-choices = Xin đồng chí chọn một trong các lựa chọn bên dưới.
report-stale-named = { $screen ->
    [preview] Bản xem trước { $form } { $period }
   *[question] Câu hỏi của { $form } { $period }
}
report-stale-unnamed = { $screen ->
    [preview] Bản xem trước này
   *[question] Câu hỏi này
}
report-stale-none = { $pressed } đã cũ (báo cáo đó đã gửi, đã hủy hoặc đã được thay bằng báo cáo khác), nên tôi không làm theo nút vừa bấm. Không có gì được lưu hay thay đổi. Nếu vẫn cần gửi báo cáo đó, xin gửi lại tin nhắn báo cáo.
report-stale-sent = { $form } { $period } này đã được lưu lúc { $time } ngày { $date }. Không cần gửi lại.
report-stale-other = { $pressed } đã cũ, đã được thay bằng báo cáo khác, nên tôi không làm theo nút vừa bấm. Không có gì được lưu hay thay đổi. Báo cáo đang chờ đồng chí là { $form } { $period }, ở ngay dưới đây: xin xem lại và chọn ở đó.
report-stale-changed = { $pressed } đã cũ: báo cáo đã được sửa sau đó, nên tôi không làm theo nút vừa bấm. Không có gì được lưu. Bản mới nhất ở ngay dưới đây: xin xem lại và chọn ở đó.
report-pick-cell = Báo cáo cho chi bộ nào?
report-pick-form = Đồng chí muốn gửi báo cáo nào?
report-only-secretary = Tin nhắn này giống một báo cáo sinh hoạt chi bộ. Chỉ bí thư hoặc phó bí thư chi bộ gửi được báo cáo.

report-answer-way-out = (Muốn thôi làm báo cáo này, gõ Hủy.)
report-resume-ask = { $form } { $period } đang làm dở vẫn được giữ. Xin trả lời tiếp câu hỏi dưới đây, hoặc gõ Hủy để thôi.
report-answer-empty = Xin đồng chí gõ câu trả lời.
report-answer-not_a_number = Tôi chưa đọc được số. Xin gõ một số, ví dụ 25 hoặc "hai mươi lăm".
report-answer-negative = Số không được âm.
report-answer-bad_date = Tôi chưa đọc được ngày. Xin gõ ví dụ 5/11, 05/11/2025 hoặc "hôm qua".
report-answer-bad_time = Tôi chưa đọc được giờ. Xin gõ ví dụ 19h30 hoặc 7 rưỡi tối.
report-answer-bad_bool = Xin trả lời "có" hoặc "không".
report-answer-bad_choice = Xin chọn một trong các lựa chọn.
report-answer-quick_only = Mục này chỉ điền được qua tin nhắn báo cáo nhanh.
report-answer-no_items = Tôi chưa đọc được việc nào. Xin gõ mỗi việc một dòng, ví dụ: Thu đảng phí trước 20/11 - đ/c Mai

report-check-not_a_number = { $field }: phải là một số.
report-check-not_whole = { $field }: phải là số nguyên.
report-check-negative = { $field }: không được âm.
report-check-too_small = { $field }: phải từ { $min } trở lên.
report-check-too_large = { $field }: { $value } vượt quá mức tối đa { $max }.
report-check-bad_date = { $field }: ngày không hợp lệ.
report-check-bad_time = { $field }: giờ không hợp lệ.
report-check-bad_bool = { $field }: phải là có hoặc không.
report-check-bad_choice = { $field }: lựa chọn không hợp lệ.
report-check-bad_text = { $field }: chưa có nội dung.
report-check-text_too_long = { $field }: quá dài (tối đa { $max } ký tự).
report-check-bad_list = { $field }: danh sách không hợp lệ.
report-check-date_in_future = { $field }: ngày báo cáo không thể ở tương lai.
report-check-unknown_field = Có mục không thuộc mẫu báo cáo này ({ $field }).
report-check-present_exceeds_expected = Số có mặt ({ $present }) lớn hơn số phải dự ({ $expected }).
report-check-attendance_mismatch = Có mặt { $present } + vắng { $absent } không khớp với { $expected } đảng viên phải dự.
report-check-attendance_unaccounted = Có mặt { $present } trên { $expected } đảng viên phải dự: { $missing } đồng chí vắng chưa rõ lý do.
report-check-attendance_low = Tỷ lệ dự họp { $rate }%, chưa đạt trên 85% (HD 12-HD/BTCTW).
report-check-unexcused_absence = Có { $count } đồng chí vắng không lý do.
report-check-duration_short = Thời lượng { $duration } phút, ít hơn { $minimum } phút theo HD 42-HD/BTCTW.
report-check-cadre_absent = Cấp ủy viên phụ trách không dự.
report-check-population_below_households = Số nhân khẩu ({ $population }) ít hơn số hộ ({ $households }).
report-check-part_exceeds_whole = { $field } ({ $part }) lớn hơn tổng ({ $whole }).
report-check-dues_unpaid = Còn { $count } đồng chí chưa đóng đảng phí.
report-check-dues_split_mismatch = Số giữ lại ({ $retained } đ) cộng số nộp lên ({ $remitted } đ) không bằng tổng thu ({ $amount } đ).
report-dues-share-again = Tổng số tiền đổi từ { $from } thành { $to }, nên số chi bộ giữ lại ({ $share }) cần ghi lại.
report-dues-share-again-other = Số tiền nộp lên đã đổi, nên số chi bộ giữ lại ({ $share }) cần ghi lại.
report-check-dues_unpaid_names = Đã ghi tên { $names } đồng chí chưa đóng, nhiều hơn số chưa đóng ({ $count }).
report-unpaid-record = Ghi tên { $count } đồng chí chưa đóng
report-unpaid-pick = Chọn đồng chí chưa đóng đảng phí (còn { $count } đồng chí), hoặc gõ tên:
report-unpaid-done = Xong
report-unpaid-not-on-roll = Không thấy "{ $name }" (hoặc thấy nhiều người) trong danh sách đảng viên của chi bộ. Chọn trong danh sách hoặc gõ đủ họ tên.
report-check-htxs_quota = Số hoàn thành xuất sắc ({ $htxs }) vượt tỷ lệ { $pct }% số hoàn thành tốt (tối đa { $limit }).
report-check-level_differs = Chi bộ tự xếp { $stated } nhưng điểm tương ứng mức { $earned }.
report-check-present_exceeds_roll = Số có mặt ({ $present }) nhiều hơn số đảng viên của chi bộ ({ $roll }). Đồng chí xem lại có đúng chi bộ và đúng số không.
report-check-expected_far_from_roll = Số phải dự ({ $expected }) khác xa số đảng viên của chi bộ ({ $roll }).
report-check-absence_reason_unknown = Vắng { $count } (chưa rõ lý do): đồng chí bổ sung lý do nếu biết.
report-check-date_not_scheduled = Ngày sinh hoạt { $date } khác lịch sinh hoạt của chi bộ ({ $scheduled }). Nếu chi bộ họp đúng ngày này thì cứ tiếp tục; nếu nhầm, xin sửa ngày sinh hoạt trước khi gửi.
report-check-date_outside_period = Ngày họp { $date } thuộc tháng { $month }, không phải tháng { $period } của báo cáo. Đồng chí xem lại ngày họp hoặc tháng báo cáo.

error-report_locked = Báo cáo này đã được Đảng ủy duyệt nên không sửa được nữa. Nếu cần sửa, xin đề nghị văn phòng Đảng ủy mở lại.
error-report_changed = Báo cáo kỳ này vừa được gửi hoặc sửa (có thể do đồng chí khác) sau bản xem trước, nên chưa lưu gì. Xin đồng chí gửi lại tin nhắn để xem bản mới nhất.

## Xem và duyệt báo cáo
report-status-draft = Trạng thái: bản nháp
report-status-submitted = Trạng thái: đã gửi, chờ duyệt
report-status-accepted = Trạng thái: đã được duyệt
report-status-reopened = Trạng thái: đã mở lại để sửa
report-status-short-draft = nháp
report-status-short-submitted = chờ duyệt
report-status-short-accepted = đã duyệt
report-status-short-reopened = mở lại
report-revisions = Số lần gửi và sửa: { $count }
report-submitted-on = Gửi ngày { $date }
report-sent-late = nộp muộn { $days } ngày (hạn { $due })
report-sent-on-time = đúng hạn (hạn { $due })
report-sent-unjudged = không xét hạn (kỳ chưa theo dõi hoặc không có hạn nộp)
report-changed-on = Sửa lần cuối ngày { $date }
report-accept = Duyệt báo cáo
report-reopen = Mở lại để sửa
report-none-yet = Chi bộ chưa có báo cáo nào.
report-list-title = Các báo cáo của chi bộ:
report-none-waiting = Không có báo cáo nào đang chờ duyệt.
report-waiting-title = { $count } báo cáo đang chờ duyệt:
report-accepted = Đã duyệt { $form } { $period } của { $cell }. Báo cáo đã khóa.
report-reopened = Đã mở lại { $form } { $period } của { $cell } để chi bộ sửa.

## The office pressed "Duyệt" or "Mở lại" on a card of a report the cell changed since: nothing decided
report-changed-by-accept = ⚠ Chưa duyệt: sau khi đồng chí mở xem, chi bộ đã sửa báo cáo này (đ/c { $by }, lúc { $time } ngày { $date }).
report-changed-accept = ⚠ Chưa duyệt: sau khi đồng chí mở xem, báo cáo này đã được cập nhật (lúc { $time } ngày { $date }).
report-changed-by-reopen = ⚠ Chưa mở lại: sau khi đồng chí mở xem, chi bộ đã sửa báo cáo này (đ/c { $by }, lúc { $time } ngày { $date }).
report-changed-reopen = ⚠ Chưa mở lại: sau khi đồng chí mở xem, báo cáo này đã được cập nhật (lúc { $time } ngày { $date }).
report-changed-fields = Những mục đã thay đổi:
report-changed-next-accept = Xin đồng chí đọc lại báo cáo dưới đây, đồng ý thì chọn "Duyệt báo cáo".
report-changed-next-reopen = Xin đồng chí đọc lại báo cáo dưới đây, vẫn cần sửa thì chọn "Mở lại để sửa".
report-changed-back-accept = Báo cáo đã được sửa rồi đổi lại: nội dung nay giống hệt bản đồng chí đã đọc. Đồng ý thì chọn "Duyệt báo cáo" dưới đây.
report-changed-back-reopen = Báo cáo đã được sửa rồi đổi lại: nội dung nay giống hệt bản đồng chí đã đọc. Vẫn cần sửa thì chọn "Mở lại để sửa" dưới đây.
report-correction-changed-by = ⚠ Chưa lưu { $change ->
        [update] phần cập nhật
       *[correction] phần sửa
    }: sau khi đồng chí mở bản xem trước, báo cáo này đã được sửa (đ/c { $by }, lúc { $time } ngày { $date }).
report-correction-changed = ⚠ Chưa lưu { $change ->
        [update] phần cập nhật
       *[correction] phần sửa
    }: sau khi đồng chí mở bản xem trước, báo cáo này đã được cập nhật (lúc { $time } ngày { $date }).
report-correction-changed-same = Nội dung báo cáo vẫn như bản đồng chí đã xem.
report-correction-changed-next = Dưới đây là { $change ->
        [update] phần cập nhật
       *[correction] phần sửa
    } của đồng chí, đặt lên báo cáo mới nhất. Xin kiểm tra lại rồi chọn "Cập nhật báo cáo".
report-decide-outdated-accept = ⚠ Chưa duyệt: nút này thuộc một bản báo cáo đã cũ.
report-decide-outdated-reopen = ⚠ Chưa mở lại: nút này thuộc một bản báo cáo đã cũ.
report-keep-all = Không thay đổi
report-correction-unclear = Tôi chưa rõ đồng chí muốn sửa mục nào. Gõ ví dụ: "sửa lại: có mặt 24".
report-correct-pick-cell = Sửa báo cáo của chi bộ nào?
report-correct-cell-choice = { $cell } — { $period }
report-correction-none = Chưa có báo cáo sinh hoạt nào để sửa. Xin gửi báo cáo trước, ví dụ: "bc sh cb t11: họp tối 5/11 19h30, có mặt 25/27".
report-correct-pick-period = Đồng chí sửa báo cáo kỳ nào?
report-correction-no-period = Không có báo cáo sinh hoạt { $period } nào đang mở để sửa (chưa gửi, hoặc đã được duyệt).
report-notice-hint = Tôi đã đọc thông báo lịch họp. Lịch sinh hoạt của chi bộ và lời nhắc được gửi tự động; xem lịch bằng /lichhop, dời lịch bằng /doilich.
report-postpone-hint = Để dời buổi sinh hoạt và báo cho mọi người, gõ: /doilich { $date } 19:30 lý do …
report-postpone-hint-nodate = Để dời buổi sinh hoạt và báo cho mọi người, gõ: /doilich NGÀY GIỜ lý do … (ví dụ /doilich 15/11 19:30 lũ lụt)
report-sensitive-not-stored = Nội dung này liên quan đến đề nghị kết nạp hoặc xem xét đảng viên, là thông tin nhạy cảm nên không được lưu qua trò chuyện. Xin đồng chí báo cáo trực tiếp văn phòng Đảng ủy theo đúng quy trình.

cmd-lichsu = Xem lịch sử thay đổi của một báo cáo
history-pick = Xem lịch sử thay đổi của báo cáo nào?
history-none = Chưa có báo cáo nào để xem lịch sử.
history-title = Lịch sử: { $form } của { $cell }, { $period }
history-empty = Chưa có thay đổi nào được ghi lại.
history-entry = { $date } { $time } — { $who }: { $action }
history-someone = (ngoài trò chuyện)
history-action-submit = gửi báo cáo
history-action-correct = sửa báo cáo
history-action-resubmit = gửi lại báo cáo
history-action-update = cập nhật báo cáo
history-action-accept = duyệt (khóa báo cáo)
history-action-reopen = mở lại để sửa
report-history-button = Lịch sử thay đổi
report-edit-button = Sửa báo cáo
report-names-other-cell = Báo cáo nhắc tới { $cell }, nhưng đồng chí không phải bí thư hay phó bí thư của chi bộ đó nên không gửi thay được. Nếu đây là báo cáo của chi bộ mình, xin chọn chi bộ bên dưới; nếu không, gõ /huy.

rating-level-HTXS = Hoàn thành xuất sắc nhiệm vụ
rating-level-HTT = Hoàn thành tốt nhiệm vụ
rating-level-HT = Hoàn thành nhiệm vụ
rating-level-KHT = Không hoàn thành nhiệm vụ
report-rating-total = Tổng điểm: { $total }/{ $max } — mức: { $level }

# The annual rating scored on the organization's criteria table, criterion by criterion.
field-criteria_scores = Điểm từng tiêu chí
field-criteria_table = Bảng tiêu chí
rating-criterion-label = Tiêu chí { $code }
rating-group-general = tiêu chí chung
rating-group-tasks = kết quả thực hiện nhiệm vụ
rating-q-criterion = Tiêu chí { $code } ({ $group }): { $name }
    Chi bộ tự chấm bao nhiêu điểm (tối đa { $max })?
rating-running-total = Đã chấm: { $total }/{ $max } điểm.
report-check-unknown_criterion = Tiêu chí { $code } không có trong bảng tiêu chí của đơn vị.
report-check-criterion_too_large = Tiêu chí { $code }: { $value } vượt quá mức tối đa { $max }.
report-check-criteria_sum = Điểm tiêu chí chung và điểm kết quả nhiệm vụ phải bằng tổng điểm các tiêu chí ({ $general } và { $tasks }).
