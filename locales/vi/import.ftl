# chibo import units|people FILE: messages on the terminal.
import-usage = Cách dùng: chibo import units|people|households|assignments|criteria|villages TỆP [--dry-run] [--on NGÀY]   (TỆP: .xlsx hoặc .csv)
import-file-unsupported = Chỉ nhập được tệp .xlsx hoặc .csv.
import-file-not_excel = Tệp "{ $path }" không phải tệp Excel (.xlsx): có thể là tệp Word hay tệp khác đã đổi đuôi. Xin mở bằng Excel rồi lưu lại dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8".
import-file-not_found = Không tìm thấy tệp "{ $path }".
import-file-unreadable = Không đọc được tệp "{ $path }": tệp hỏng hoặc không đúng định dạng.
import-file-empty = Tệp "{ $path }" trống.
import-file-too_large = Tệp "{ $path }" quá lớn ({ $size } MB): chỉ nhập được tệp tối đa { $max } MB. Xin chia thành nhiều tệp nhỏ hơn.
import-file-unpacked_too_large = Tệp "{ $path }" khi giải nén lớn hơn { $max } MB nên không nhập được. Xin lưu lại tệp từ Excel hoặc chia thành nhiều tệp nhỏ hơn.
import-file-too_many_rows = Tệp "{ $path }" có hơn { $max } dòng: chỉ nhập được tối đa { $max } dòng mỗi lần. Xin chia thành nhiều tệp nhỏ hơn.
import-file-bad_quote = Tệp "{ $path }" hỏng ở dòng { $line }: dấu ngoặc kép (") mở ở dòng này không được đóng. Xin sửa dòng đó rồi nhập lại.
import-encoding-1258 = Tệp CSV không ở dạng UTF-8; đã đọc theo bảng mã Windows tiếng Việt (1258). Nên lưu lại bằng "CSV UTF-8".
import-ignored-columns = Bỏ qua các cột không lưu: { $columns }
import-issue-cell = Dòng { $line }, cột '{ $column }': { $detail }
import-issue-line = Dòng { $line }: { $detail }
import-more-issues = … và { $count } lỗi khác.
import-rejected = Có { $count } lỗi: không ghi gì vào cơ sở dữ liệu. Sửa tệp rồi nhập lại.
import-done-units = Đã nhập { $rows } dòng đơn vị: thêm mới { $created }, cập nhật { $updated }, giữ nguyên { $unchanged } ({ $seconds } giây).
import-done-people = Đã nhập { $rows } dòng đảng viên: thêm mới { $created }, cập nhật { $updated }, giữ nguyên { $unchanged }; chức vụ thêm { $rolesAdded }, kết thúc { $rolesEnded }; chuyển chi bộ { $moved } ({ $seconds } giây).
import-dry-run = Chạy thử (--dry-run): tệp hợp lệ, chưa ghi gì.
import-progress = Đang ghi

import-no_header = không tìm thấy dòng tiêu đề; cần các cột { $expected }
import-missing_column = thiếu cột '{ $column }'
import-duplicate_column = cột trùng với cột '{ $first }'
import-no_rows = tệp không có dòng dữ liệu nào
import-too_many_rows = tệp quá { $max } dòng; hãy chia nhỏ
import-required = chưa điền
import-too_long = '{ $value }' dài quá { $max } ký tự
import-bad_code = '{ $value }' không phải mã hợp lệ (chỉ chữ, số và . _ / -, không có dấu cách)
import-bad_year = '{ $value }' không phải năm hợp lệ (từ { $min } đến { $max })
import-bad_date = '{ $value }' không phải ngày hợp lệ (viết dd/mm/yyyy)
import-future_date = '{ $value }' là ngày trong tương lai
import-bad_phone = '{ $value }' không phải số điện thoại Việt Nam hợp lệ
import-bad_sex = '{ $value }' không hợp lệ (Nam hoặc Nữ)
import-bad_bool = '{ $value }' không hợp lệ (đánh x nếu có, để trống nếu không)
import-bad_membership = '{ $value }' không hợp lệ (Chính thức hoặc Dự bị)
import-bad_kind = '{ $value }' không phải loại tổ chức đảng đã biết (Đảng bộ tỉnh, Đảng bộ xã, Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc, Chi bộ, Đảng ủy bộ phận, Tổ đảng)
import-bad_catchment = '{ $value }' không hợp lệ (thôn, tổ dân phố, cơ quan, trường học, doanh nghiệp, lực lượng vũ trang)
import-bad_role = '{ $value }' có chức vụ không biết; dùng: { $accepted }
import-duplicate_code = mã '{ $value }' đã có ở dòng { $first }
import-unknown_cell = không có chi bộ mã '{ $value }' (nhập đơn vị trước: chibo import units)
import-not_a_cell = '{ $value }' không phải một chi bộ
import-unit_closed = đơn vị '{ $value }' đã kết thúc hoạt động từ { $date }
import-unknown_parent = không có đơn vị mã '{ $value }' trong tệp hay trong hệ thống
import-parent_required = cần mã đơn vị cấp trên
import-parent_cycle = đơn vị cấp trên '{ $value }' tạo thành vòng lặp
import-parent_kind = đơn vị '{ $value }' không thể là cấp trên của loại đơn vị này
import-unknown_role_org = không có đơn vị giữ chức vụ '{ $value }'
import-probationary_committee = đảng viên dự bị không giữ chức { $role ->
    [secretary] bí thư
    [deputy_secretary] phó bí thư
   *[other] chi ủy viên
} (Điều lệ Đảng, Điều 5: đảng viên dự bị không ứng cử, bầu cử cơ quan lãnh đạo của Đảng). Bỏ chức vụ ở dòng này; ghi lại sau khi đảng viên được công nhận chính thức
import-second_secretary = chi bộ '{ $value }' đang có bí thư { $name } ({ $code }); mỗi chi bộ một bí thư. Để bàn giao, ghi cả dòng của đồng chí { $name } trong tệp này với chức vụ mới hoặc để trống cột "Chức vụ", "Tính từ ngày" không muộn hơn ngày của bí thư mới (hoặc chuyển chi bộ khác, ra khỏi danh sách ở cột "Biến động")
import-org_renamed = mã '{ $value }' đã có với tên '{ $stored }'. Không đổi tên đơn vị tại chỗ: sáp nhập hoặc đổi tên thì lập đơn vị mới với mã mới và kết thúc đơn vị cũ
import-org_moved = mã '{ $value }' đã thuộc đơn vị cấp trên '{ $stored }'. Không chuyển đơn vị tại chỗ: lập đơn vị mới với mã mới và kết thúc đơn vị cũ
import-org_kind_changed = mã '{ $value }' đã có với loại khác ({ $stored }). Lập đơn vị mới với mã mới
import-org_closed = đơn vị '{ $value }' đã kết thúc hoạt động từ { $date }; đơn vị mới sau sáp nhập cần mã mới

# Go-live: meeting rules on units, households, assignments.
import-done-households = Đã nhập { $rows } dòng hộ gia đình: thêm mới { $created }, cập nhật { $updated }, giữ nguyên { $unchanged }; bắt đầu phụ trách { $assigned }, kết thúc { $unassigned } ({ $seconds } giây).
import-done-assignments = Đã nhập { $rows } dòng phân công: thêm mới { $created }, cập nhật { $updated }, giữ nguyên { $unchanged } ({ $seconds } giây).
import-rules-set = Lịch sinh hoạt thường kỳ đặt mới hoặc thay đổi: { $rules }.
import-bad_meeting_day = '{ $value }' không phải ngày sinh hoạt đã biết (ví dụ: ngày 5, thứ Bảy tuần đầu, Chủ nhật cuối tháng, mùng 5 âm lịch, rằm)
import-bad_meeting_time = '{ $value }' không phải giờ hợp lệ (ví dụ: 19:30, 19h30)
import-bad_thematic = '{ $value }' không hợp lệ (ví dụ: tháng cuối quý, tháng đầu quý, tháng 3, 6, 9, 12)
import-meeting_day_required = cần ngày sinh hoạt khi đặt giờ, địa điểm hay tháng chuyên đề (đơn vị chưa có lịch)
import-meeting_time_required = cần giờ sinh hoạt khi đặt ngày sinh hoạt (đơn vị chưa có lịch)
import-bad_people_count = '{ $value }' không phải số nhân khẩu hợp lệ (từ 1 đến { $max })
import-unknown_person = không có đảng viên mã '{ $value }' (nhập đảng viên trước: chibo import people)
import-unknown_household = không có hộ mã '{ $value }' (nhập hộ gia đình trước: chibo import households)
import-unknown_unit = không có đơn vị mã '{ $value }' (nhập đơn vị trước: chibo import units)
import-target_required = cần mã đơn vị hoặc mã hộ được phụ trách
import-target_twice = chỉ điền một trong hai: mã đơn vị hoặc mã hộ
import-bad_range = ngày kết thúc phải sau ngày bắt đầu
import-assignment_overlap = người này đã được phân công phụ trách nơi này từ { $date }, trùng thời gian; sửa ngày hoặc bỏ dòng trùng
import-second_province = kho dữ liệu này đã là của { $stored }; mỗi kho chỉ giữ một tỉnh, không thêm tỉnh thứ hai '{ $value }'. Tỉnh khác dùng thư mục dữ liệu (DATA_DIR) hoặc cơ sở dữ liệu riêng
import-template_example = '{ $value }' { $count ->
        [0] là
       *[other] và { $count } dòng khác là
    } dữ liệu ví dụ của tệp mẫu chibo (người và số điện thoại bịa ra), không nhập vào dữ liệu thật đang có ({ $province }). Xóa các dòng ví dụ, điền dữ liệu của đơn vị mình rồi nhập lại; muốn nhập thử tệp mẫu, dùng một thư mục dữ liệu trống khác (ví dụ DATA_DIR=./data-thu)
# Changes over time: effective dates, predecessors, members leaving (chibo import … --on DATE).
import-bad_change = '{ $value }' không hợp lệ (Chuyển đi, Ra khỏi Đảng hoặc Từ trần; để trống nếu vẫn sinh hoạt)
import-unknown_predecessor = không có đơn vị mã '{ $value }' để kế tục
import-predecessor_closed = đơn vị tiền thân '{ $value }' đã kết thúc hoạt động từ { $date }
import-predecessor_date = Ngày thành lập phải sau ngày đơn vị tiền thân '{ $value }' bắt đầu ({ $date })
import-predecessor_needs_date = cần Ngày thành lập (ngày sáp nhập có hiệu lực) khi ghi đơn vị tiền thân '{ $value }'
import-predecessor_mismatch = đơn vị tiền thân '{ $value }' khác loại (chi bộ chỉ kế tục chi bộ)
import-predecessor_repeated = đơn vị tiền thân '{ $value }' đã được ghi ở dòng { $first }
import-predecessor_of_existing = đơn vị '{ $value }' đã có; đơn vị tiền thân của nó không đổi được bằng tệp (dùng chibo org merge)

# Criteria tables of the annual review (chibo import criteria).
import-done-criteria = Đã nhập { $rows } dòng tiêu chí: bảng mới { $created }, bảng có phiên bản mới { $updated }, giữ nguyên { $unchanged } ({ $seconds } giây).
import-bad_table_kind = '{ $value }' không phải loại bảng đã biết ({ $expected })
import-bad_group = '{ $value }' không phải nhóm đã biết (Tiêu chí chung, Kết quả thực hiện nhiệm vụ, Mức xếp loại)
import-bad_points = '{ $value }' không phải số điểm hợp lệ (từ 0 đến { $max }, lẻ đến 0,25)
import-bad_percent = '{ $value }' không phải tỷ lệ hợp lệ (từ 0 đến 100)
import-bad_level = '{ $value }' không phải mức xếp loại (HTXS, HTT, HT, KHT)
import-criteria_total = điểm tối đa của các tiêu chí trong bảng cộng lại là { $total }, phải đúng { $expected }
import-levels_missing = bảng thiếu mức xếp loại { $levels } (mỗi bảng cần đủ 4 mức, nhóm "Mức xếp loại", cột "Điểm từ")
import-level_order = mức { $level } từ { $value } điểm phải thấp hơn mức { $higher } (từ { $min } điểm)
import-level_floor = mức KHT phải tính từ 0 điểm, không phải từ { $value }
