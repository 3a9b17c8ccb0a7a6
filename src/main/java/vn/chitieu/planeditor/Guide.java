package vn.chitieu.planeditor;

import java.util.List;

/**
 * The help sheet of the plan workbook, in Vietnamese: each sheet and column, and the
 * language of measures and targets with examples from the shipped plans.
 */
final class Guide {

	static final List<String> LINES = List.of("Nhập một kế hoạch từ tệp Excel",
			"Tệp này có các trang: “Kế hoạch” (thông tin chung), “Chỉ tiêu” (mỗi dòng một chỉ tiêu), “Số liệu” "
					+ "(các số liệu kế hoạch cần), “Ràng buộc” (điều kiện giữa các số liệu, nếu có). Tải tệp lên ở trang "
					+ "Kế hoạch → Nhập kế hoạch từ Excel: hệ thống kiểm tra toàn bộ tệp, liệt kê mọi lỗi theo trang, dòng, "
					+ "cột và không lưu gì nếu còn lỗi. Tệp hợp lệ trở thành bản nháp của kế hoạch; bản nháp chỉ Phòng "
					+ "thấy, xem trước được, và chỉ được dùng sau khi Phòng công bố.",
			"Không dùng công thức; không đổi tên trang hay tên cột. Các ô ghi đúng chữ như mô tả dưới đây "
					+ "(mã, từ khóa tiếng Anh viết thường).",
			"", "■ Trang “Kế hoạch”: mỗi dòng một mục, ghi giá trị ở cột “Giá trị”.",
			"Mã kế hoạch: chữ, số và . _ -, tối đa 40 ký tự, ví dụ KH-157-UBND-2022. Số văn bản (không bắt buộc): "
					+ "157/KH-UBND. Tên kế hoạch và tên tiếng Anh. Cơ quan ban hành: UBND quận Long Biên. Ngày ban hành "
					+ "(không bắt buộc): 2022-03-28. Năm học gốc: năm học làm mốc đo tiến độ, ví dụ 2020-2021. Năm học "
					+ "đích: năm học phải đạt chỉ tiêu, ví dụ 2024-2025 (“đến năm 2025”).",
			"", "■ Trang “Chỉ tiêu”: mỗi dòng một chỉ tiêu.",
			"Mã chỉ tiêu: không trùng trong kế hoạch, ví dụ MN-01. Cấp học: MN, TH, THCS hoặc ALL (toàn ngành). "
					+ "Mục: mục của kế hoạch, ví dụ I.2.1. Nguyên văn kế hoạch: chép đúng lời văn bản (dấu … cho phần "
					+ "lược bớt). Tên chỉ tiêu, Tên tiếng Anh: tên ngắn.",
			"Đơn vị: percent (%), schools (trường), wards (phường), children_per_class (trẻ/lớp), pupils_per_class "
					+ "(học sinh/lớp), classes (lớp), cases (trường hợp), indicators (chỉ tiêu), projects (dự án).",
			"Cách tính: xem phần “Cách tính” dưới đây. Chỉ tiêu phải đạt: xem phần “Chỉ tiêu phải đạt”. Mốc từng "
					+ "năm (không bắt buộc): giá trị cần đạt ở các năm giữa, ví dụ 2022-2023: 40, 2023-2024: 45.",
			"Bất cập của kế hoạch, Cách hiểu áp dụng (không bắt buộc, ghi cả tiếng Việt và tiếng Anh): khi văn bản có "
					+ "chỗ không khớp (số lượng không khớp tỷ lệ, cách hiểu mơ hồ), ghi bất cập và cách hiểu hệ thống "
					+ "dùng. Cách tính theo cách hiểu khác (không bắt buộc): một cách tính nữa, hiển thị bên cạnh, kèm "
					+ "mô tả nó tính gì.",
			"", "■ Cách tính (cột “Cách tính”), viết trong ngoặc nhọn { }:",
			"ratio — tỷ lệ %: tổng tử số ÷ tổng mẫu số × 100 trên các trường. Ví dụ: {kind: ratio, numerator: "
					+ "teachers_masters_plus, denominator: teachers}",
			"  Mẫu số có thể là số liệu của phường (dân số theo độ tuổi): {kind: ratio, numerator: "
					+ "children_age5_enrolled, denominator: population_age_5}",
			"average — bình quân: {kind: average, numerator: children_enrolled, denominator: classes} (trẻ/lớp)",
			"sum — tổng: {kind: sum, value: \"managers + teachers\"}",
			"share — tỷ lệ % số trường đạt một điều kiện: {kind: share, condition: has_library, ownership: public}; "
					+ "chỉ tính trong số trường đạt điều kiện khác: thêm among: \"national_standard_level >= 1\"",
			"count — đếm số trường (hoặc phường) đạt điều kiện: {kind: count, condition: is_e_school}; đếm phường: "
					+ "{kind: count, over: ward, condition: \"universal_primary_level >= 3\"}",
			"checklist — danh sách trường được nêu tên: {kind: checklist, condition: national_standard_reaccredited, "
					+ "items: [{school: MN-TUOIHOA, name: \"MN Tuổi Hoa\"}]}",
			"district — số liệu Phòng nhập: {kind: district, value: district.competition_indicators_excellent}",
			"Phạm vi (không bắt buộc): levels: [MN] hoặc [TH, THCS]; ownership: public (công lập) hoặc private (tư "
					+ "thục); new_only: true (chỉ trường xây mới sau năm học gốc).",
			"Điều kiện: mã số liệu, số (dấu chấm cho phần thập phân), + - * /, so sánh < <= > >= = !=, and, or, not. "
					+ "Ví dụ: \"national_standard_level >= 1\", \"land_area_m2 / children_enrolled >= 10\", "
					+ "\"is_high_quality and is_smart_school\". Số liệu có/không đứng một mình nghĩa là “có”. Điều "
					+ "kiện có dấu cách thì đặt trong ngoặc kép.",
			"", "■ Chỉ tiêu phải đạt (cột “Chỉ tiêu phải đạt”):",
			"{at_least: 65} — ít nhất 65; {above: 75} — trên 75; {exactly: 8}; {at_most: 35} — không quá 35; "
					+ "{below: 3} — dưới 3; {between: [30, 35]} — từ 30 đến 35; {above_benchmark: "
					+ "[city_grade10_pass_rate]} — cao hơn số liệu của thành phố; {checklist: all} — mọi trường nêu tên "
					+ "đều đạt.",
			"Thêm nếu cần: increment: true — mỗi năm tăng thêm (ví dụ {at_least: 1, increment: true}: “mỗi năm thêm "
					+ "ít nhất 01 trường”); year: 2023-2024 — năm học phải đạt, nếu khác năm học đích; text_vi: \"Từ 30 "
					+ "đến 35 trẻ/nhóm lớp\", text_en: \"…\" — lời văn của kế hoạch.",
			"Nhiều chỉ tiêu phải đạt cùng lúc: mỗi dòng trong ô một chỉ tiêu, bắt đầu bằng dấu “- ”, ví dụ "
					+ "- {at_least: 1, increment: true}. Khi đó không dùng cột “Mốc từng năm”.",
			"", "■ Trang “Số liệu”: các số liệu kế hoạch cần.",
			"Dòng ghi “Danh mục” ở cột “Khai báo” là số liệu đã có trong danh mục chung, chỉ để tham khảo; hệ thống "
					+ "không đọc các dòng này. Dòng ghi “Kế hoạch” (hoặc để trống) là số liệu mới do kế hoạch này khai "
					+ "báo; số liệu mới chỉ xuất hiện trên biểu mẫu của các trường khi kế hoạch được công bố.",
			"Mã số liệu: chữ thường, số và _, ví dụ has_chess_club. Đơn vị báo cáo: school (trường), ward "
					+ "(phường), district (Phòng). Cấp học (chỉ với school): MN, TH, THCS, cách nhau bằng dấu phẩy. "
					+ "Kiểu: count (số đếm), decimal (số thập phân), percent (0-100), yes_no (có/không), level (mức 0 "
					+ "đến “Lớn nhất”).",
			"Phần biểu mẫu: với trường pupils, results, facilities, it, recognition, staff, health, activities; "
					+ "với phường population, universal_education; với Phòng benchmarks, results, construction. Nhỏ "
					+ "nhất, Lớn nhất: giới hạn giá trị (không ghi với yes_no). Đơn vị tính, Gợi ý khi nhập: không bắt "
					+ "buộc.",
			"",
			"■ Trang “Ràng buộc” (không bắt buộc): điều kiện số liệu của mỗi đơn vị phải thỏa mãn, ví dụ mã "
					+ "grade9_graduated, điều kiện \"grade9_graduated <= grade9_pupils\"; thông báo khi sai ghi cả hai "
					+ "thứ tiếng hoặc để trống cả hai.",
			"", "Mô tả đầy đủ: docs/plan-format.md (phần Workbook).");

	private Guide() {
	}

}
