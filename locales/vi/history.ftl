# Tổng hợp sau hạn báo cáo (gửi qua hàng đợi, ngày hôm sau hạn chót)

digest-commune-title = Chi bộ chưa gửi báo cáo
digest-commune = { $commune }: { $count }/{ $cells } chi bộ chưa gửi { $form } { $period } (hạn chót { $due }): { $missing }.
digest-commune-followed = Trong { $cells } chi bộ đồng chí phụ trách ở { $commune }, { $count } chi bộ chưa gửi { $form } { $period } (hạn chót { $due }): { $missing }.
digest-province-title = Tổng hợp báo cáo theo xã
digest-province = { $province }: { $count }/{ $cells } chi bộ chưa gửi { $form } { $period } (hạn chót { $due }).
digest-province-line = • { $commune }: { $count }/{ $cells } chi bộ chưa gửi
digest-province-line-done = • { $commune }: đủ { $cells }/{ $cells } chi bộ
digest-see-more = Xem chi tiết: /tonghop
digest-chart-caption = Tình hình gửi báo cáo
digest-chart-fallback = (Biểu đồ: gõ /tonghop để xem.)

## Xem lại (/xemlai): từ tỉnh, xã đến chi bộ và từng báo cáo, tháng nào cũng được

cmd-xemlai = Xem lại các tháng trước: từ tỉnh, xã đến từng chi bộ và báo cáo
lookback-title = Xem lại
lookback-pick = Xem lại đơn vị nào?
lookback-bad-month = Tôi chưa đọc được tháng (hoặc tháng chưa tới). Gõ ví dụ: /xemlai 10/2025 hoặc /xemlai t10.
lookback-org-head = { $org } — { $period }: { $reported }/{ $cells } chi bộ đã báo cáo, { $late } quá hạn.
lookback-group-line = • { $name }: { $reported }/{ $cells } đã báo cáo, { $late } quá hạn
lookback-status-late = quá hạn, chưa báo cáo (hạn { $due })
lookback-status-pending = chưa báo cáo, hạn { $due }
lookback-status-none = không có lịch sinh hoạt
lookback-drill-group = Chọn một đảng bộ để xem từng chi bộ:
lookback-drill-cell = Chọn một chi bộ để xem 12 tháng của chi bộ:
lookback-prev = ◀ { $period }
lookback-next = { $period } ▶
lookback-up = ▲ { $org }
lookback-cell-title = { $cell }: 12 tháng đến { $period }
lookback-cell-summary = { $met } tháng báo cáo đúng hạn, { $late } tháng nộp muộn, { $missed } tháng không báo cáo, { $none } tháng không có lịch sinh hoạt.
lookback-month-met = ✅ { $period }: đúng hạn — dự họp { $rate }
lookback-month-late = ☑️ { $period }: nộp muộn (hạn { $due }) — dự họp { $rate }
lookback-month-missed = ❗ { $period }: không báo cáo (hạn { $due })
lookback-month-pending = ⏳ { $period }: chưa đến hạn (hạn { $due })
lookback-month-none = — { $period }: không có lịch sinh hoạt
lookback-open-report = Chọn một tháng để xem báo cáo:
lookback-chart-title = Tỷ lệ dự sinh hoạt 12 tháng
lookback-chart-caption = Xu hướng dự sinh hoạt 12 tháng

## Trước khi tỉnh bắt đầu dùng chibo (hoặc trước khi chi bộ thành lập): chưa theo dõi, không tính là thiếu báo cáo
lookback-status-untracked = chưa theo dõi
lookback-untracked = { $count } chi bộ chưa theo dõi tháng này (trước ngày bắt đầu dùng chibo).
lookback-group-untracked = { $count } chưa theo dõi
lookback-cell-untracked = { $count } tháng chưa theo dõi (trước ngày bắt đầu dùng chibo), không tính.
lookback-month-untracked = · { $period }: chưa theo dõi
# Báo cáo của tháng chưa theo dõi (hoặc không có hạn nộp): đã gửi, không tính đúng hạn hay muộn
lookback-month-sent = ☑️ { $period }: đã gửi (không xét hạn) — dự họp { $rate }
lookback-cell-sent = { $count } tháng đã gửi nhưng không xét hạn (chưa theo dõi hoặc không có hạn nộp).
lookback-chart-untracked = chưa theo dõi
