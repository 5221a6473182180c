"""What typed text may contain before it is stored: no NULs or other control characters
(PostgreSQL refuses NUL in text, and none of them mean anything in a note)."""

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Drop control characters other than tab and line breaks; normalise line breaks."""
    return _CONTROL.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
