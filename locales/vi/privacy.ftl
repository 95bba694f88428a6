# Dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15)

cmd-dulieu = Xem dữ liệu của tôi mà chibo đang giữ, yêu cầu sửa
cmd-huylienket = Hủy liên kết tài khoản chat này
cmd-yeucausua = Các yêu cầu sửa thông tin đang chờ xử lý
cmd-nhatkytruycap = Nhật ký ai đã xem thông tin cá nhân của người khác

privacy-notice-title = Thông báo về dữ liệu cá nhân (bản { $version })
privacy-notice =
    chibo (Trợ lý chi bộ) giữ các thông tin sau về đồng chí: họ tên, năm sinh, giới tính, dân tộc, số điện thoại, ngày vào Đảng, chi bộ và chức vụ; việc đồng chí báo dự họp hay vắng (kèm lý do); báo cáo đồng chí gửi; các lần đồng chí thăm hộ gia đình; bản tự đánh giá, tự xếp loại cuối năm của đồng chí; việc chi bộ giao cho đồng chí theo nghị quyết (hạn, tình trạng, ghi chú); hồ sơ phát triển đảng của đồng chí từ khi còn là quần chúng được theo dõi (tôn giáo, nhóm đối tượng, ngày từng bước), nếu có; các tin nhắc đã gửi cho đồng chí.
    Để làm gì: phục vụ công tác của chi bộ và đảng ủy cấp trên (nhắc họp, nhận báo cáo, tổng hợp). Không dùng vào việc khác.
    Ai được xem: bí thư, phó bí thư, chi ủy chi bộ của đồng chí; cán bộ được phân công theo dõi chi bộ; văn phòng và Ban Thường vụ đảng ủy xã, tỉnh theo cấp quản lý. Mỗi lần xem danh sách có tên người khác đều được ghi lại.
    Giữ bao lâu: hồ sơ đảng viên, chức vụ, báo cáo, báo dự họp, thăm hộ giữ theo quy định của tổ chức đảng (hồ sơ phát triển đảng của người đã được kết nạp thuộc hồ sơ đảng viên); tin nhắn chờ và trạng thái trò chuyện xóa sau vài ngày; tin nhắc xóa sau { $finishedOutbox } ngày; nhật ký xem xóa sau { $accessLog } ngày; nhật ký thay đổi xóa sau { $audit } ngày; tự đánh giá xóa sau { $selfReviews } ngày kể từ hết năm được đánh giá; việc được giao xóa sau { $resolutionTasks } ngày kể từ hết tháng của nghị quyết; hồ sơ thôn theo quý (có tên người làm việc ở thôn) xóa sau { $villageRecords } ngày; quần chúng thôi theo dõi xóa sau { $droppedCandidates } ngày, quần chúng còn theo dõi mà bước gần nhất đã quá { $staleCandidates } ngày thì xóa. Khi tỉnh đổi một thời hạn trên, đồng chí được báo lại thông báo này.
    Quyền của đồng chí: gõ /dulieu để xem và nhận bản sao dữ liệu của mình, bấm "Yêu cầu sửa" nếu có sai sót; gõ /huylienket để hủy liên kết tài khoản chat này.
privacy-notice-full-title = Toàn văn thông báo về dữ liệu cá nhân (bản { $version })
privacy-notice-short =
    Để nhắc lịch họp, nhận báo cáo và tổng hợp cho chi bộ, đảng ủy cấp trên, chibo giữ thông tin đảng viên của đồng chí (họ tên, năm sinh, số điện thoại, chi bộ, chức vụ), việc báo dự họp, báo cáo, việc được giao và tin nhắc đã gửi. Không dùng vào việc khác.
    Ai được xem: chi ủy chi bộ của đồng chí, cán bộ được phân công theo dõi, văn phòng và Ban Thường vụ đảng ủy xã, tỉnh.
    Toàn văn thông báo (đủ các loại dữ liệu, thời hạn lưu giữ, quyền của đồng chí) ở tin ngay dưới.
privacy-notice-answer-above = Đồng chí trả lời ở tin trên: bấm nút "Đồng ý" hoặc "Không đồng ý" (hoặc gõ 1 hoặc 2).
privacy-notice-answer-above-typed = Đồng chí trả lời ở tin trên: gõ số 1 nếu đồng ý, số 2 nếu không đồng ý.
privacy-notice-ask = Đồng chí có đồng ý để liên kết tài khoản { $name } không?
privacy-notice-ask-linked = Nội dung thông báo đã thay đổi. Đồng chí vui lòng đọc và chọn.
privacy-accept = Đồng ý
privacy-refuse = Không đồng ý
privacy-accepted = Cảm ơn đồng chí. Đã ghi nhận đồng chí đồng ý (bản { $version }).
privacy-refused-link = Chưa liên kết tài khoản vì đồng chí chưa đồng ý. Không có thông tin gì mới được lưu. Nếu đổi ý, hãy gõ lại /lienket kèm mã mời (mã vẫn dùng được đến khi hết hạn).
privacy-refused-linked =
    Đã ghi nhận đồng chí không đồng ý bản thông báo mới. Tài khoản vẫn đang liên kết và không có dữ liệu nào bị xóa.
    Nếu đồng chí không muốn dùng chibo nữa, gõ /huylienket (hồ sơ đảng viên vẫn do chi bộ quản lý). Gõ /dulieu để xem dữ liệu của mình.
privacy-phone-received = Đã nhận số điện thoại của đồng chí.
privacy-pending = Đồng chí vui lòng bấm nút "Đồng ý" hoặc "Không đồng ý" ở trên (hoặc gõ 1 hoặc 2).
privacy-pending-typed = Đồng chí vui lòng gõ số 1 nếu đồng ý, số 2 nếu không đồng ý.

privacy-title = Dữ liệu của đồng chí trong chibo
privacy-section-profile = Hồ sơ:
privacy-line-code = Mã: { $code }
privacy-line-name = Họ tên: { $name }
privacy-line-sex = Giới tính: { $sex }
privacy-line-birth = Năm sinh: { $year }
privacy-line-ethnicity = Dân tộc: { $ethnicity }
privacy-line-phone = Số điện thoại: { $phone }
privacy-line-membership = Đảng tịch: { $membership }
privacy-line-admitted = Ngày vào Đảng: { $date }
privacy-line-full = Ngày chính thức: { $date }
privacy-line-exempt = Miễn sinh hoạt: có
privacy-line-temp = Sinh hoạt tạm thời: có
privacy-section-roles = Chức vụ:
privacy-role-line = • { $role } — { $org } (từ { $from }{ $to ->
        [none] {""}
       *[other] {" "}đến { $to }
    })
privacy-section-accounts = Tài khoản chat đã liên kết:
privacy-account-line = • { $channel }, liên kết { $linked }{ $count ->
        [1] {""}
       *[other] {" "}({ $count } liên kết)
    }
privacy-section-rsvps = Báo dự họp ({ $count }):
privacy-rsvp-yes = • { $date } — { $org }: dự
privacy-rsvp-no = • { $date } — { $org }: vắng, lý do: { $reason }
privacy-rsvp-proxy = (bí thư ghi hộ)
privacy-section-reports = Báo cáo đồng chí đã gửi ({ $count }):
privacy-report-line = • { $form } { $period } — { $org } ({ $status })
privacy-section-corrected = Lần sửa báo cáo: { $count }
privacy-section-follows = Đồng chí được phân công phụ trách ({ $count }):
privacy-follow-line = • { $what } — từ { $from }{ $to ->
        [none] {""}
       *[other] {" "}đến { $to }
    }
privacy-follow-household = hộ { $head } ({ $code }), { $village }
privacy-section-visits = Lần thăm hộ đồng chí ghi ({ $count }):
privacy-section-self-reviews = Tự đánh giá, xếp loại cuối năm ({ $count }):
privacy-self-review-line = • Năm { $year }: { $level } — { $text }
privacy-section-tasks = Việc được giao cho đồng chí theo nghị quyết chi bộ ({ $count }):
privacy-task-line = • { $period }, { $cell }: { $task } — { $status }
privacy-task-due = (hạn { $date })
privacy-visit-line = • { $date } — hộ { $household }, { $village }
privacy-section-reminders = Tin nhắc đã gửi cho đồng chí: { $count }
privacy-reminder-count = • { $kind }: { $count }
privacy-reminder-recent = Gần đây nhất:
privacy-reminder-line = • { $at } — { $kind }
privacy-kind-meeting_reminder = Nhắc lịch sinh hoạt chi bộ
privacy-kind-meeting_changed = Báo đổi ngày họp
privacy-kind-meeting_cancelled = Báo hủy buổi họp
privacy-kind-meeting_holiday = Báo ngày họp trùng ngày lễ
privacy-kind-meeting_thematic = Nhắc sinh hoạt chuyên đề
privacy-kind-report_due = Nhắc hạn báo cáo
privacy-kind-report_overdue_cadre = Báo chi bộ chậm báo cáo (cán bộ phụ trách)
privacy-kind-report_digest = Tổng hợp chi bộ chậm báo cáo
privacy-kind-digest_commune = Tổng hợp báo cáo của xã
privacy-kind-digest_province = Tổng hợp báo cáo theo xã
privacy-kind-member_probation_due = Nhắc hết thời gian dự bị
privacy-kind-candidate_certificate_due = Nhắc giấy chứng nhận lớp cảm tình Đảng sắp hết hạn
privacy-kind-task_due = Nhắc việc được giao sắp đến hạn
privacy-kind-correction_answered = Kết quả yêu cầu sửa thông tin
privacy-kind-group_meeting_reminder = Nhắc lịch họp (nhóm chat)
privacy-kind-group_meeting_changed = Báo đổi ngày họp (nhóm chat)
privacy-kind-group_meeting_cancelled = Báo hủy buổi họp (nhóm chat)
privacy-kind-group_meeting_holiday = Báo ngày họp trùng ngày lễ (nhóm chat)
privacy-kind-announcement = Thông báo của đảng ủy
privacy-kind-announcement_stats = Kết quả gửi thông báo
privacy-kind-account_linked = Báo có tài khoản mới được liên kết
privacy-kind-link_alert = Cảnh báo nhập sai mã mời
privacy-section-consents = Đồng ý về dữ liệu cá nhân:
privacy-consent-line = • { $at } — { $channel }, bản { $version }: { $decision }
privacy-decision-accepted = đồng ý
privacy-decision-refused = không đồng ý
privacy-decision-shown = đã xem
privacy-section-requests = Yêu cầu sửa của đồng chí:
privacy-request-line = • #{ $id } ({ $at }): { $status }
privacy-request-open = đang chờ
privacy-request-done = đã sửa
privacy-request-declined = không sửa
privacy-field-full_name = Họ tên
privacy-field-sex = Giới tính
privacy-field-birth_year = Năm sinh
privacy-field-ethnicity = Dân tộc
privacy-field-phone = Số điện thoại
privacy-field-membership = Đảng tịch
privacy-field-admitted_on = Ngày vào Đảng
privacy-field-full_member_on = Ngày chính thức
privacy-field-exempt = Miễn sinh hoạt
privacy-field-temp_attached = Sinh hoạt tạm thời
privacy-section-views = Những lần người khác xem thông tin có tên đồng chí ({ $count } gần nhất):
privacy-view-line = • { $at } — { $viewer }: { $what }
privacy-viewer-role = { $viewer } ({ $role }, { $org })
privacy-view-org = { $what } — { $org }
privacy-view-report = { $what } — { $form } { $period }, { $org }
privacy-section-named-in = Báo cáo có tên đồng chí ({ $count }):
privacy-named-absent = • { $form } { $period }, { $cell }: vắng — { $reason }
privacy-named-absent-no-reason = • { $form } { $period }, { $cell }: vắng (không ghi lý do)
privacy-named-owner = • { $form } { $period }, { $cell }: người thực hiện việc "{ $task }"
privacy-named-as-absent = vắng họp
privacy-named-as-owner = người thực hiện việc
privacy-file-unavailable = Kênh này không gửi được tệp; nội dung đầy đủ ở trên. Muốn nhận tệp Excel, hãy gõ /dulieu trên Telegram.
privacy-file-caption = Bản sao dữ liệu của đồng chí (tệp Excel).
privacy-fix-button = Yêu cầu sửa
privacy-fix-ask = Đồng chí hãy gõ nội dung cần sửa trong một tin nhắn (ví dụ: "Năm sinh đúng là 1980"). Gõ /huy để thôi.
privacy-fix-empty = Nội dung trống hoặc quá dài (tối đa { $max } ký tự). Vui lòng gõ lại nội dung cần sửa, hoặc /huy để thôi.
privacy-fix-sent = Đã gửi yêu cầu sửa #{ $id } tới bí thư chi bộ (hoặc văn phòng đảng ủy). Đồng chí xem tình trạng bằng /dulieu.

privacy-what-cell_members = xem danh sách đảng viên
privacy-what-meeting_absentees = xem danh sách vắng họp và lý do
privacy-what-person_profile = xem hồ sơ một người
privacy-what-export_names = xuất tệp có tên người
privacy-what-correction_list = xem yêu cầu sửa thông tin
privacy-what-rating_self_reviews = xem tự đánh giá, xếp loại của đảng viên
privacy-what-invite_list = xem danh sách người chưa liên kết tài khoản (mời liên kết)
privacy-what-meeting_proxy_list = xem danh sách báo dự họp để ghi hộ
privacy-what-report_names = xem báo cáo có tên đồng chí (vắng họp và lý do, người thực hiện nghị quyết)

unlink-ask = Hủy liên kết tài khoản chat này với đồng chí { $name }? Sau khi hủy, bot sẽ không nhắn tin cho tài khoản này nữa.
unlink-confirm = Hủy liên kết
unlink-keep = Thôi
unlink-kept = Không thay đổi gì. Tài khoản vẫn đang liên kết.
unlink-done =
    Đã hủy liên kết. Đã xóa những gì thuộc về tài khoản chat này: mã cuộc trò chuyện, trạng thái trò chuyện, các tin nhắc chưa gửi.
    Hồ sơ đảng viên, việc báo dự họp, báo cáo và các lần thăm hộ vẫn được chi bộ và đảng ủy lưu giữ, vì đó là hồ sơ công tác của tổ chức đảng (Điều lệ Đảng và quy định lưu trữ hồ sơ đảng viên), không thuộc riêng tài khoản chat. Muốn sửa thông tin trong hồ sơ, hãy liên hệ bí thư chi bộ.
unlink-not-linked = Tài khoản này chưa liên kết, không có gì để hủy.

corrections-title = Yêu cầu sửa thông tin đang chờ ({ $count })
corrections-none = Không có yêu cầu sửa nào đang chờ.
corrections-line = #{ $id } — { $name } ({ $at }): { $text }
corrections-handle-button = Xử lý #{ $id }
corrections-case = Yêu cầu #{ $id } của đồng chí { $name } ({ $at }): "{ $text }"
corrections-record = Hồ sơ trong chibo hiện nay: { $record }.
corrections-changed = Đã thay đổi từ khi gửi yêu cầu: { $changes }.
corrections-unchanged = Hồ sơ chưa thay đổi gì từ khi gửi yêu cầu.
corrections-change = { $field }: { $before } → { $after }
corrections-how-secretary = Hồ sơ đảng viên do văn phòng { $office } sửa (sửa danh sách đảng viên rồi nhập lại vào chibo). Đồng chí báo văn phòng nội dung cần sửa; khi văn phòng sửa xong thì bấm "Đã sửa xong".
corrections-how-office = Văn phòng sửa trong tệp danh sách đảng viên (mẫu dang-vien.xlsx) rồi nhập lại trên máy chạy chibo: chibo import people TỆP. Sửa xong thì bấm "Đã sửa xong".
corrections-office-unknown = đảng ủy cấp trên
corrections-fixed-button = Đã sửa xong
corrections-declined-button = Không sửa
corrections-later-button = Để sau
corrections-later = Yêu cầu vẫn đang chờ. Sửa xong thì gõ /yeucausua để báo kết quả.
corrections-ask-done = Hồ sơ trong chibo chưa thay đổi. Đồng chí gõ một câu báo cho đồng chí { $name } đã sửa gì (ví dụ: "Văn phòng đã sửa năm sinh thành 1990"). Gõ /huy để thôi.
corrections-ask-declined = Đồng chí gõ lý do không sửa để báo cho đồng chí { $name } (ví dụ: "Năm sinh trong lý lịch đảng viên là 1991"). Gõ /huy để thôi.
corrections-answer-empty = Nội dung trống hoặc quá dài (tối đa { $max } ký tự). Vui lòng gõ lại, hoặc /huy để thôi.
corrections-closed-done = Đã xong yêu cầu #{ $id }: đã sửa — { $answer }. Người yêu cầu được báo kết quả (tin nhắn và /dulieu).
corrections-closed-declined = Đã xong yêu cầu #{ $id }: không sửa — { $answer }. Người yêu cầu được báo kết quả (tin nhắn và /dulieu).
correction-answered-title = Kết quả yêu cầu sửa thông tin #{ $id }
correction-answered-done =
    Yêu cầu sửa #{ $id } của đồng chí ("{ $request }"): đã sửa.
    { $answer }
    Gõ /dulieu để xem lại dữ liệu của mình.
correction-answered-declined =
    Yêu cầu sửa #{ $id } của đồng chí ("{ $request }"): không sửa.
    Lý do: { $answer }
    Nếu còn thắc mắc, đồng chí trao đổi với bí thư chi bộ, hoặc gửi yêu cầu mới bằng /dulieu.

access-log-title = Nhật ký xem thông tin cá nhân — { $org } ({ $days } ngày qua)
access-log-none = Không có lượt xem nào trong { $days } ngày qua.
access-log-line = • { $at } — { $viewer }: { $what }{ $org ->
        [none] {""}
       *[other] , { $org }
    }{ $count ->
        [none] {""}
       *[other] {" "}({ $count } người)
    }{ $subject ->
        [none] {""}
       *[other] {" "}— { $subject }
    }

cmd-luutru = Thời gian lưu giữ dữ liệu (văn phòng tỉnh chọn được một số mục)
retention-title = Thời gian lưu giữ dữ liệu
retention-line = • { $what }: { $days } ngày
retention-line-settable = • { $what }: { $days } ngày (tỉnh chọn từ { $min } đến { $max }; mã { $kind })
retention-how = Văn phòng Tỉnh ủy đổi một mục bằng: /luutru MÃ SỐ_NGÀY, ví dụ /luutru accessLog 730. Hồ sơ đảng viên, báo cáo, báo dự họp, thăm hộ và bản ghi đồng ý được giữ theo hồ sơ của tổ chức đảng.
retention-saved = Đã đặt thời gian lưu giữ { $kind }: { $days } ngày. Việc dọn dẹp hằng ngày dùng mức mới từ lần chạy tới.
retention-notice-again = Thông báo về dữ liệu cá nhân nêu thời hạn này: mỗi người đã liên kết tài khoản sẽ được xem lại thông báo một lần, ở tin nhắn kế tiếp của họ.
retention-unknown-kind = Không có mục "{ $kind }". Gõ /luutru để xem các mã và giới hạn.
retention-fixed = Mục "{ $kind }" có thời hạn cố định, tỉnh không đổi được.
retention-out-of-range = Số ngày cho "{ $kind }" nằm ngoài giới hạn cho phép. Gõ /luutru để xem giới hạn.
retention-kind-inboundUpdates = Mã tin đã xử lý (chống trùng)
retention-kind-conversations = Trạng thái cuộc trò chuyện (sau khi hết hạn)
retention-kind-linkAttempts = Số lần nhập sai mã mời
retention-kind-progressMessages = Tin cập nhật tiến độ trên Telegram
retention-kind-schedulerRuns = Lượt chạy của bộ lập lịch
retention-kind-finishedInvites = Mã mời đã dùng hoặc hết hạn
retention-kind-finishedOutbox = Tin nhắc, thông báo đã gửi
retention-kind-accessLog = Nhật ký xem thông tin cá nhân
retention-kind-audit = Nhật ký thay đổi (kể cả báo cáo)
retention-kind-doneCorrections = Yêu cầu sửa đã xử lý
retention-kind-staleCandidates = Quần chúng đang theo dõi mà bước gần nhất đã lâu (tính từ ngày của bước)
retention-kind-selfReviews = Tự đánh giá, tự xếp loại cuối năm của đảng viên (sau khi hết năm)
retention-kind-resolutionTasks = Việc được giao theo nghị quyết chi bộ (sau tháng của nghị quyết)
