# chibo — tiếng Việt (ngôn ngữ mặc định)

## Chung
none = (chưa có)
not-understood = Tôi chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh, hoặc gửi báo cáo sinh hoạt chi bộ bằng một tin nhắn.
unknown-command = Không có lệnh /{ $command }. Gõ /trogiup để xem các lệnh.
unknown-command-suggest = Không có lệnh /{ $command }. Có phải ý đồng chí là /{ $suggestion }?
unsupported-content = Tôi chỉ đọc được tin nhắn chữ. Đồng chí vui lòng gõ nội dung bằng chữ.
group-private-only = Lệnh này chỉ dùng trong tin nhắn riêng với bot, để giữ kín thông tin cá nhân.
choice-out-of-range = Vui lòng chọn một số từ 1 đến { $max }.
choice-repeat = Các lựa chọn:
channel-console = Bảng điều khiển
channel-telegram = Telegram
channel-zalo = Zalo

## Lỗi
error-not_linked = Tài khoản này chưa được liên kết. Hãy gõ /lienket kèm mã mời do văn phòng đảng ủy hoặc bí thư chi bộ cấp, ví dụ: /lienket ABCDE-FGHJK
error-forbidden = Đồng chí không có quyền xem hoặc thay đổi nội dung này.
error-report_unit_closed = { $successor ->
        [none] Từ ngày { $date }, { $cell } đã giải thể, nên không gửi hay sửa báo cáo của chi bộ này được nữa. Chưa có gì được lưu; nếu cần, xin liên hệ văn phòng đảng ủy.
       *[other] Từ ngày { $date }, { $cell } đã thành { $successor } (sáp nhập, đổi tên hoặc chia tách). Báo cáo các tháng trước của { $cell } do bí thư hoặc phó bí thư { $successor } gửi và sửa. Chưa có gì được lưu.
    }
error-not_found = Không tìm thấy nội dung này.
unit-code-unknown = Không tìm thấy đơn vị nào có mã "{ $code }". Kiểm tra lại mã (văn phòng đảng ủy có danh sách mã đơn vị).
error-invalid_input = Thông tin chưa hợp lệ, vui lòng kiểm tra lại.
error-invite_unknown = Mã mời không đúng. Vui lòng kiểm tra lại từng ký tự (mã gồm 10 ký tự, ví dụ ABCDE-FGHJK).
error-invite_used = Mã mời này đã được dùng. Mỗi mã chỉ dùng một lần; hãy xin mã mới từ văn phòng đảng ủy hoặc bí thư chi bộ.
error-invite_expired = Mã mời này đã hết hạn. Hãy xin mã mới từ văn phòng đảng ủy hoặc bí thư chi bộ.
error-invite_rate_limited = Đồng chí đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.
error-invite_busy = Mã mời này đang tạm khóa vì vừa có nhiều lần nhập sai gần giống nó. Vui lòng thử lại sau ít phút; nếu cần gấp, xin liên hệ văn phòng Đảng ủy.
error-already_linked = Tài khoản này đã được liên kết rồi.
error-contact_not_own = Chỉ nhận số điện thoại của chính đồng chí (bấm nút "Chia sẻ số điện thoại"), không nhận danh bạ của người khác.
error-phone_unknown = Số điện thoại này chưa có trong danh sách của văn phòng. Đồng chí hãy dùng mã mời để liên kết.
error-phone_ambiguous = Số điện thoại này trùng với nhiều người trong danh sách. Đồng chí hãy dùng mã mời để liên kết.
error-stale_choice = Danh sách lựa chọn này đã hết hạn. Vui lòng gõ lại lệnh để xem danh sách mới.
error-retry_later = Hệ thống đang bận, tin nhắn của đồng chí chưa được lưu. Vui lòng gửi lại sau ít phút.
error-too-long = Tin nhắn quá dài (tối đa { $max } ký tự). Vui lòng gửi ngắn gọn hơn hoặc chia thành nhiều tin.

## Lệnh (mô tả ngắn, cũng dùng cho menu lệnh của Telegram)
cmd-trogiup = Xem các lệnh
cmd-lienket = Liên kết tài khoản bằng mã mời
cmd-ngonngu = Đổi ngôn ngữ (Tiếng Việt / English)
cmd-huy = Hủy thao tác đang làm
cmd-toi = Thông tin của tôi
cmd-chibo = Thông tin chi bộ
cmd-phutrach = Đơn vị, hộ tôi phụ trách

## Trợ giúp
help-title = Trợ lý chi bộ — các lệnh
help-intro-linked = Đồng chí có thể dùng các lệnh sau (gõ có dấu hay không dấu đều được):
help-intro-unlinked = Để bắt đầu, hãy liên kết tài khoản bằng mã mời. Các lệnh dùng được lúc này:
help-topic-cell = Chi bộ, lịch họp, việc của tôi
help-topic-report = Báo cáo, sinh hoạt chi bộ
help-topic-office = Tổng hợp, chỉ đạo (đảng ủy, văn phòng)
help-topic-records = Hồ sơ thôn, phát triển đảng, xếp loại
help-topic-households = Phụ trách, thăm hộ
help-topic-account = Tài khoản, dữ liệu cá nhân, cài đặt
help-more = Xem thêm: { $topic }

## Liên kết
welcome-unlinked = Chào đồng chí! Đây là Trợ lý chi bộ. Để bắt đầu, hãy gõ /lienket kèm mã mời do văn phòng Đảng ủy hoặc bí thư chi bộ cấp (ví dụ /lienket ABCDE-FGHJK). Trên Telegram, nếu văn phòng đã có số điện thoại của đồng chí, có thể bấm nút "Chia sẻ số điện thoại".
welcome-linked = Chào đồng chí { $name }! Gõ /trogiup để xem các lệnh.
link-how = Hãy gõ /lienket kèm mã mời, ví dụ: /lienket ABCDE-FGHJK. Mã do văn phòng đảng ủy hoặc bí thư chi bộ cấp.
link-done = Đã liên kết tài khoản với đồng chí { $name }.
link-next-steps = Gõ /toi để xem thông tin của mình, /chibo để xem chi bộ, /trogiup để xem tất cả các lệnh.
link-already = Tài khoản này đã được liên kết với đồng chí { $name }.
link-already-short = Tài khoản này đã được liên kết. Gõ /toi để xem thông tin.
link-private-only = Vui lòng liên kết trong tin nhắn riêng với bot, không gửi mã mời vào nhóm.
share-phone-button = Chia sẻ số điện thoại
link-other-title = Tài khoản mới được liên kết
link-other-notice = Tài khoản { $channel } vừa được liên kết với đồng chí lúc { $time } ngày { $day }. Nếu đúng là đồng chí, không cần làm gì. Nếu không phải đồng chí, xin báo ngay văn phòng Đảng ủy để gỡ tài khoản đó.
link-alert-title = Cảnh báo: nhiều lần nhập sai mã mời
link-alert = Trong { $minutes } phút qua có { $failures } lần nhập mã mời sai trên { $platform }. Có thể có người dò mã, hoặc một buổi hướng dẫn đông người đang nhập nhầm. Đến { $time } ngày { $day }, mỗi tài khoản chỉ được nhập sai { $perAccount } lần trong { $minutes } phút; ai nhập đúng mã vẫn liên kết được bình thường. Nếu không có buổi hướng dẫn nào, xin báo cán bộ kỹ thuật.
link-alert-all = tất cả các kênh (Zalo, Telegram)

## Ngôn ngữ
language-ask = Chọn ngôn ngữ:
language-set = Đã chuyển sang tiếng Việt.

## Hủy
cancel-done = Đã hủy.
cancel-nothing = Không có thao tác nào đang làm.

## Thông tin của tôi
me-title = Thông tin của tôi
me-name = Họ tên: { $name }
membership-full = Đảng viên chính thức
membership-probationary = Đảng viên dự bị
me-admitted = Ngày vào Đảng: { $date }
me-cell = Chi bộ: { $cell }
me-exempt = Được miễn sinh hoạt
me-temp-attached = Sinh hoạt tạm thời
me-roles = Chức vụ:
me-assignments = Đang phụ trách { $count } đơn vị/hộ (gõ /phutrach để xem).
me-channels = Đã liên kết qua: { $channels }
me-console-only = Bảng điều khiển không nhận được tin nhắc lịch họp, hạn báo cáo. Muốn nhận nhắc, đồng chí liên kết thêm Zalo hoặc Telegram (/lienket kèm mã mời).

role-member = Đảng viên
role-secretary = Bí thư
role-deputy_secretary = Phó Bí thư
role-cell_committee = Chi ủy viên
role-commune_committee = Đảng ủy viên
role-commune_standing = Ủy viên Ban Thường vụ
role-office_staff = Cán bộ văn phòng

## Chi bộ
cell-none = Đồng chí chưa thuộc chi bộ nào trong hệ thống.
cell-pick = Chọn chi bộ:
cell-parent = Trực thuộc: { $parent }
cell-counts = Đảng viên: { $total } ({ $full } chính thức, { $probationary } dự bị; { $exempt } miễn sinh hoạt)
cell-secretary = Bí thư: { $names }
cell-deputy = Phó Bí thư: { $names }
cell-cadre = Cấp ủy viên phụ trách: { $names }
cell-no-cadre = chưa phân công
cell-next-meeting = Sinh hoạt thường kỳ tới: { $date } lúc { $time }
cell-meeting-place = Địa điểm: { $place }
cell-members-button = Danh sách đảng viên
cell-members-title = Danh sách đảng viên ({ $count })
mark-probationary = dự bị
mark-exempt = miễn SH
mark-temp = SH tạm thời


## Dòng lệnh
console-demo-banner = Chưa đặt token Telegram hay Zalo: đang mở trò chuyện trên bảng điều khiển với tỉnh mẫu, với tư cách đồng chí { $name } (Bí thư Chi bộ thôn Pò Lài). Gõ /trogiup để xem các lệnh, Ctrl+D để thoát.
console-real-data = Thư mục dữ liệu này đã có dữ liệu của đơn vị: không thêm tỉnh mẫu. Trò chuyện trên bảng điều khiển với tư cách một người bằng mã của người đó, ví dụ đồng chí { $name } (Bí thư { $cell }): npx chibo chat --as { $code }
console-real-data-no-secretary = Thư mục dữ liệu này đã có dữ liệu của đơn vị: không thêm tỉnh mẫu. Trò chuyện trên bảng điều khiển với tư cách một người bằng mã đảng viên trong tệp đã nhập: npx chibo chat --as MÃ
start-no-token = Chưa đặt TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN nên bot không chạy: không kênh nào, không nhắc lịch, không /healthz. Đặt mã bot (xem docs/vi/trien-khai.md) rồi chạy lại chibo start.
seed-demo-refused = Không tạo tỉnh mẫu: thư mục dữ liệu (hoặc cơ sở dữ liệu) này đã có dữ liệu của đơn vị, và dữ liệu mẫu không được trộn vào dữ liệu thật. Muốn thử tỉnh mẫu, dùng một thư mục khác: DATA_DIR=./data-mau npx chibo seed --demo
error-handling_failed = Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn này nên chưa thực hiện được. Lỗi đã được ghi lại để khắc phục.
busy-will-handle = Hệ thống đang tạm gián đoạn. Tin nhắn của đồng chí đã được nhận và sẽ được xử lý ngay khi hệ thống hoạt động trở lại; đồng chí không cần gửi lại.

help-intro-group = Trong nhóm dùng được các lệnh sau; các lệnh khác xin nhắn riêng cho trợ lý:
question-answered-by = (Câu hỏi này được trả lời bằng lệnh { $command }.)
question-suggest = Tôi chưa hiểu tin nhắn này. Có thể đồng chí cần:
question-suggest-help = Gõ /trogiup để xem tất cả các lệnh.
