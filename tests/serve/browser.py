#!/usr/bin/env python3
"""A person at the web page, in headless Chromium (Debian's chromium and
chromium-driver through python3-selenium).

Usage: browser.py BASE_URL OUTDIR HOLDERS.csv

Opens the documents page, edits a venue's name in the region editor, saves,
sees the preview change, downloads the leaflet and finds the new name in it
with pdftotext, downloads the leaflet for a print shop (checked with
tests/press/check_press.py), uploads a holder list and gets the cards back,
for an office printer and for a print shop, and sees a list with a card
already expired refused by row number. Then the pages again in Swedish and
English. Screenshots (whole pages) go to OUTDIR/*.png. Prints one line per
check: "ok: ..." or "FAIL: ...".
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


def shot(d, path):
    """A screenshot of the whole page, however long."""
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(1280, min(max(height, 600), 8000))
    d.save_screenshot(path)
    d.set_window_size(1280, 1500)


def press_ok(path, trim, *more):
    """The print-shop checks of the test suite (85-press) on PATH."""
    run = subprocess.run(["/usr/bin/python3", "tests/press/check_press.py", path, "--trim", trim]
                         + list(more), capture_output=True, text=True)
    return run.returncode == 0, (run.stdout + run.stderr).strip()[:200]


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
        shot(d, os.path.join(outdir, "1-documents-fi.png"))
        problems = csp_problems(d)
        report(not problems, "the documents page loads with no CSP or other error %s" % problems)

        before = preview_pages_text(d, base)
        report(not any(NEW_NAME in t for t in before), "the preview does not show the new name yet")

        d.get(base + "/region")
        field = d.find_element(By.NAME, "f|venue.kaupunginteatteri|name")
        field.clear()
        field.send_keys(NEW_NAME)
        d.save_screenshot(os.path.join(outdir, "2-region-editor-fi.png"))
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
        shot(d, os.path.join(outdir, "3-preview-fi.png"))
        report(not csp_problems(d), "the preview works with no CSP or other error")

        d.find_element(By.ID, "download").click()
        pdf = wait_for_file(os.path.join(downloads, "leaflet-fi.pdf"))
        report(pdf is not None, "the leaflet downloads")
        text = pdf_text(pdf) if pdf else ""
        report(NEW_NAME in text, "pdftotext finds the new name in the downloaded leaflet")

        d.get(base + "/")
        d.find_element(By.CSS_SELECTOR, "a[href='/pdf?doc=leaflet&lang=fi&press=yes']").click()
        pdf = wait_for_file(os.path.join(downloads, "leaflet-press-fi.pdf"))
        report(pdf is not None, "the leaflet for a print shop downloads as leaflet-press-fi.pdf")
        ok, why = press_ok(pdf, "595.28x841.89") if pdf else (False, "")
        report(ok, "the print-shop leaflet has its TrimBox, BleedBox, CMYK and PDF/X keys %s" % why)

        d.get(base + "/cards")
        d.find_element(By.ID, "holders").send_keys(holders)
        shot(d, os.path.join(outdir, "4-cards-fi.png"))
        d.find_element(By.CSS_SELECTOR, "form.cards button[type=submit]").click()
        cards = wait_for_file(os.path.join(downloads, "card-inserts-fi.pdf"))
        report(cards is not None, "uploading the holder list gives the cards back")
        text = pdf_text(cards) if cards else ""
        report("Aino Virtanen" in text and "Jöns-Erik Sjöholm" in text,
               "pdftotext finds the holders' names on the cards")
        report(not csp_problems(d), "the card page works with no CSP or other error")

        d.get(base + "/cards")
        d.find_element(By.ID, "holders").send_keys(holders)
        d.find_element(By.ID, "press").click()
        d.find_element(By.CSS_SELECTOR, "form.cards button[type=submit]").click()
        cards = wait_for_file(os.path.join(downloads, "card-inserts-press-fi.pdf"))
        report(cards is not None, "the cards for a print shop come back as card-inserts-press-fi.pdf")
        ok, why = press_ok(cards, "498.90x674.65", "--cells", "2x4") if cards else (False, "")
        report(ok, "the print-shop cards have their TrimBox, BleedBox, CMYK and PDF/X keys %s" % why)

        # a list with a card already expired on the day of printing (the
        # suite's day, 2027-03-01) and one issued after it: refused by row
        expired = os.path.abspath(os.path.join(outdir, "expired.csv"))
        with open(expired, "w", encoding="utf-8") as f:
            f.write("name,issued,children\nZyxwa Qoppel,2025-12-01,1\n"
                    "Zyxwa Mekanen,2027-03-01,0\nZyxwa Loppu,2027-04-01,0\n")
        for lang in ("fi", "sv", "en"):
            d.get(base + "/ui/" + lang)
            report(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang,
                   "the page language switches to %s" % lang)
            if lang != "fi":
                shot(d, os.path.join(outdir, "1-documents-%s.png" % lang))
                d.get(base + "/region")
                d.save_screenshot(os.path.join(outdir, "2-region-editor-%s.png" % lang))
                d.get(base + "/preview?doc=leaflet&lang=%s&page=1" % lang)
                shot(d, os.path.join(outdir, "3-preview-%s.png" % lang))
            d.get(base + "/cards")
            d.find_element(By.ID, "holders").send_keys(expired)
            d.find_element(By.CSS_SELECTOR, "form.cards button[type=submit]").click()
            WebDriverWait(d, 30).until(lambda x: x.find_elements(By.ID, "problems"))
            problems = d.find_element(By.ID, "problems").text
            row, expired_word, later = {"fi": ("Rivi", "vanhentunut", "myöntämispäivä 1.4.2027"),
                                        "sv": ("Rad", "gått ut", "utfärdat 1.4.2027"),
                                        "en": ("Row", "expired", "issued 1 April 2027")}[lang]
            report(("%s 2: " % row) in problems and expired_word in problems
                   and ("%s 4: %s" % (row, later)) in problems
                   and ("%s 3:" % row) not in problems and "error:" not in problems
                   and "Zyxwa" not in problems,
                   "a list with an expired card is refused by row number, in %s, no name" % lang)
            shot(d, os.path.join(outdir, "5-cards-problems-%s.png" % lang))
            # the refused list's answer is a 422, which the browser logs as an error
            problems = [m for m in csp_problems(d) if "status of 422" not in m]
            report(not problems, "the pages in %s work with no CSP or other error %s"
                   % (lang, problems))
    finally:
        d.quit()
    sys.exit(1 if failed else 0)


main()
