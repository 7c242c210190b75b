"""A stress pack: the seed event with data that pushes every page to its limits."""

from __future__ import annotations

from reportkit.models import Decision, Honoree
from reportkit.pack import Event

LONG_COLLECTIVE = (
    "Phòng Quản lý Thương mại, Xuất nhập khẩu và Hội nhập kinh tế quốc tế thuộc Sở Công Thương "
    "thành phố Hải Phòng và các đơn vị trực thuộc"
)
LONG_UNIT = (
    "Phòng Kế hoạch - Tài chính - Tổng hợp, Trung tâm Khuyến công và Tư vấn phát triển công nghiệp "
    "thành phố Hải Phòng"
)
LONG_ACHIEVEMENT = (
    "Đã có thành tích xuất sắc tiêu biểu trong phong trào thi đua yêu nước giai đoạn 2015 - 2020, "
    "góp phần quan trọng vào việc hoàn thành xuất sắc nhiệm vụ chính trị của ngành Công Thương "
    "thành phố, đẩy mạnh cải cách hành chính, chuyển đổi số và hội nhập kinh tế quốc tế"
)


def stress_honorees() -> list[Honoree]:
    """Certificates that cannot be laid out at the designed sizes."""
    return [
        Honoree.model_validate(
            {
                "collective": {"name": LONG_COLLECTIVE, "parent_unit": "Sở Công Thương"},
                "achievement": LONG_ACHIEVEMENT,
            }
        ),
        Honoree.model_validate(
            {
                "person": {
                    "full_name": "Tôn Nữ Thị Huyền Trang Minh Nguyệt",
                    "gender": "Nữ",
                    "position": "Phó Trưởng phòng",
                    "unit": LONG_UNIT,
                },
                "achievement": LONG_ACHIEVEMENT,
            }
        ),
        Honoree.model_validate(
            {"collective": {"name": LONG_COLLECTIVE + " " + LONG_COLLECTIVE}, "achievement": LONG_ACHIEVEMENT}
        ),
        Honoree.model_validate(
            {"person": {"full_name": "Lê An", "gender": "Nam"}, "achievement": "Đã có thành tích."}
        ),
    ]


def many(count: int, collectives: int = 0) -> list[Honoree]:
    """*count* honorees, the first *collectives* of them collectives, some with long units."""
    people = []
    for index in range(count):
        if index < collectives:
            people.append(Honoree.model_validate({"collective": {"name": f"Phòng số {index + 1}"}}))
        else:
            unit = LONG_UNIT if index % 7 == 3 else "Văn phòng Sở"
            people.append(
                Honoree.model_validate(
                    {
                        "person": {
                            "full_name": f"Nguyễn Văn An {index + 1}",
                            "gender": "Nam",
                            "position": "Chuyên viên",
                            "unit": unit,
                        }
                    }
                )
            )
    return people


def decision_with(event: Event, honorees: list[Honoree]) -> Decision:
    return event.decision.model_copy(
        update={"honorees": event.honorees.model_copy(update={"honorees": honorees})}
    )
