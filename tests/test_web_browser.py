"""The page for office staff driven in headless Chromium (Debian's chromium and chromium-driver,
through selenium), as a văn thư would: the empty form, a broken spreadsheet and the problems it
shows, then a good one, the pack made with its previews, the zip downloaded. A screenshot of the
finished page is kept (``REPORTKIT_SCREENSHOTS`` names the folder; default: the test's own).

Without chromium or chromedriver the test is skipped with the reason; with
``REPORTKIT_REQUIRE_BROWSER=1`` (set by ``.ci/run``) that is a failure instead.
"""

from __future__ import annotations

import io
import os
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from reportkit.starter import sample_sheet
from tests.web_server import Server, running_server

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def _require_browser() -> None:
    missing = [name for name, path in (("chromium", BROWSER), ("chromedriver", DRIVER)) if path is None]
    if not missing:
        return
    reason = (
        f"needs {', '.join(missing)} (apt-get install -y --no-install-recommends chromium chromium-driver)"
    )
    if os.environ.get("REPORTKIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"REPORTKIT_REQUIRE_BROWSER=1 but this test {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(BROWSER)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1100,1400",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(tmp_path / "downloads"), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path / "downloads")}
    )
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with running_server(tmp_path) as running:
        yield running


def _sheet(tmp_path: Path, name: str, broken: bool) -> Path:
    book = openpyxl.load_workbook(io.BytesIO(sample_sheet("truong")))
    if broken:
        book.active.append([3, "", "Nữ", "10A3", "Đạt giải Nhì"])
    path = tmp_path / name
    book.save(path)
    return path


def _wait_for(driver: Any, css: str, text: str, seconds: float = 90) -> Any:
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = driver.find_elements(By.CSS_SELECTOR, css)
        if found and text in found[0].text:
            return found[0]
        time.sleep(0.3)
    raise AssertionError(
        f"no {css} with {text!r}; the page says: {driver.find_element(By.TAG_NAME, 'main').text}"
    )


@pytest.mark.pdf
def test_from_the_empty_form_to_the_downloaded_zip(browser: Any, server: Server, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server.url + "/")
    assert browser.find_element(By.ID, "agency_name").get_attribute("value") == "Sở Giáo dục và Đào tạo"
    Select(browser.find_element(By.ID, "loai")).select_by_value("truong")  # the page reloads for a school
    _wait_for(browser, "#agency_name", "")
    deadline = time.monotonic() + 20
    while browser.find_element(By.ID, "agency_name").get_attribute("value") != "Trường THPT Chu Văn An":
        assert time.monotonic() < deadline, "the school's starter did not fill the form"
        time.sleep(0.2)
    header = browser.find_element(By.ID, "agency_header").get_attribute("value")
    assert header.splitlines() == ["UBND tỉnh Hải Dương", "Sở Giáo dục và Đào tạo", "Trường THPT Chu Văn An"]

    # a broken sheet: the problem with its row and heading, nothing made
    browser.find_element(By.ID, "danh_sach").send_keys(str(_sheet(tmp_path, "hong.xlsx", broken=True)))
    browser.find_element(By.ID, "kiem-tra").click()
    _wait_for(browser, "#ket-qua", "lỗi cần sửa")
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#van-de tr.error td")]
    assert cells[:4] == ["Lỗi", "hong.xlsx", "4", "Họ và tên"], cells
    assert not browser.find_elements(By.ID, "tao")
    shots = Path(os.environ.get("REPORTKIT_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(shots / "web_page_problems.png"))

    # corrected: the signer's name changed on the form, the pack made and downloaded
    browser.back()
    name = browser.find_element(By.ID, "signer_full_name")
    name.clear()
    name.send_keys("Phạm Thị Thu")
    browser.find_element(By.ID, "danh_sach").clear()
    browser.find_element(By.ID, "danh_sach").send_keys(str(_sheet(tmp_path, "danh_sach.xlsx", broken=False)))
    browser.find_element(By.ID, "kiem-tra").click()
    _wait_for(browser, "#ket-qua", "Không có lỗi: 2")
    browser.find_element(By.ID, "tao").click()
    _wait_for(browser, "#trang-thai", "Đã tạo xong", seconds=180)
    images = browser.find_elements(By.CSS_SELECTOR, ".previews img")
    assert len(images) >= 3
    assert all(browser.execute_script("return arguments[0].naturalWidth", img) > 100 for img in images)
    names = [img.get_attribute("alt") for img in images]
    assert names[0].startswith("quyet_dinh_"), names  # the decision first, as it is issued
    browser.save_screenshot(str(shots / "web_page_pack.png"))
    browser.find_element(By.ID, "tai-ve").click()
    target = tmp_path / "downloads" / "bo_van_ban.zip"
    deadline = time.monotonic() + 30
    while not target.exists():
        assert time.monotonic() < deadline, "the zip was not downloaded"
        time.sleep(0.2)
    with zipfile.ZipFile(target) as pack:
        names = pack.namelist()
        assert any(n.startswith("pdf/quyet_dinh_") for n in names)
        decision = next(n for n in names if n.startswith("quyet_dinh_") and n.endswith(".docx"))
        from tests.docx_helpers import document_text

        text = "\n".join(document_text(pack.read(decision))["body"])
    assert "Phạm Thị Thu" in text and "TRƯỜNG THPT CHU VĂN AN" in text
