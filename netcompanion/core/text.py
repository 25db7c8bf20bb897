"""Text people type is kept as they meant it to be read. Unicode's direction overrides, embeddings and isolates
(U+202A-U+202E, U+2066-U+2069) and the invisible zero-width space, word joiner and byte-order mark can make a name,
a title or a note display differently from what it says (an override before "eivS" shows "Svie"), or make two
names that look the same differ. They are taken out before anything is stored. The joiners a script needs (ZWJ, ZWNJ in
Persian, emoji sequences) and the direction marks that right-to-left text uses (LRM, RLM, ALM) stay. Plain Python."""

DISGUISING = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff"
_TAKEN_OUT = dict.fromkeys(map(ord, DISGUISING))


def plain(text: str) -> str:
    """``text`` without the characters that disguise it."""
    return text.translate(_TAKEN_OUT)
