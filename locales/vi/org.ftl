# chibo org … and chibo member …: changes of units and members over time (terminal).
org-usage =
    Cách dùng:
      chibo org merge MÃ MÃ… --into MÃ-MỚI --name "Tên mới" --on NGÀY [--leaders-from MÃ] [--rule-from MÃ] [--dry-run]
      chibo org split MÃ --into MÃ-1 --name "Tên 1" --into MÃ-2 --name "Tên 2" --on NGÀY [--dry-run]
      chibo org rename MÃ --name "Tên mới" --on NGÀY [--dry-run]
      chibo org close MÃ --on NGÀY [--dry-run]
      chibo org go-live [NGÀY]
    NGÀY: ngày có hiệu lực (dd/mm/yyyy hoặc yyyy-mm-dd); đơn vị cũ hoạt động đến hết ngày hôm trước.
member-usage =
    Cách dùng:
      chibo member transfer NGƯỜI --to MÃ-CHI-BỘ --on NGÀY [--dry-run]      chuyển sinh hoạt
      chibo member leave NGƯỜI --reason "chuyển đi|ra khỏi Đảng|từ trần" --on NGÀY [--dry-run]
      chibo member confirm NGƯỜI --on NGÀY [--dry-run]                     dự bị → chính thức
      chibo member post NGƯỜI --post bi-thu|pho-bi-thu|chi-uy|khong --on NGÀY [--dry-run]
                                                                          chức vụ trong chi bộ (bầu bí thư mới…)
    NGƯỜI: mã hoặc số id của người.
org-bad-date = '{ $value }' không phải ngày hợp lệ (viết dd/mm/yyyy hoặc yyyy-mm-dd).
org-bad-post = Chức vụ '{ $value }' không hợp lệ; dùng: bi-thu (bí thư), pho-bi-thu (phó bí thư), chi-uy (chi ủy viên), khong (không giữ chức vụ).
org-bad-reason = Lý do '{ $value }' không hợp lệ; dùng: chuyển đi, ra khỏi Đảng, từ trần.
org-change-rejected = Không ghi gì vào cơ sở dữ liệu.
org-dry-run = Chạy thử (--dry-run): mọi kiểm tra đều đạt, chưa ghi gì.

org-done-merge = Sáp nhập từ ngày { $on }: { $closed } → { $created }.
org-done-split = Chia tách từ ngày { $on }: { $closed } → { $created } (đơn vị đầu tiên nhận đảng viên, chức vụ và lịch họp; chuyển sinh hoạt sang đơn vị khác bằng chibo member transfer).
org-done-rename = Đổi tên từ ngày { $on }: { $closed } → { $created }.
org-done-close = Giải thể từ ngày { $on }: { $closed }; { $rolesEnded } chức vụ kết thúc.
org-carried = Chuyển sang đơn vị mới: { $members } đảng viên, { $roles } chức vụ, { $rules } lịch họp, { $assignments } phân công, { $households } hộ, { $groups } nhóm chat, { $children } đơn vị trực thuộc; { $rolesEnded } chức vụ kết thúc.
org-history-kept = Báo cáo và chức vụ cũ vẫn thuộc đơn vị cũ: tổng hợp các tháng trước ngày { $on } hiện đơn vị như lúc đó.
org-reports-after = Lưu ý: đơn vị cũ đã nộp { $count } báo cáo cho các tháng từ { $month }; các báo cáo đó vẫn ở đơn vị cũ.
org-reminders-cancelled = Hủy { $count } tin nhắc họp đang chờ gửi của đơn vị cũ (đánh dấu đã hủy, không xóa); nhắc họp của đơn vị mới thay thế.
org-open-drafts = Báo cáo đang soạn hoặc đang sửa dở của đơn vị cũ ({ $count }): { $successor ->
        [none] đơn vị giải thể nên các báo cáo này không gửi được nữa.
       *[other] từ ngày có hiệu lực, bí thư, phó bí thư của { $successor } gửi hoặc sửa các báo cáo này (gõ lại báo cáo trong chat); người đang soạn ở đơn vị cũ không gửi được nữa.
    }
org-open-draft-month = tháng { $month }
org-open-draft = • { $cell }, { $period }: { $state ->
        [correcting] đang sửa
       *[unsent] chưa gửi
    }{ $person ->
        [none] {""}
       *[other] {" "}({ $person })
    } — { $form }

org-change-org_change_bad_date = '{ $value }' không phải ngày hợp lệ.
org-change-org_change_future = Ngày { $date } chưa đến: chỉ ghi nhận thay đổi đã có hiệu lực.
org-change-org_change_unknown_unit = Không có đơn vị mã '{ $value }'.
org-change-org_change_closed_unit = Đơn vị '{ $value }' đã kết thúc hoạt động từ { $date }.
org-change-org_change_before_start = Đơn vị '{ $value }' bắt đầu hoạt động từ { $date }: ngày hiệu lực phải sau ngày đó.
org-change-org_change_too_few = Sáp nhập cần ít nhất 2 đơn vị (có { $count }).
org-change-org_change_repeated = Đơn vị '{ $value }' được nêu hai lần.
org-change-org_change_mixed_kinds = Đơn vị '{ $value }' khác loại với đơn vị đầu tiên: chỉ sáp nhập các đơn vị cùng loại.
org-change-org_change_mixed_parents = Đơn vị '{ $value }' thuộc cấp trên khác đơn vị đầu tiên: chỉ sáp nhập các đơn vị cùng cấp trên.
org-change-org_change_code_taken = Mã '{ $value }' đã có đơn vị khác dùng.
org-change-org_change_bad_code = '{ $value }' không phải mã hợp lệ (chữ, số và . _ -, không dấu cách, tối đa 40 ký tự).
org-change-org_change_bad_name = Tên '{ $value }' không hợp lệ (không để trống, tối đa 200 ký tự).
org-change-org_change_same_name = Tên mới '{ $value }' trùng tên hiện tại.
org-change-org_change_not_a_source = '{ $value }' không nằm trong các đơn vị được sáp nhập.
org-change-org_change_has_members = Đơn vị '{ $value }' còn { $count } đảng viên: chuyển sinh hoạt trước (chibo member transfer) hoặc sáp nhập (chibo org merge).
org-change-org_change_has_children = Đơn vị '{ $value }' còn { $count } đơn vị trực thuộc đang hoạt động.

member-done-transfer = Chuyển sinh hoạt từ ngày { $on }: { $name }, { $from } → { $to }; { $rolesEnded } chức vụ ở chi bộ cũ kết thúc.
member-done-leave = Ghi nhận từ ngày { $on }: { $name } ({ $reason }); { $rolesEnded } chức vụ kết thúc, { $accounts } tài khoản chat bị gỡ liên kết.
member-done-confirm = { $name } là đảng viên chính thức từ ngày { $on }.
member-done-post = Từ ngày { $on }, { $name } ({ $cell }): { $post }. Trước đó: { $before }.
member-post-unchanged = { $name } ({ $cell }) đang là { $post }: không có gì thay đổi.
member-post-secretary = bí thư
member-post-deputy_secretary = phó bí thư
member-post-cell_committee = chi ủy viên
member-post-none = đảng viên, không giữ chức vụ
member-reason-transferred_out = chuyển đi
member-reason-expelled = ra khỏi Đảng
member-reason-deceased = từ trần
member-none = —
member-change-member_unknown = Không tìm thấy người '{ $value }'.
member-change-member_left = '{ $value }' đã ra khỏi danh sách từ { $date }.
member-change-member_not_in_cell = '{ $value }' không sinh hoạt ở chi bộ nào.
member-change-member_future = Ngày { $date } chưa đến: chỉ ghi nhận thay đổi đã có hiệu lực.
member-change-member_before = Ngày { $date } phải sau ngày { $since }.
member-change-member_unknown_cell = Không có chi bộ mã '{ $value }'.
member-change-member_not_a_cell = '{ $value }' không phải một chi bộ.
member-change-member_cell_closed = Chi bộ '{ $value }' đã kết thúc hoạt động từ { $date }.
member-change-member_same_cell = Đảng viên đã sinh hoạt ở chi bộ '{ $value }'.
member-change-member_already_full = '{ $value }' đã là đảng viên chính thức.
member-change-member_not_probationary = '{ $value }' không phải đảng viên dự bị.
member-change-member_probationary_post = '{ $value }' là đảng viên dự bị: không giữ chức trong chi ủy (Điều lệ Đảng, Điều 5: đảng viên dự bị không ứng cử, bầu cử cơ quan lãnh đạo của Đảng).
member-change-member_second_secretary = Chi bộ đang có bí thư { $name } ({ $person }, từ { $since }); mỗi chi bộ một bí thư. Ghi thôi chức bí thư của đồng chí đó trước, rồi chạy lại lệnh này: chibo member post { $person } --post khong --on { $date } (hoặc --post pho-bi-thu, --post chi-uy).

# Probation reminders (outbox) and the roll-up's overdue line.
remind-probation-title = Sắp hết thời gian dự bị
remind-probation = Đồng chí { $name } ({ $cell }) kết nạp ngày { $admitted }, hết 12 tháng dự bị ngày { $ends }. Đề nghị chi bộ họp xét, đề nghị công nhận đảng viên chính thức.
rollup-probation-overdue = Quá hạn xét chuyển chính thức: { $names }
rollup-probation-overdue-count = { $count } đảng viên quá hạn xét chuyển chính thức

## Ngày tỉnh bắt đầu dùng chibo: các tháng trước đó "chưa theo dõi" (không tính thiếu báo cáo, không nhắc)
org-go-live-is = Tỉnh bắt đầu dùng chibo từ ngày { $date }: các kỳ trước ngày này hiện "chưa theo dõi", không tính thiếu báo cáo, không nhắc.
org-go-live-unset = Chưa đặt ngày bắt đầu dùng chibo: mọi kỳ từ ngày thành lập chi bộ đều được tính.
org-go-live-set = Đã đặt ngày bắt đầu dùng chibo: { $date }. Các kỳ trước ngày này hiện "chưa theo dõi".

# /ngaytheodoi: the go-live date in chat (the province office changes it).
cmd-ngaytheodoi = Ngày tỉnh bắt đầu dùng chibo (văn phòng Tỉnh ủy đổi được)
golive-is = Tỉnh bắt đầu dùng chibo từ ngày { $date }: các kỳ trước ngày này hiện "chưa theo dõi", không tính thiếu báo cáo, không nhắc.
golive-unset = Chưa đặt ngày bắt đầu dùng chibo: mọi kỳ từ ngày thành lập chi bộ đều được tính.
golive-how = Văn phòng Tỉnh ủy đổi ngày này bằng /ngaytheodoi NGÀY/THÁNG/NĂM, ví dụ /ngaytheodoi 01/10/2026.
golive-bad-date = Chưa đọc được ngày "{ $value }". Gõ theo dạng ngày/tháng/năm, ví dụ /ngaytheodoi 01/10/2026.
golive-future = Ngày { $date } chưa tới: chọn ngày hôm nay hoặc một ngày đã qua (ngày sau hôm nay sẽ làm các kỳ đang báo cáo thành "chưa theo dõi").
golive-same = Ngày bắt đầu dùng chibo đang là { $date }, không cần đổi.
golive-confirm = Đổi ngày bắt đầu dùng chibo từ { $before } thành { $after }? Áp dụng ngay cho mọi chi bộ trong tỉnh: các kỳ trước ngày mới hiện "chưa theo dõi", các kỳ từ ngày mới được tính và được nhắc.
golive-confirm-first = Đặt ngày bắt đầu dùng chibo là { $after }? Áp dụng ngay cho mọi chi bộ trong tỉnh: các kỳ trước ngày này hiện "chưa theo dõi", không tính thiếu báo cáo, không nhắc.
golive-yes = Đặt ngày { $date }
golive-keep = Giữ nguyên
golive-set = Đã đặt ngày bắt đầu dùng chibo: { $date }. Các kỳ trước ngày này hiện "chưa theo dõi".
golive-kept = Giữ nguyên ngày bắt đầu dùng chibo.
golive-changed = Ngày bắt đầu dùng chibo vừa được đổi thành { $date } nên chưa đổi theo lựa chọn này. Gõ /ngaytheodoi để xem, rồi đổi lại nếu cần.
