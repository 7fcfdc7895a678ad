package vn.parsipas.task.plan.workbook;

import java.util.List;

/** The sheet «Hướng dẫn»: how to fill the template, for the office that writes the plan. */
final class Guide {
    static final List<String> LINES = List.of(
            "Mẫu kế hoạch cải thiện PAR Index và SIPAS (định dạng parsipas.vn/plan/v1)",
            "Mỗi trang là một phần của kế hoạch. Dòng 1 là tên cột, dòng 2 là hướng dẫn; ghi từ dòng 3, mỗi dòng một mục.",
            "Kế hoạch: thông tin chung, mỗi trường một dòng; Mục đích và Yêu cầu: mỗi ý một dòng, lặp lại tên trường ở cột A.",
            "Cơ quan: danh mục mọi cơ quan và nhóm cơ quan kế hoạch giao việc, mỗi cơ quan một mã (chữ HOA không dấu, ví dụ SO-NOI-VU). "
                    + "Cơ quan cấp trên nhận cảnh báo vượt cấp. Các ô «cơ quan» ở các trang khác chỉ nhận mã có trong trang này.",
            "Mục: các mục đánh số của phần Nhiệm vụ, giải pháp. Tiêu chí: mỗi tiêu chí, tiêu chí thành phần, chỉ số SIPAS một dòng.",
            "Mục tiêu: mỗi mục tiêu một dòng, ghi mã tiêu chí ở cột A (để trống với mục tiêu chung của kế hoạch). "
                    + "Chỉ tiêu định lượng phải có mã, tên chỉ số và đơn vị. Giao mục tiêu cho một cơ quan có thể hành động, "
                    + "không giao cho một nhóm cơ quan. Kết quả công bố năm sau (PAR Index, SIPAS, điều tra xã hội học): "
                    + "ghi Ngày dự kiến có kết quả.",
            "Nhiệm vụ: mỗi gạch đầu dòng một nhiệm vụ, theo thứ tự của văn bản (mã <tiêu chí>-t1, -t2, ...). "
                    + "Để trống Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn để dùng của tiêu chí; ghi «(không có)» khi không có cơ quan phối hợp.",
            "Nhiệm vụ định kỳ (hằng tháng, hằng quý, «định kỳ»): chọn Chu kỳ và ghi cách văn bản nói; mỗi kỳ là một nhiệm vụ có thời hạn riêng. "
                    + "Báo cáo CCHC định kỳ (văn bản 581/BNV-CCHC): hằng quý, hạn ngày 20 của tháng cuối kỳ.",
            "Ngày ghi theo dạng dd/mm/yyyy. Số thập phân dùng dấu phẩy hoặc dấu chấm. Mã tiêu chí (ví dụ 1.10) là chữ, không phải số.",
            "Tải tệp lên (POST /api/v1/plans) để nhập; thêm ?dryRun=true để xem trước thay đổi mà không nhập. "
                    + "Nếu có lỗi, không có gì được nhập và mỗi lỗi ghi rõ trang, dòng, cột.");

    private Guide() {
    }
}
