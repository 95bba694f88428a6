## Kênh nhận nhắc việc (/kenh)
cmd-kenh = Chọn kênh nhận nhắc việc (Zalo / Telegram)
channel-current-auto = Nhắc việc đang gửi qua { $channel } (kênh đồng chí dùng gần nhất).
channel-current-chosen = Nhắc việc đang gửi qua { $channel } (đồng chí đã chọn).
channel-current-unreachable = Hiện chưa gửi được nhắc việc cho đồng chí: các kênh đã liên kết đều không nhận được tin. Hãy nhắn cho bot trên Zalo hoặc Telegram để mở lại.
channel-only-one = Đồng chí mới liên kết qua { $channel }. Muốn nhận nhắc việc qua kênh khác, hãy xin mã mời mới rồi gõ /lienket kèm mã trên kênh đó.
channel-none = Đồng chí chưa liên kết Zalo hay Telegram nên chưa nhận được nhắc việc. Hãy xin mã mời rồi gõ /lienket kèm mã trên Zalo hoặc Telegram.
channel-ask = Đồng chí muốn nhận nhắc việc qua kênh nào?
channel-auto-label = Tự động (kênh dùng gần nhất)
channel-set = Từ nay nhắc việc sẽ gửi qua { $channel }.
channel-set-auto = Từ nay nhắc việc sẽ gửi qua kênh đồng chí dùng gần nhất.
channel-unknown = Đồng chí chưa liên kết kênh "{ $name }". Gõ /kenh để xem các kênh đã liên kết.
