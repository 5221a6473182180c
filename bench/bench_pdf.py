"""Benchmark the PDF renderer against bare WeasyPrint renders of the same HTML.

Run alone: .venv/bin/python -m bench.bench_pdf   (prints its table; no assertions on time)

The floor is ``weasyprint.HTML(string=same_html).write_pdf()`` where ``same_html`` is the
service's own HTML with its stylesheets inlined, measured in the same run. Medians of
``RUNS`` timed runs after ``WARMUP`` untimed ones.
"""

from datetime import date

from bench import report
from bench.timing import at_most, median_seconds, row

RUNS = 15
WARMUP = 3
TARGET = 1.2
BATCH_SIZE = 12

BODY = """Dear {name},

Thank you for taking the time to meet with me on Tuesday about the Product Designer role. \
I enjoyed our conversation about how your field teams use the scheduling app offline, and \
your story about redesigning the route planner on a rainy afternoon.

It made me even more excited about helping your team make its tools calm and dependable.

Thanks again for a thoughtful conversation.

Warm regards,
Sam Lee"""
NAMES = ("Dana", "Ana", "Bo", "Cy", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou")


def _median_ms(action) -> float:
    return median_seconds(action, runs=RUNS, warmup=WARMUP) * 1000


def _service_html(note, size: str) -> str:
    from services import pdf

    return pdf._templates.get_template("pdf/card.html").render(
        body=pdf._paragraphs(note.body), size=size, fit=0, lang="en",
        title="Thank-you card", author="Sam Lee", description="",
    )  # fmt: skip


def _bare_html(note, size: str) -> str:
    """The service's HTML for this card, stylesheets inlined, as a plain WeasyPrint user has."""
    from services import pdf

    html = _service_html(note, size)
    css = "\n".join((pdf.STATIC_PDF / f"{name}.css").read_text() for name in ("fonts", "card"))
    return html.replace("</head>", f"<style>{css}</style></head>")


def _row(name: str, value: float, floor: float) -> dict:
    return row(name, value, floor, "ms", target=TARGET)


def run() -> list[dict]:
    """Card renders (ms) against bare WeasyPrint renders of the same HTML."""
    from weasyprint import HTML

    from services import pdf

    sender = pdf.Sender("Sam Lee", "sam@example.com", postal_address="12 Elm Street")
    notes = [
        pdf.Note(f"{name} Rivera", "Designer", "Acme", "", "Thank you", BODY.format(name=name))
        for name in NAMES[:BATCH_SIZE]
    ]
    base_url = str(pdf.STATIC_PDF) + "/"
    bare_pages = [_bare_html(note, "a6") for note in notes]

    def bare_batch() -> list[bytes]:
        return [HTML(string=page, base_url=base_url).write_pdf() for page in bare_pages]

    rows = []
    for size in pdf.CARD_SIZES:
        bare = _bare_html(notes[0], size)
        floor = _median_ms(lambda bare=bare: HTML(string=bare, base_url=base_url).write_pdf())
        value = _median_ms(lambda size=size: pdf.render_card_pdf(notes[0], sender, size))
        rows.append(_row(f"card {size}", value, floor))
    # The service's own overhead: the same render with WeasyPrint already warm (shared font
    # configuration and parsed stylesheets), so only templating and checks differ.
    warm_html = _service_html(notes[0], "a6")
    floor = _median_ms(
        lambda: HTML(string=warm_html, url_fetcher=pdf.ASSET_FETCHER).write_pdf(
            font_config=pdf._font_config(), stylesheets=pdf._stylesheets("card")
        )
    )
    value = _median_ms(lambda: pdf.render_card_pdf(notes[0], sender, "a6"))
    rows.append(_row("card a6 vs warm WeasyPrint", value, floor))

    floor = _median_ms(bare_batch)
    value = _median_ms(
        lambda: pdf.render_batch_pdf(notes, sender, "a6", title="Acme", today=date(2025, 3, 4))
    )
    rows.append(_row(f"batch of {BATCH_SIZE} a6 cards", value, floor))
    rows.append(_worst_allowed_batch(sender))
    return rows


def _worst_allowed_batch(sender) -> dict:
    """The slowest batch one request may ask for: the most of each costly kind of note that
    fits the layout budget (pdf.MAX_LAYOUT_COST), each timed once; against one ordinary letter."""
    import time

    from services import pdf

    today = date(2025, 3, 4)
    kinds = {
        "unbroken 6,000-character letters": "x" * (pdf.MAX_BODY_CHARS - 10),
        "6,000-character letters of words": ("word " * (pdf.MAX_BODY_CHARS // 5 - 2)).strip(),
        "200-line letters": "a\n" * (pdf.MAX_BODY_LINES - 1),
    }
    ordinary = pdf.Note(
        "Dana Rivera", "Designer", "Acme", "", "Thank you", BODY.format(name="Dana")
    )
    floor = median_seconds(
        lambda: pdf.render_letter_pdf(ordinary, sender, "letter", today=today), runs=5, warmup=1
    )
    worst_name, worst = "", 0.0
    for name, body in kinds.items():
        note = pdf.Note("Dana Rivera", "Designer", "Acme", "", "Thank you", body)
        count = min(pdf.MAX_BATCH_NOTES, pdf.MAX_LAYOUT_COST // pdf.layout_cost(body))
        started = time.perf_counter()
        pdf.render_batch_pdf([note] * count, sender, "letter", title="Acme", today=today)
        seconds = time.perf_counter() - started
        if seconds > worst:
            worst_name, worst = f"{count} {name}", seconds
    return row(
        "worst batch allowed", worst * 1000, floor * 1000, "ms",
        target=at_most(worst * 1000, 5000, "ms"),
        note=f"{worst_name}; floor = one ordinary letter",
    )  # fmt: skip


if __name__ == "__main__":
    print(report.table(run()))
