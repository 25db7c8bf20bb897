"""HTML templates to PDF with WeasyPrint.

Only ``data:`` URIs are fetched while rendering: charts and the QR code are embedded in the page,
the stylesheet is read from this app's folder, and anything else (a web address, a local file) is
refused, so patient-typed text can never make the server fetch or read something.

Every PDF is tagged (WeasyPrint's PDF/UA-1 variant): headings, tables, lists and figures with their
alternative texts are in its structure tree, in the language of the page's ``<html lang>``, so a screen
reader can follow a document instead of meeting one untagged picture of text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import weasyprint
from django.http import HttpResponse
from django.template.loader import render_to_string

STYLES = Path(__file__).resolve().parent / "static" / "documents"
PDF_VARIANT = "pdf/ua-1"


def url_fetcher() -> weasyprint.URLFetcher:
    return weasyprint.URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


@cache
def _stylesheet(name: str) -> weasyprint.CSS:
    return weasyprint.CSS(string=(STYLES / name).read_text(encoding="utf-8"), url_fetcher=url_fetcher())


def render_pdf(template: str, context: dict, stylesheet: str, request=None) -> bytes:
    html = render_to_string(template, context, request=request)
    document = weasyprint.HTML(string=html, url_fetcher=url_fetcher(), base_url=None)
    return document.write_pdf(stylesheets=[_stylesheet(stylesheet)], pdf_variant=PDF_VARIANT)


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
