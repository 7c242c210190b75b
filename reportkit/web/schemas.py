"""The service's answers, as pydantic models (the OpenAPI schema is generated from them and
from :class:`~reportkit.models.event.EventConfig`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = ["CheckOut", "ErrorOut", "FindingOut", "HealthOut", "OfficeOut", "ProblemOut", "ReviewOut"]


class ProblemOut(BaseModel):
    severity: Literal["error", "warning", "note"]
    message: str
    file: str | None = Field(None, description="The uploaded file the problem is in.")
    row: int | None = Field(None, description="The spreadsheet row, as the spreadsheet program numbers it.")
    column: str | None = Field(None, description="The spreadsheet heading, or the event file's field.")


class ReviewOut(BaseModel):
    ok: bool = Field(description="Nothing stops the pack (no problem of severity 'error').")
    honorees: int = Field(description="Honorees read.")
    problems: list[ProblemOut]


class ErrorDetail(BaseModel):
    message: str
    problems: list[ProblemOut] = []


class ErrorOut(BaseModel):
    error: ErrorDetail


class FindingOut(BaseModel):
    rule: str
    severity: str
    where: str
    snippet: str
    expected: str
    found: str
    en: str = Field(description="The rule in English.")
    vi: str = Field(description="The rule in Vietnamese.")


class CheckOut(BaseModel):
    ok: bool = Field(description="No finding of severity 'error'.")
    findings: list[FindingOut]


class OfficeOut(BaseModel):
    kind: str = Field(description="The office kind ('so', 'xa', 'huyen', 'truong', 'cong_ty', 'cong_doan').")
    description: str


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
