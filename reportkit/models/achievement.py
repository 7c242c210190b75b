"""What an achievement report (Báo cáo thành tích đề nghị khen thưởng) says of one honoree.

Nghị định 98/2023 (Phụ lục) gives the forms: for an individual, a short curriculum vitae, the
duties held and the achievements, then the emulation titles and awards already received, signed
by the person and confirmed by the head of their unit; for a collective, its situation and
functions, its achievements and how they were reached, then the titles and awards, signed by its
head and confirmed by the head of the unit above.
"""

from __future__ import annotations

from pydantic import Field

from reportkit.models.base import Date, Name, ReportkitModel, Text

__all__ = ["AchievementReport", "PastHonour"]


class PastHonour(ReportkitModel):
    """A title or award already received: the year, what it was, and the decision granting it."""

    year: Text = Field(description="The year (or years), e.g. '2019' or '2018 - 2019'.")
    name: Text = Field(description="The title or award, e.g. 'Chiến sĩ thi đua cơ sở'.")
    decision: Text = Field(
        description="Number and date of the decision, and who issued it, e.g. 'Quyết định số 25/QĐ-SCT "
        "ngày 15/01/2020 của Giám đốc Sở Công Thương'."
    )


class AchievementReport(ReportkitModel):
    """One honoree's achievement report. ``honoree`` names a person or a collective of the
    honoree list, exactly as the list writes it; the rest is what the form asks."""

    honoree: Text = Field(description="The honoree's name as in the honoree list.")
    date: Date = Field(description="Date of the report.")
    award: Text | None = Field(
        default=None,
        description="The award proposed (default: the event's, e.g. 'Giấy khen của Giám đốc Sở …').",
    )
    birth_date: Date | None = Field(default=None, description="Date of birth (an individual).")
    hometown: Text | None = Field(default=None, description="Quê quán (an individual).")
    residence: Text | None = Field(default=None, description="Trú quán (an individual).")
    positions: Text | None = Field(
        default=None, description="Chức vụ (Đảng, chính quyền, đoàn thể) of an individual."
    )
    qualifications: Text | None = Field(
        default=None, description="Trình độ chuyên môn, nghiệp vụ of an individual."
    )
    degrees: Text | None = Field(default=None, description="Học hàm, học vị, danh hiệu, giải thưởng.")
    situation: list[Text] = Field(
        default=[],
        description="A collective's situation: seat, founding, organisation, staff (one per entry).",
    )
    functions: list[Text] = Field(default=[], description="A collective's functions and duties.")
    duties: list[Text] = Field(
        default=[], description="An individual's powers and duties (quyền hạn, nhiệm vụ)."
    )
    achievements: list[Text] = Field(min_length=1, description="The achievements, one paragraph per entry.")
    measures: list[Text] = Field(
        default=[], description="How they were reached: measures, movements, initiatives (a collective)."
    )
    policies: list[Text] = Field(
        default=[], description="How the Party's and the State's policies were carried out (a collective)."
    )
    emulation_titles: list[PastHonour] = Field(default=[], description="Danh hiệu thi đua already received.")
    awards: list[PastHonour] = Field(default=[], description="Hình thức khen thưởng already received.")
    confirmer: Name | None = Field(
        default=None,
        description="The head who confirms: of the person's unit, or of the unit above a collective.",
    )
    reporter: Name | None = Field(
        default=None, description="Who signs a collective's report (its head); an individual signs their own."
    )
