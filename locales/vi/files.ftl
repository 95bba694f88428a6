## Tệp và hình gửi qua liên kết (Zalo) hoặc lưu vào thư mục (máy tính)
file-link = Tải tệp { $name }: { $url }
    (Liên kết chỉ dành cho đồng chí, dùng được trong 24 giờ.)
file-link-photo = Xem biểu đồ: { $url }
    (Liên kết dùng được trong 24 giờ.)
file-saved = Đã lưu tệp vào: { $path }
file-page-title = Trợ lý chi bộ
file-page-expired = Liên kết tải tệp này đã hết hạn (liên kết chỉ dùng được trong 24 giờ). Đồng chí hãy gõ lại lệnh trong khung chat để nhận liên kết mới.
file-page-unknown = Không tìm thấy tệp. Liên kết có thể bị chép thiếu; đồng chí hãy mở lại đúng liên kết trong tin nhắn, hoặc gõ lại lệnh trong khung chat để nhận liên kết mới.
