# Tổng hợp sau hạn báo cáo (gửi qua hàng đợi, ngày hôm sau hạn chót)

digest-commune-title = Chi bộ chưa gửi báo cáo
digest-commune = { $commune }: { $count }/{ $cells } chi bộ chưa gửi { $form } kỳ { $period } (hạn chót { $due }): { $missing }.
digest-commune-followed = Trong { $cells } chi bộ đồng chí phụ trách ở { $commune }, { $count } chi bộ chưa gửi { $form } kỳ { $period } (hạn chót { $due }): { $missing }.
digest-province-title = Tổng hợp báo cáo theo xã
digest-province = { $province }: { $count }/{ $cells } chi bộ chưa gửi { $form } kỳ { $period } (hạn chót { $due }).
digest-province-line = • { $commune }: { $count }/{ $cells } chi bộ chưa gửi
digest-province-line-done = • { $commune }: đủ { $cells }/{ $cells } chi bộ
digest-see-more = Xem chi tiết: /tonghop
digest-chart-caption = Tình hình gửi báo cáo
digest-chart-fallback = (Biểu đồ: gõ /tonghop để xem.)
