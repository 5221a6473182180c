"""Business-card photos for the card-reading test: different layouts, fonts, sizes, a photo-like
skew, blur and noise, and one card with a QR vCard. Drawn with Pillow (and qrcode), so the
expected fields are known exactly."""

from dataclasses import dataclass
from pathlib import Path

import qrcode
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")


@dataclass
class Card:
    slug: str
    name: str
    title: str
    company: str
    email: str
    phone: str
    linkedin: str = ""  # "linkedin.com/in/..." as printed
    layout: str = "left"  # left, centred, right, split
    font: str = "DejaVuSans"
    bold: str = "DejaVuSans-Bold"
    ink: tuple[int, int, int] = (25, 25, 25)
    paper: tuple[int, int, int] = (250, 249, 245)
    skew: float = 0.0  # degrees
    noise: int = 0  # grain amplitude
    blur: float = 0.0
    scale: float = 1.0  # text size
    qr_vcard: bool = False


CARDS = [
    Card("classic", "Dana Rivera", "Engineering Manager", "Northwind Robotics",
         "dana.rivera@northwind.com", "+1 415 555 0134", "linkedin.com/in/danarivera"),
    Card("centred-serif", "Samuel Lee", "Staff Firmware Engineer", "Northwind Robotics",
         "sam.lee@northwind.com", "(415) 555-0178", layout="centred",
         font="DejaVuSerif", bold="DejaVuSerif-Bold"),
    Card("right-aligned", "Priya Nair", "Senior Technical Recruiter", "Acme Corp",
         "priya.nair@acme.com", "+44 20 7946 0958", "linkedin.com/in/priya-nair", layout="right"),
    Card("dark", "Alex Kim", "Principal Engineer", "Quanta Systems", "alex.kim@quanta.io",
         "+1 212 555 0199", ink=(240, 240, 240), paper=(28, 45, 70)),
    Card("split", "Jordan Blake", "Recruiting Coordinator", "Orbit Labs", "jordan@orbitlabs.dev",
         "+1 646 555 0101", "linkedin.com/in/jordanblake", layout="split"),
    Card("condensed", "Maria Gonzalez", "VP Engineering", "Stellar Health",
         "maria.gonzalez@stellarhealth.com", "+1 617 555 0110",
         font="DejaVuSansCondensed", bold="DejaVuSansCondensed-Bold"),
    Card("skewed", "Tom O'Brien", "Data Scientist", "Lumen Analytics", "tom.obrien@lumen.ai",
         "+353 1 555 0123", skew=4.0),
    Card("noisy", "Grace Liu", "Head of Platform", "Vertex Cloud", "grace.liu@vertex.io",
         "+1 206 555 0142", noise=28),
    Card("skewed-noisy-blur", "Ben Carter", "Hiring Manager", "Hooli", "ben.carter@hooli.com",
         "+1 650 555 0111", "linkedin.com/in/bencarter", skew=-3.0, noise=18, blur=0.8),
    Card("small-type", "Hannah Schmidt", "Product Designer", "Globex GmbH",
         "h.schmidt@globex.de", "+49 30 555 0199", scale=0.8),
    Card("mono", "Victor Ramos", "Chief Technology Officer", "Initech", "victor@initech.com",
         "+1 512 555 0100", font="DejaVuSansMono", bold="DejaVuSansMono-Bold"),
    Card("qr-vcard", "Amara Okafor", "Talent Partner", "Pied Piper", "amara.okafor@piedpiper.com",
         "+1 408 555 0175", "linkedin.com/in/amaraokafor", qr_vcard=True, skew=2.0, noise=10),
]  # fmt: skip


def vcard(card: Card) -> str:
    last, first = card.name.split()[-1], " ".join(card.name.split()[:-1])
    return "\r\n".join(
        [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:{last};{first};;;",
            f"FN:{card.name}",
            f"ORG:{card.company}",
            f"TITLE:{card.title}",
            f"EMAIL;TYPE=WORK:{card.email}",
            f"TEL;TYPE=WORK:{card.phone}",
            f"URL:https://www.{card.linkedin}",
            "END:VCARD",
        ]
    )


def _font(name: str, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"{name}.ttf"), round(size))


def draw(card: Card, width: int = 1400, height: int = 800) -> Image.Image:
    """The card as a photo would show it: on a desk, maybe tilted, grainy and soft."""
    face = Image.new("RGB", (width, height), card.paper)
    pen = ImageDraw.Draw(face)
    s = card.scale
    lines = [
        (card.name, _font(card.bold, 64 * s)),
        (card.title, _font(card.font, 40 * s)),
        (card.company, _font(card.bold, 40 * s)),
        ("", None),
        (card.email, _font(card.font, 36 * s)),
        (card.phone, _font(card.font, 36 * s)),
    ]
    if card.linkedin:
        lines.append((card.linkedin, _font(card.font, 34 * s)))
    margin, y = 90, 90
    text_width = width - 2 * margin - (420 if card.qr_vcard else 0)
    for index, (text, font) in enumerate(lines):
        if font is None:
            y += 30
            continue
        box = pen.textbbox((0, 0), text, font=font)
        w = box[2] - box[0]
        if card.layout == "centred":
            x = margin + (text_width - w) / 2
        elif card.layout == "right":
            x = margin + text_width - w
        elif card.layout == "split" and index >= 4:
            x, y = margin + text_width - w, y
        else:
            x = margin
        pen.text((x, y), text, fill=card.ink, font=font)
        y += (box[3] - box[1]) + 28
    if card.layout == "split":
        pen.line((margin, 380, width - margin, 380), fill=card.ink, width=3)
    if card.qr_vcard:
        code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(vcard(card))
        code.make(fit=True)
        code.box_size = 380 // (code.modules_count + 4)  # whole pixels per module, ~380 px
        qr = code.make_image().get_image().convert("RGB")
        face.paste(qr, (width - margin - qr.width, (height - qr.height) // 2))
    return _photograph(face, card)


def _photograph(face: Image.Image, card: Card) -> Image.Image:
    desk = Image.new("RGB", (face.width + 240, face.height + 240), (120, 110, 96))
    desk.paste(face, (120, 120))
    if card.skew:
        desk = desk.rotate(
            card.skew, resample=Image.BICUBIC, expand=False, fillcolor=(120, 110, 96)
        )
    if card.noise:
        # Sensor grain: gaussian noise around mid-grey, added to every channel.
        grain = Image.effect_noise(desk.size, card.noise).convert("RGB")
        desk = ImageChops.add(desk, grain, scale=1.0, offset=-128)
    if card.blur:
        desk = desk.filter(ImageFilter.GaussianBlur(card.blur))
    return desk


def write_all(folder: Path) -> list[tuple[Card, Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for card in CARDS:
        path = folder / f"{card.slug}.jpg"
        draw(card).save(path, quality=88)
        out.append((card, path))
    return out


if __name__ == "__main__":  # python -m tests.cards /tmp/cards: to look at them
    import sys

    for _, path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "cards")):
        print(path)
