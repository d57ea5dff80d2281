"""Article cleaning: HTML or plain text in, readable paragraphs out, boilerplate dropped."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

# Block elements whose text becomes its own paragraph.
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, div, td, pre"
_AD_PLACEHOLDER = re.compile(r"\{alcircleadd\}\s*", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
# Paragraphs that are the site talking about itself, not the article.
_BOILERPLATE = re.compile(
    r"^(?:note:\s*this article has been issued by smm"
    r"|also read\b"
    r"|responses$"
    r"|data source statement\b"
    r"|published:"
    r"|source:\s*\S*$"
    r"|home\s*/"
    r"|icon[a-z]{3}\s+\d"
    r"|(?:edited\s+by\s*:\s*)?\d+\s*mins?\s+read$"
    r"|adv$|languages$|smm$|al circle$"
    r"|》|check smm\b"
    r"|.*\b[\w.+-]+@[\w-]+\.[\w.]+\b"  # contact lines with e-mail addresses
    r")",
    re.IGNORECASE,
)
# Everything after these headings belongs to other articles.
_TRAILERS = re.compile(r"^(?:related news|related articles|responses|recommended)$", re.IGNORECASE)
# "[SMM Analysis]" or "【SMM Analysis】" glued to the summary sentence.
_BRACKET_HEADING = re.compile(r"^\s*(?:\[[^\]]{1,40}\]|【[^】]{1,40}】)\s*")
# AL Circle's language menu: about 40 short names after "LANGUAGES".
_LANGUAGE_NAME = re.compile(r"^[^\d.,;:]{1,24}$")
# AL Circle separates paragraphs with "\n\n" that may arrive as the two-character escapes.
_LITERAL_BREAKS = re.compile(r"(?:\\n)+")
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|div|br|span|img|a|strong|h\d|blockquote|body|html)\b", re.I)


def normalise_paragraph(text: str) -> str:
    """Collapse runs of spaces and drop the ad placeholder, which may be glued to the next word."""
    return _SPACES.sub(" ", _AD_PLACEHOLDER.sub("", text)).strip()


def clean_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs with blank lines, dropping empty and boilerplate ones."""
    kept = []
    in_language_menu = False
    for raw in paragraphs:
        paragraph = normalise_paragraph(raw)
        if not paragraph:
            continue
        if _TRAILERS.match(paragraph):
            break
        if paragraph.upper() == "LANGUAGES":
            in_language_menu = True
            continue
        if in_language_menu and _LANGUAGE_NAME.match(paragraph):
            continue
        in_language_menu = False
        if _BOILERPLATE.match(paragraph):
            continue
        kept.append(_BRACKET_HEADING.sub("", paragraph))
    return "\n\n".join(kept)


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment or page: one paragraph per block, no images or scripts."""
    tree = LexborHTMLParser(_LITERAL_BREAKS.sub("\n", html))
    for node in tree.css("script, style, noscript, img, figure, iframe, blockquote"):
        # "Also read:" blockquotes link other articles; their numbers are not this article's.
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    paragraphs: list[str] = []
    # Leaf blocks only (a node's css() includes the node itself), so no text is taken twice.
    blocks = [node for node in root.css(_BLOCKS) if len(node.css(_BLOCKS)) == 1]
    if blocks:
        paragraphs = [node.text(separator="", strip=False) for node in blocks]
    else:
        paragraphs = (root.text(separator="\n") or "").split("\n")
    return clean_paragraphs(paragraphs)


def text_to_text(text: str) -> str:
    """Plain text in: paragraphs are lines; same boilerplate rules as for HTML."""
    return clean_paragraphs(text.replace("\r\n", "\n").split("\n"))


def to_text(document: str) -> str:
    """Clean either HTML or plain text, whichever the document is."""
    if _LOOKS_LIKE_HTML.search(document):
        return html_to_text(document)
    return text_to_text(document)
