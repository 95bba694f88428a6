# The annual review: /xeploai (roll-up, a cell, the committee's score and level) and /tudanhgia.
cmd-xeploai = Kiểm điểm, xếp loại năm: tổng hợp mức xếp loại, Đảng ủy chấm và xếp loại chi bộ
cmd-tudanhgia = Đảng viên tự đánh giá, tự xếp loại năm
error-rating_note_required = Mức xếp loại khác với mức chi bộ tự xếp: xin ghi ngắn lý do.
rating-overview-title = Kiểm điểm, xếp loại năm { $year }
rating-commune-head = { $commune }: { $cells } chi bộ; đã tự chấm { $selfRated }, Đảng ủy đã xếp loại { $decided }
rating-members-head = Đảng viên (theo báo cáo của các chi bộ):
rating-count-line = { $level }: { $count } ({ $pct }%)
rating-count-unrated = Chưa xếp loại: { $count }
rating-over-quota = Số hoàn thành xuất sắc nhiệm vụ ({ $htxs }) vượt quá { $pct }% số hoàn thành tốt nhiệm vụ ({ $htt }): tối đa { $limit }.
rating-unit-label = { $cell }: tự xếp { $self } → { $final }
rating-not-self-rated = (chưa có)
rating-not-decided = Đảng ủy chưa xếp loại
rating-pick-org = Xem xếp loại của đơn vị nào?
rating-cell-title = Kiểm điểm, xếp loại năm { $year } — { $cell }
rating-cell-self = Chi bộ tự chấm: { $score }/{ $max } điểm — { $level }
rating-cell-no-report = Chi bộ chưa gửi kiểm điểm, xếp loại năm này (/baocao xếp loại).
rating-cell-members = Đảng viên: hoàn thành xuất sắc { $htxs }, hoàn thành tốt { $htt }, hoàn thành { $ht }, không hoàn thành { $kht }
rating-cell-decided = Đảng ủy xếp loại: { $level }
rating-cell-decided-score = Đảng ủy chấm { $score } điểm, xếp loại: { $level }
rating-note = Ghi chú: { $note }
rating-reviews-head = Đảng viên tự đánh giá ({ $count }):
rating-decide-button = Đảng ủy chấm điểm, xếp loại
rating-q-score = Đảng ủy chấm { $cell } năm { $year } bao nhiêu điểm (0–100)?
rating-keep-self-score = Giữ điểm chi bộ tự chấm ({ $score })
rating-no-score = Không chấm điểm, chỉ xếp loại
rating-score-range = Điểm phải là một số từ 0 đến 100.
rating-score-earns = Điểm Đảng ủy chấm: { $score }/100 → { $level }
rating-self-was = Chi bộ tự xếp: { $level }
rating-q-level = Mức xếp loại cuối cùng của { $cell }?
rating-q-note = Mức { $level } khác với mức chi bộ tự xếp ({ $self }). Xin ghi ngắn lý do:
rating-note-length = Xin viết ngắn gọn, không để trống, tối đa { $max } ký tự.
rating-decided = Đã xếp loại { $cell } năm { $year }: { $level }.
rating-decided-score = Điểm Đảng ủy chấm: { $score }/100.
self-review-existing = Đồng chí đã tự đánh giá năm { $year }: { $level } — "{ $text }". Gửi lại thì thay bản cũ.
self-review-q-level = Đồng chí tự xếp loại năm { $year } ở mức nào?
self-review-q-text = Mức: { $level }. Xin viết tự nhận xét ngắn (ưu điểm, hạn chế, hướng khắc phục; tối đa { $max } ký tự):
self-review-preview = Tự đánh giá năm { $year }
    • Tự xếp loại: { $level }
    • Tự nhận xét: { $text }
    Bí thư chi bộ và Đảng ủy xem được bản này. Gửi?
self-review-send = Gửi tự đánh giá
self-review-replace = Gửi, thay bản tự đánh giá trước
self-review-saved = Đã ghi tự đánh giá năm { $year }: { $level }. Chi bộ sẽ xem xét, đề nghị mức xếp loại.
rating-stale-named = Màn hình xếp loại { $cell } năm { $year } vừa bấm
rating-stale-unnamed = Màn hình xếp loại vừa bấm
rating-stale-other = { $pressed } đã cũ (đã có màn hình mới hơn hoặc đã sang bước khác), nên tôi không làm theo nút vừa bấm: chưa xếp loại, chưa ghi gì. Bước đang mở ở ngay dưới đây: xin chọn ở đó.
rating-stale-none = { $pressed } đã cũ (đã xếp loại, đã hủy hoặc đã được thay), nên tôi không làm theo nút vừa bấm: không có gì thay đổi. Muốn chấm điểm, xếp loại, xin gõ /xeploai.
rating-stale-done = { $cell } năm { $year } đã được xếp loại { $level } lúc { $time } ngày { $day }. Không cần bấm lại.
self-review-stale-named = Màn hình tự đánh giá năm { $year } vừa bấm
self-review-stale-unnamed = Màn hình tự đánh giá vừa bấm
self-review-stale-other = { $pressed } đã cũ (đã có màn hình mới hơn hoặc nội dung đã khác), nên tôi không làm theo nút vừa bấm: chưa gửi gì. Màn hình đang mở ở ngay dưới đây: xin xem lại và chọn ở đó.
self-review-stale-none = { $pressed } đã cũ (đã gửi, đã hủy hoặc đã được thay), nên tôi không làm theo nút vừa bấm: không có gì thay đổi. Muốn tự đánh giá, xin gõ /tudanhgia.
self-review-stale-sent = Bản tự đánh giá năm { $year } này ({ $level }) đã gửi lúc { $time } ngày { $day }. Không cần bấm lại.

## Năm chưa có bảng tiêu chí riêng: nói rõ dùng bảng năm nào (khi chấm, khi xem, trong tệp xuất)
criteria-fallback = dùng bảng tiêu chí năm { $used } — tỉnh chưa nhập bảng năm { $year }
report-criteria-fallback = ℹ️ Chấm theo bảng tiêu chí năm { $used } — tỉnh chưa nhập bảng năm { $year } (văn phòng nhập bảng mới bằng tệp tieu-chi.xlsx).
