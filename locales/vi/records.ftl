## Hồ sơ thôn và phát triển đảng viên
cmd-hosothon = Hồ sơ thôn, tổ dân phố theo quý (số liệu, tổ chức, người làm việc)
cmd-phattrien = Phát triển đảng viên: quần chúng ưu tú đến đảng viên chính thức

records-sex-m = nam
records-sex-f = nữ
records-party-member = đảng viên
records-not-party-member = quần chúng
records-role-cell_secretary = Bí thư chi bộ
records-role-village_head = { $unit ->
    [to_dan_pho] Tổ trưởng tổ dân phố
    [khu_pho] Trưởng khu phố
    [khom] Trưởng khóm
    [ap] Trưởng ấp
    [ban] Trưởng bản
    [buon] Trưởng buôn
    [lang] Trưởng làng
    [soc] Trưởng sóc
    [xom] Trưởng xóm
   *[thon] Trưởng thôn
}
records-role-deputy_head = { $unit ->
    [to_dan_pho] Tổ phó tổ dân phố
    [khu_pho] Phó trưởng khu phố
    [khom] Phó trưởng khóm
    [ap] Phó trưởng ấp
    [ban] Phó trưởng bản
    [buon] Phó trưởng buôn
    [lang] Phó trưởng làng
    [soc] Phó trưởng sóc
    [xom] Phó trưởng xóm
   *[thon] Phó trưởng thôn
}
records-role-front_head = Trưởng ban công tác Mặt trận
records-role-police = Công an viên
records-role-militia = Thôn đội trưởng
records-role-health_worker = Nhân viên y tế thôn
records-role-women_head = Chi hội trưởng Phụ nữ
records-role-farmers_head = Chi hội trưởng Nông dân
records-role-veterans_head = Chi hội trưởng Cựu chiến binh
records-role-youth_secretary = Bí thư chi đoàn
records-role-other = Khác
records-was = (trước: { $value })
records-field-areaKm2 = Diện tích (km²)
records-field-population = Dân số (người)
records-field-households = Số hộ
records-field-poorHouseholds = Hộ nghèo
records-organizations = Tổ chức và số thành viên:
records-org-party = Đảng viên
records-org-front = Ban công tác Mặt trận
records-org-women = Hội Phụ nữ
records-org-farmers = Hội Nông dân
records-org-veterans = Hội Cựu chiến binh
records-org-youth = Đoàn Thanh niên
records-org-elderly = Hội Người cao tuổi
records-org-red_cross = Hội Chữ thập đỏ
records-workforce = Người làm việc ở thôn ({ $count }):
records-added = (mới)
records-removed = bỏ: { $worker }
records-head = Hồ sơ { $cell } — { $period }
records-from-none = Chưa có số liệu quý nào: gõ các số liệu để lập hồ sơ.
records-from-same = Số liệu đã lưu của quý này.
records-from = Số liệu của { $period } (quý trước):
records-save = Lưu
records-keep = Không thay đổi
records-change-hint = Không thay đổi: chọn "Không thay đổi" (hoặc gõ "không thay đổi"). Có thay đổi: gõ những gì thay đổi, mỗi dòng một mục, ví dụ:
    dân số 630
    phụ nữ 90
    thêm: trưởng thôn, Nông Văn Hải, nam, 1980, Tày, 12/12, làm ruộng, đảng viên
    sửa 2: trình độ 12/12, nghề nghiệp buôn bán
    bỏ 3
records-more-hint = Gõ thêm thay đổi nếu còn, hoặc chọn "Lưu".
records-pick-quarter = Cập nhật hồ sơ thôn cho quý nào?
records-saved = Đã lưu hồ sơ { $cell }, { $period }.
records-saved-changes = Đã lưu hồ sơ { $cell }, { $period }: { $count } mục thay đổi so với quý trước.
records-report-locked = Báo cáo số liệu thôn của quý này đã được duyệt nên giữ nguyên; hồ sơ thôn vẫn được lưu.
records-table-head = Hồ sơ thôn { $period } — { $org }: { $done }/{ $total } thôn đã cập nhật
records-table-missing = chưa cập nhật quý này
records-table-line = { $population } người, { $households } hộ; { $changed } mục thay đổi
records-table-fallback = Kênh này không gửi được tệp. Văn phòng chạy: chibo export villages --period { $period } --org MÃ --out ho-so-thon.xlsx
records-bad-quarter = Chưa đọc được quý. Gõ ví dụ: /hosothon quý 3/2025
records-cancelled = Đã hủy, hồ sơ thôn giữ nguyên.
records-stale-named = Màn hình hồ sơ { $cell }, { $period } vừa bấm
records-stale-unnamed = Màn hình hồ sơ thôn vừa bấm
records-stale-other = { $pressed } đã cũ (số liệu đã khác hoặc đã có màn hình mới hơn), nên tôi không làm theo nút vừa bấm: chưa lưu gì, chưa nộp báo cáo nào. Hồ sơ đang mở ở ngay dưới đây: xin xem lại và chọn ở đó.
records-stale-none = { $pressed } đã cũ (đã lưu, đã hủy hoặc đã được thay), nên tôi không làm theo nút vừa bấm: không có gì thay đổi. Muốn sửa hồ sơ thôn, xin gõ /hosothon.
records-stale-saved = Hồ sơ { $cell }, { $period } như màn hình này đã được lưu lúc { $time } ngày { $day }. Không cần bấm lại.
records-not-read = Chưa lưu gì: có dòng chưa đọc được.
records-bad-unknown = Dòng "{ $line }": chưa hiểu mục nào (ví dụ: dân số 630, hộ nghèo 12, phụ nữ 90).
records-bad-number = Dòng "{ $line }": số không hợp lệ.
records-bad-worker_fields = Dòng "{ $line }": người làm việc ghi theo thứ tự chức danh, họ tên, giới tính (nam/nữ), năm sinh, dân tộc, trình độ, nghề nghiệp, đảng viên/quần chúng.
records-bad-worker_role = Dòng "{ $line }": chưa biết chức danh này (ví dụ: trưởng thôn, công an viên, y tế thôn, khác).
records-bad-worker_index = Dòng "{ $line }": không có người số này trong danh sách.
records-bad-worker_field = Dòng "{ $line }": ghi mục cần sửa và giá trị mới, ví dụ "sửa 2: trình độ 12/12".
records-bad-too_many_workers = Dòng "{ $line }": danh sách đã quá dài.
records-export-was = Quý trước ({ $period }): { $value }
records-status-first = Lần đầu cập nhật
records-status-unchanged = Không thay đổi
records-status-changed = { $count } mục thay đổi
records-status-count = { $done }/{ $total } thôn đã cập nhật
records-change-added = Mới
records-change-changed = Đã sửa
records-change-removed = Thôi

dev-stage-identified = Quần chúng ưu tú
dev-stage-certificate = Đã có giấy chứng nhận lớp cảm tình Đảng
dev-stage-dossier = Đã hoàn thành hồ sơ
dev-stage-admitted = Đảng viên dự bị
dev-stage-full = Đảng viên chính thức
dev-stage-dropped = Thôi theo dõi
dev-step-identified = Được xác định là quần chúng ưu tú
dev-step-certificate = Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng
dev-step-dossier = Hoàn thành hồ sơ
dev-step-admitted = Quyết định kết nạp
dev-step-full = Công nhận đảng viên chính thức
dev-do-identified = Ghi ngày xác định quần chúng ưu tú
dev-do-certificate = Ghi ngày cấp giấy chứng nhận
dev-do-dossier = Ghi ngày hoàn thành hồ sơ
dev-do-admitted = Ghi ngày quyết định kết nạp
dev-do-full = Ghi ngày công nhận chính thức
dev-list-head = Phát triển đảng viên — { $cell }: { $count } người đang theo dõi
dev-list-empty = Chưa có quần chúng nào được theo dõi.
dev-add-hint = Thêm người: /phattrien them Họ tên, nữ, 2007, dân tộc Nùng, đoàn viên, học sinh
dev-summary-of = Tổng hợp của { $org }
dev-add = Thêm quần chúng
dev-add-ask = Gõ họ tên, rồi (tùy chọn) giới tính, năm sinh, dân tộc, tôn giáo và nhóm, cách nhau bằng dấu phẩy. Ví dụ: Lương Thị Thu, nữ, 2007, dân tộc Nùng, đoàn viên, học sinh
dev-bad-name = Chưa đọc được họ tên (họ và tên, không có số).
dev-bad-part = Chưa đọc được mục "{ $part }" (bỏ mục đó đi, hoặc sửa lại). Giới tính: nam/nữ; năm sinh: 4 chữ số; "dân tộc …", "tôn giáo …"; nhóm: đoàn viên, học sinh, sinh viên, dtts.
dev-added = Đã thêm { $name }, quần chúng ưu tú từ { $date }.
dev-religion = tôn giáo { $religion }
dev-groups = Nhóm: { $groups }
dev-group-women = nữ
dev-group-ethnic_minority = dân tộc thiểu số
dev-group-youth_union = đoàn viên
dev-group-students = học sinh, sinh viên
dev-group-religious = có tôn giáo
dev-certificate-valid = Giấy chứng nhận còn giá trị đến { $date }.
dev-probation-ends = Hết 12 tháng dự bị: { $date }.
dev-dropped-on = Thôi theo dõi từ { $date }.
dev-drop = Thôi theo dõi
dev-back = Danh sách
dev-dropped = Đã thôi theo dõi.
dev-ask-date = { $step } của { $name }: ngày nào? Gõ ngày (ví dụ 10/3/2026) hoặc chọn "Hôm nay".
dev-today = Hôm nay
dev-bad-date = Chưa đọc được ngày. Gõ ví dụ 10/3/2026, hoặc "hôm nay".
dev-problem-future = Ngày { $date } chưa đến. Gõ ngày đã diễn ra.
dev-problem-before_previous = Ngày { $date } sớm hơn bước trước. Gõ lại ngày.
dev-problem-certificate_expired = Giấy chứng nhận lớp cảm tình Đảng chỉ còn giá trị đến { $expires }: chưa ghi kết nạp ngày { $date }. Cần học lại lớp bồi dưỡng trước khi xét kết nạp.
dev-problem-probation_not_over = Thời gian dự bị 12 tháng hết ngày { $ends }: chưa công nhận chính thức ngày { $date }.
dev-problem-not_next = Bước này không phải bước tiếp theo.
dev-done-identified = Đã ghi: { $name } là quần chúng ưu tú từ { $date }.
dev-done-certificate = Đã ghi giấy chứng nhận của { $name } ngày { $date }.
dev-done-dossier = Đã ghi hồ sơ của { $name } hoàn thành ngày { $date }.
dev-done-admitted = Đã ghi kết nạp { $name } ngày { $date }: đồng chí là đảng viên dự bị của chi bộ, hết dự bị ngày { $ends }; chi bộ và văn phòng sẽ được nhắc trước { $days } ngày.
dev-done-full = Đã ghi { $name } là đảng viên chính thức từ { $date }.
dev-summary-head = Phát triển đảng viên năm { $year } — { $org }
dev-summary-admitted = Đã kết nạp: { $admitted } (chưa đặt chỉ tiêu)
dev-summary-target = Đã kết nạp: { $admitted }/{ $target } chỉ tiêu ({ $percent }%)
dev-summary-stages = Theo bước:
dev-summary-groups = Theo nhóm (đã kết nạp trong năm / đang theo dõi):
dev-summary-parts = Theo đơn vị (đã kết nạp / đang theo dõi):
dev-summary-part = { $admitted } / { $pending }
dev-target-set = Đã đặt chỉ tiêu kết nạp năm { $year } của { $org }: { $target } đảng viên.
dev-certificate-months-default = Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng còn giá trị { $months } tháng kể từ ngày cấp (mặc định theo HD 01-HD/TW năm 2021, mục 3.1).
dev-certificate-months = Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng còn giá trị { $months } tháng kể từ ngày cấp (Tỉnh ủy quy định; mặc định { $default } tháng).
dev-certificate-months-how = Thời hạn này dùng cho mọi chi bộ: khi ghi kết nạp và khi nhắc giấy sắp hết hạn. Văn phòng Tỉnh ủy đổi bằng /phattrien giaychungnhan SỐ_THÁNG (từ { $min } đến { $max }), ví dụ /phattrien giaychungnhan 36.
dev-certificate-months-out-of-range = Thời hạn { $months } tháng nằm ngoài giới hạn: chọn từ { $min } đến { $max } tháng.
dev-certificate-months-same = Thời hạn giấy chứng nhận đang là { $months } tháng, không cần đổi.
dev-certificate-months-confirm = Đổi thời hạn giá trị của giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng từ { $before } tháng thành { $after } tháng? Áp dụng ngay cho mọi chi bộ trong tỉnh: khi ghi kết nạp và khi nhắc giấy sắp hết hạn.
dev-certificate-months-yes = Đổi thành { $months } tháng
dev-certificate-months-keep = Giữ { $months } tháng
dev-certificate-months-set = Đã đổi thời hạn giấy chứng nhận từ { $before } tháng thành { $after } tháng. Việc kiểm tra khi kết nạp và lời nhắc giấy sắp hết hạn dùng thời hạn mới từ bây giờ.
dev-certificate-months-kept = Giữ nguyên thời hạn giấy chứng nhận: { $after } tháng.
dev-certificate-months-changed = Thời hạn giấy chứng nhận vừa được đổi thành { $months } tháng nên chưa đổi theo lựa chọn này. Gõ /phattrien giaychungnhan để xem, rồi đổi lại nếu cần.

remind-certificate-title = Giấy chứng nhận sắp hết hạn
remind-certificate = Quần chúng { $name } ({ $cell }) có giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng ngày { $certificate }, còn giá trị đến { $expires }. Đề nghị chi bộ xét kết nạp trước ngày đó, hoặc cho học lại lớp.
privacy-what-village_workforce = xem hồ sơ thôn (người làm việc ở thôn)
privacy-what-candidates_list = xem danh sách quần chúng phát triển đảng
export-status-pipeline = Tính từ hồ sơ phát triển đảng
report-from-pipeline = Chi bộ theo dõi quần chúng bằng /phattrien: số kết nạp của quý được tính từ đó (kiểm tra rồi gửi; quần chúng thiếu thì thêm bằng /phattrien).
import-done-villages = Đã nhập { $rows } dòng hồ sơ thôn: thêm mới { $created } quý, cập nhật { $updated }, giữ nguyên { $unchanged } ({ $seconds } giây).
import-bad_quarter = '{ $value }' không phải quý hợp lệ (ví dụ: Quý 3/2025, 2025-Q3)
import-bad_count = '{ $value }' không phải số hợp lệ (từ 0 đến { $max })
import-bad_worker_role = '{ $value }' không phải chức danh đã biết (ví dụ: Trưởng thôn, Công an viên, Y tế thôn, Khác)
import-not_a_village = '{ $value }' không phải chi bộ thôn, tổ dân phố
import-village_conflict = '{ $value }' khác số đã ghi cho thôn và quý này ở dòng { $first }
import-village_locked = { $value }, quý { $quarter }/{ $year } đã được Đảng ủy duyệt (khóa), không nhập đè được. Muốn thay số liệu, mở lại quý này trước (/tonghop số liệu thôn quý { $quarter }/{ $year } → chọn chi bộ → Mở lại) rồi nhập lại; hoặc bỏ các dòng của thôn này khỏi tệp
import-overridden = Thay { $count } số liệu chi bộ đã tự báo cáo hoặc sửa qua tin nhắn sau lần nhập trước:
import-overridden-record = { $village }, quý { $quarter }/{ $year }: { $changes }
import-overridden-workers = danh sách cán bộ thôn
retention-kind-droppedCandidates = Quần chúng thôi theo dõi (chưa kết nạp)
retention-kind-villageRecords = Hồ sơ thôn theo quý
privacy-section-development = Hồ sơ phát triển đảng (trước khi kết nạp):
records-changed-by = ⚠ Chưa lưu: sau khi đồng chí mở hồ sơ này, đ/c { $by } đã lưu hồ sơ { $cell }, { $period } lúc { $time } ngày { $day }.
records-changed = ⚠ Chưa lưu: sau khi đồng chí mở hồ sơ này, hồ sơ { $cell }, { $period } đã được cập nhật lúc { $time } ngày { $day }.
records-changed-same = Số liệu vẫn như lúc đồng chí mở.
records-changed-next = Dưới đây là hồ sơ đang lưu, phần sửa của đồng chí đặt lên (có dấu ✎). Xin xem lại rồi bấm "Lưu", hoặc "Hủy" để giữ như đang lưu.
error-record_changed = Hồ sơ quý này vừa được người khác lưu sau khi đồng chí mở, nên chưa lưu gì. Xin gõ lại /hosothon để xem bản mới nhất.
