"""How an article's body is kept: pure Python, without Django."""


def normalise_body(text: str) -> str:
    """`text` with Unix line endings (CRLF and CR become LF) and exactly one final newline; "" stays "".

    Browsers send a textarea's lines ending in CRLF, so without this the first save in the admin would
    change every line of a body that was imported from a file."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    return f"{lines}\n" if lines.strip() else ""
