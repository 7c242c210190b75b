"""``reportkit init``: a starting point for an office's own event.

Writes ``su_kien.yaml`` — every field commented in Vietnamese and English, a new agency's values
to replace — and ``danh_sach.xlsx`` with the headings the spreadsheet reader expects and two
sample rows. ``reportkit pack su_kien.yaml`` turns the pair into the whole pack.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["EVENT_FILE", "LIST_FILE", "write_starter"]

EVENT_FILE = "su_kien.yaml"
LIST_FILE = "danh_sach.xlsx"

EVENT_TEXT = """\
# Sự kiện thi đua - khen thưởng: sửa các giá trị dưới đây rồi chạy
#   reportkit pack su_kien.yaml -o out
# The event file: edit the values, then run the command above. 'reportkit schema event' prints
# the full reference of every field.

agency:                                 # Cơ quan ban hành
  name: Sở Giáo dục và Đào tạo          # tên cơ quan
  parent: UBND tỉnh Lâm Đồng            # cơ quan chủ quản (dòng trên)
  abbreviation: SGDĐT                   # chữ viết tắt trong số ký hiệu: 05/QĐ-SGDĐT
  place: Lâm Đồng                       # địa danh: "Lâm Đồng, ngày … tháng … năm …"

signer:                                 # Người ký
  prefix: KT.                           # KT. (ký thay), TM. (thay mặt), TL. (thừa lệnh), Q., TUQ. — hoặc bỏ dòng này
  authority: Giám đốc                   # thẩm quyền: "KT. GIÁM ĐỐC"
  position: Phó Giám đốc                # chức vụ người ký (khi ký thay)
  full_name: Nguyễn Thị Lan

award:                                  # Hình thức khen thưởng
  kind: Giấy khen
  authority: Giám đốc Sở Giáo dục và Đào tạo
  # Tiền thưởng theo văn bản có hiệu lực vào ngày ký quyết định: lương cơ sở khi đó × hệ số
  # (Nghị định 98/2023: Giấy khen 0,3 cho cá nhân, gấp đôi cho tập thể, làm tròn lên 10.000 đồng).
  # The money follows the decision's date (reportkit/legal/regimes.yaml). To override, give
  # base_salary: 2.340.000 and individual_factor: "0.3", or fixed amounts:
  # amount_individual: 700.000 and amount_collective: 1.400.000

honorees_file: danh_sach.xlsx           # bảng danh sách, cạnh tệp này
list_title: Tập thể, cá nhân được tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo

decision:                               # Quyết định khen thưởng
  number: 5
  date: 2024-05-20                      # also 20/05/2024
  summary: Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc năm học 2023 - 2024
  authority: Giám đốc Sở Giáo dục và Đào tạo
  # Căn cứ Luật Thi đua, khen thưởng và Nghị định đang có hiệu lực được thêm tự động
  # (the law and decree in force are cited first); add the agency's own bases here:
  legal_bases:
    - Căn cứ Quyết định của Ủy ban nhân dân tỉnh Lâm Đồng quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Giáo dục và Đào tạo
  proposal: Chánh Văn phòng Sở
  executors: Chánh Văn phòng Sở, Trưởng các phòng thuộc Sở
  recipients:
    - Như Điều 3
    - Giám đốc, các Phó Giám đốc Sở
  archive: [VT, VP]

conference:                             # Hội nghị (bỏ cả mục nếu không có)
  title: Hội nghị tổng kết năm học 2023 - 2024
  starts_at: 25/05/2024 08:00            # ngày giờ bắt đầu (or 2024-05-25T08:00)
  ends_at: 25/05/2024 11:30
  venue: Hội trường Sở Giáo dục và Đào tạo
  chair:
    full_name: Nguyễn Thị Lan
    gender: Nữ
    position: Phó Giám đốc Sở Giáo dục và Đào tạo
  guests:
    - full_name: Trần Văn Bình
      gender: Nam
      position: Phó Chủ tịch UBND tỉnh
  content:
    - Báo cáo tổng kết năm học 2023 - 2024 và phương hướng năm học 2024 - 2025.
    - Trao Giấy khen của Giám đốc Sở cho các tập thể, cá nhân có thành tích xuất sắc.

report:                                 # Báo cáo kết quả hội nghị
  number: 7
  date: 27/05/2024
  summary: Kết quả Hội nghị tổng kết năm học 2023 - 2024
  recipients: [UBND tỉnh (để b/c)]
  archive: [VT, VP]

invitation:                             # Giấy mời (một giấy cho mỗi khách mời)
  number: 9
  date: 2024-05-20
  summary: Dự Hội nghị tổng kết năm học 2023 - 2024
  recipients: [Như trên]
  archive: [VT, VP]

letter:                                 # Thư khen (một thư cho mỗi người được khen)
  date: 2024-05-25
  recipients: [Như trên]
  archive: [VT, VP]

# -- Các bước khác của quy trình (bỏ mục nào không cần) / the other steps (delete any) --------

council:                                # Biên bản họp Hội đồng Thi đua - Khen thưởng
  number: 2
  issuer: HĐTĐKT                        # số ký hiệu: 02/BB-HĐTĐKT
  starts_at: 15/05/2024 14:00
  ends_at: 15/05/2024 16:00
  venue: Phòng họp Sở Giáo dục và Đào tạo
  members:                              # mọi thành viên; vắng mặt: present: false
    - {full_name: Nguyễn Thị Lan, position: Phó Giám đốc Sở, role: Chủ tịch Hội đồng}
    - {full_name: Hồ Văn Nam, position: Chánh Văn phòng Sở, role: Phó Chủ tịch Hội đồng}
    - {full_name: Lý Thị Hoa, position: Chuyên viên Văn phòng Sở, role: "Ủy viên, Thư ký"}
  chair: Nguyễn Thị Lan
  secretary: Lý Thị Hoa
  proposals:                            # biểu quyết; tỷ lệ tính trên tổng số thành viên
    - {scope: all, votes_for: 3}        # all / collectives / individuals of the list
  summary: Họp Hội đồng Thi đua - Khen thưởng Sở xét khen thưởng năm học 2023 - 2024
  signer: {authority: Chủ tịch Hội đồng, full_name: Nguyễn Thị Lan}

submission:                             # Tờ trình đề nghị khen thưởng
  number: 3
  date: 16/05/2024
  issuer: VP                            # 03/TTr-VP
  submitter: Văn phòng Sở
  summary: Về việc đề nghị tặng Giấy khen năm học 2023 - 2024
  signer: {authority: Chánh Văn phòng, full_name: Hồ Văn Nam}
  recipients: [Như trên]
  archive: [VT, VP]

official_letter:                        # Công văn gửi danh sách lên cấp trên
  number: 120
  date: 30/05/2024
  issuer: SGDĐT-VP                      # 120/SGDĐT-VP
  summary: báo cáo kết quả khen thưởng năm học 2023 - 2024   # dòng "V/v …"
  addressees: [Ban Thi đua - Khen thưởng tỉnh Lâm Đồng]
  recipients: [Như trên]
  archive: [VT, VP]
"""

HEADINGS = [
    "STT",
    "Loại",
    "Họ và tên / Tên tập thể",
    "Giới tính",
    "Chức vụ",
    "Đơn vị",
    "Thành tích",
    "Số tiền",
]
SAMPLE_ROWS = [
    [1, "Tập thể", "Phòng Giáo dục Trung học", None, None, "Sở Giáo dục và Đào tạo",
     "Đã có thành tích xuất sắc trong năm học 2023 - 2024", None],
    [2, "Cá nhân", "Lê Văn Minh", "Nam", "Chuyên viên", "Văn phòng Sở",
     "Đã có thành tích xuất sắc trong năm học 2023 - 2024", None],
]  # fmt: skip


def write_starter(folder: str | os.PathLike[str], *, overwrite: bool = False) -> list[Path]:
    """Write ``su_kien.yaml`` and ``danh_sach.xlsx`` into *folder* (created); refuse to replace
    existing files unless *overwrite*. Returns the two paths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    target = Path(folder)
    paths = [target / EVENT_FILE, target / LIST_FILE]
    existing = [p for p in paths if p.exists()]
    if existing and not overwrite:
        raise FileExistsError(f"{existing[0]} exists: add --overwrite to replace it")
    target.mkdir(parents=True, exist_ok=True)
    paths[0].write_text(EVENT_TEXT, encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(HEADINGS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in SAMPLE_ROWS:
        sheet.append(row)
    for column, width in zip("ABCDEFGH", (6, 10, 34, 10, 16, 26, 50, 14), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(paths[1])
    return paths
