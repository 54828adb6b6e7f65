"""Refreshes a README screenshot: signs in to a running dxhub (make demo) and captures a page.

Usage: .venv/bin/python scripts/screenshot.py [BASE_URL] [OUT.png] [PAGE_PATH] [EMAIL]
(defaults: http://127.0.0.1:8000, docs/screenshot-dashboard.png, the dashboard, ministry@dxhub.kr)
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    out = sys.argv[2] if len(sys.argv) > 2 else "docs/screenshot-dashboard.png"
    target = sys.argv[3] if len(sys.argv) > 3 else "/"
    email = sys.argv[4] if len(sys.argv) > 4 else "ministry@dxhub.kr"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(locale="ko-KR", viewport={"width": 1280, "height": 860})
        page.goto(f"{base}/accounts/login/")
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", "dxhub-demo-2026")
        page.click("#sign-in")
        page.wait_for_url(f"{base}/")
        if target != "/":
            page.goto(f"{base}{target}")
        page.screenshot(path=out, full_page=False)
        browser.close()
    print(out)


if __name__ == "__main__":
    main()
