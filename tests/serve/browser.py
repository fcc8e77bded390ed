#!/usr/bin/env python3
"""A person at the web page, in headless Chromium (Debian's chromium and
chromium-driver through python3-selenium).

Usage: browser.py BASE_URL OUTDIR HOLDERS.csv

Opens the documents page, edits a venue's name in the region editor, saves,
sees the preview change, downloads the leaflet and finds the new name in it
with pdftotext, uploads a holder list and gets the cards back. Screenshots go
to OUTDIR/*.png. Prints one line per check: "ok: ..." or "FAIL: ...".
"""
import glob
import os
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

NEW_NAME = "Qoxo Areena"
failed = False


def report(ok, what):
    global failed
    print(("ok: " if ok else "FAIL: ") + what, flush=True)
    failed |= not ok


def browser(outdir):
    profile = tempfile.mkdtemp(prefix="chromium-", dir=outdir)
    downloads = os.path.join(outdir, "downloads")
    os.makedirs(downloads, exist_ok=True)
    opts = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--user-data-dir=" + profile, "--window-size=1280,1500"):
        opts.add_argument(flag)
    opts.binary_location = "/usr/bin/chromium"
    opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                           "download.prompt_for_download": False})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    d.set_page_load_timeout(60)
    return d, downloads


def wait_for_file(pattern, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        done = [f for f in glob.glob(pattern) if not f.endswith(".crdownload")]
        if done and os.path.getsize(done[0]) > 0:
            time.sleep(0.3)
            return done[0]
        time.sleep(0.2)
    return None


def pdf_text(path):
    return subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True,
                          text=True).stdout


def preview_pages_text(d, base):
    """The text of every page of the Finnish leaflet's preview, page by page."""
    texts = []
    d.get(base + "/preview?doc=leaflet&lang=fi&page=1")
    while True:
        texts.append(d.execute_script(
            "return document.getElementById('preview').textContent"))
        nxt = d.find_elements(By.CSS_SELECTOR, "nav.pages a[rel=next]")
        if not nxt or len(texts) > 20:
            return texts
        nxt[0].click()


def csp_problems(d):
    return [e["message"] for e in d.get_log("browser")
            if "Content Security Policy" in e["message"] or e["level"] == "SEVERE"]


def main():
    base, outdir, holders = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    d, downloads = browser(outdir)
    try:
        d.get(base + "/")
        report("Documents" in d.title or "Asiakirjat" in d.title or "Dokument" in d.title,
               "the documents page opens (title %r)" % d.title)
        report(len(d.find_elements(By.CSS_SELECTOR, "section.document")) == 5,
               "the documents page lists five documents")
        d.save_screenshot(os.path.join(outdir, "1-documents.png"))
        problems = csp_problems(d)
        report(not problems, "the documents page loads with no CSP or other error %s" % problems)

        before = preview_pages_text(d, base)
        report(not any(NEW_NAME in t for t in before), "the preview does not show the new name yet")

        d.get(base + "/region")
        field = d.find_element(By.NAME, "f|venue.kaupunginteatteri|name")
        field.clear()
        field.send_keys(NEW_NAME)
        d.save_screenshot(os.path.join(outdir, "2-region-editor.png"))
        d.find_element(By.CSS_SELECTOR, "button[value=save]").click()
        WebDriverWait(d, 30).until(lambda x: "saved=1" in x.current_url)
        report(d.find_elements(By.ID, "note") != [], "saving shows the note that it saved")
        report(d.find_element(By.NAME, "f|venue.kaupunginteatteri|name").get_attribute("value")
               == NEW_NAME, "the editor shows the saved name")
        report(not csp_problems(d), "the editor works with no CSP or other error")

        after = preview_pages_text(d, base)
        page = next((i + 1 for i, t in enumerate(after) if NEW_NAME.split()[0] in t), 0)
        report(page > 0, "the preview shows the new name at once (page %d)" % page)
        d.get(base + "/preview?doc=leaflet&lang=fi&page=%d" % max(page, 1))
        fonts_ok = d.execute_async_script(
            "var done = arguments[0]; document.fonts.ready.then(function () {"
            " done(document.fonts.check('12px kp-NotoSans-Regular') &&"
            " document.fonts.check('12px kp-NotoSans-Bold')); });")
        report(fonts_ok, "the preview is set in the documents' own fonts (Noto Sans)")
        d.save_screenshot(os.path.join(outdir, "3-preview.png"))
        report(not csp_problems(d), "the preview works with no CSP or other error")

        d.find_element(By.ID, "download").click()
        pdf = wait_for_file(os.path.join(downloads, "leaflet-fi.pdf"))
        report(pdf is not None, "the leaflet downloads")
        text = pdf_text(pdf) if pdf else ""
        report(NEW_NAME in text, "pdftotext finds the new name in the downloaded leaflet")

        d.get(base + "/cards")
        d.find_element(By.ID, "holders").send_keys(holders)
        d.save_screenshot(os.path.join(outdir, "4-cards.png"))
        d.find_element(By.CSS_SELECTOR, "form.cards button[type=submit]").click()
        cards = wait_for_file(os.path.join(downloads, "card-inserts-*.pdf"))
        report(cards is not None, "uploading the holder list gives the cards back")
        text = pdf_text(cards) if cards else ""
        report("Aino Virtanen" in text and "Jöns-Erik Sjöholm" in text,
               "pdftotext finds the holders' names on the cards")
        report(not csp_problems(d), "the card page works with no CSP or other error")
    finally:
        d.quit()
    sys.exit(1 if failed else 0)


main()
