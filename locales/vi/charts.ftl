# Texts drawn on charts (src/charts/): callers pass them in.
chart-attendance-title = Tỷ lệ đảng viên dự sinh hoạt chi bộ
chart-attendance-legend-ok = Trên { $bar }
chart-attendance-legend-low = Từ { $bar } trở xuống
chart-attendance-no-report = chưa báo cáo
chart-reporting-title = Tình hình gửi báo cáo
chart-reporting-reported = Đã báo cáo
chart-reporting-pending = Chưa đến hạn
chart-reporting-late = Quá hạn
chart-attendance-untracked = chưa theo dõi
