"""Article cleaning: HTML or plain text in, readable paragraphs out, boilerplate dropped."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

_AD_PLACEHOLDER = re.compile(r"\{alcircleadd\}\s*", re.IGNORECASE)
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
    r")",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w")  # contact lines
# Everything after these headings belongs to other articles.
_TRAILERS = re.compile(r"^(?:related news|related articles|responses|recommended)$", re.IGNORECASE)
_LONGEST_TRAILER = len("related articles")
# "[SMM Analysis]" or "【SMM Analysis】" glued to the summary sentence.
_BRACKET_HEADING = re.compile(r"^\s*(?:\[[^\]]{1,40}\]|【[^】]{1,40}】)\s*")
# AL Circle's language menu: about 40 short names after "LANGUAGES".
_LANGUAGE_NAME = re.compile(r"^[^\d.,;:]{1,24}$")
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|div|br|span|img|a|strong|h\d|blockquote|body|html)\b", re.I)


def normalise_paragraph(text: str) -> str:
    """Collapse runs of spaces and drop the ad placeholder, which may be glued to the next word."""
    if "{" in text:
        text = _AD_PLACEHOLDER.sub("", text)
    # Already single-spaced, as most paragraphs are: skip the split and join. Every ASCII
    # character str.split() breaks on, but the space, is unprintable.
    if (
        text.isascii()
        and text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text
    return " ".join(text.split())


def clean_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs with blank lines, dropping empty and boilerplate ones."""
    kept = []
    in_language_menu = False
    for raw in paragraphs:
        paragraph = normalise_paragraph(raw)
        if not paragraph:
            continue
        if len(paragraph) <= _LONGEST_TRAILER and _TRAILERS.match(paragraph):
            break
        if len(paragraph) == len("LANGUAGES") and paragraph.upper() == "LANGUAGES":
            in_language_menu = True
            continue
        if in_language_menu and _LANGUAGE_NAME.match(paragraph):
            continue
        in_language_menu = False
        if _BOILERPLATE.match(paragraph) or ("@" in paragraph and _EMAIL.search(paragraph)):
            continue
        if paragraph[0] in "[【":
            paragraph = _BRACKET_HEADING.sub("", paragraph)
        kept.append(paragraph)
    return "\n\n".join(kept)


_BLOCK_TAGS = frozenset(
    (
        "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote td th tr table pre section article header"
        " footer main aside nav figure figcaption dd dt dl form body html"
    ).split()
)
# Never article text. "Also read:" blockquotes link other articles: their numbers are not ours.
_DROPPED = frozenset(
    (
        "script",
        "style",
        "noscript",
        "img",
        "figure",
        "iframe",
        "blockquote",
        "svg",
        "template",
    )
)


def _content_root(tree: LexborHTMLParser) -> Node | None:
    """The element holding the most paragraph text: the article, not the menus around it.

    Found by text weight rather than by class names, which the sites hash and change.
    """
    weights: dict[int, int] = {}
    nodes: dict[int, Node] = {}
    for paragraph in tree.tags("p"):  # tags() skips the CSS engine: twice as fast here
        parent = paragraph.parent
        if parent is None:
            continue
        weights[parent.mem_id] = weights.get(parent.mem_id, 0) + len(paragraph.text(strip=True))
        nodes[parent.mem_id] = parent
    if not weights:
        return tree.body or tree.root
    return nodes[max(weights, key=lambda key: weights[key])]


def _block_paragraphs(root: Node) -> list[str]:
    """Text grouped by nearest block ancestor, in document order, in one pass over the tree.

    Text inside a dropped element (script, style, an "Also read" blockquote, ...) is skipped on
    the way, which is cheaper than removing those elements from the tree first.
    """
    paragraphs: list[str] = []
    current: int | None = None
    buffer: list[str] = []
    root_id = root.mem_id
    for node in root.traverse(include_text=True):
        if not node.is_text_node:
            continue
        block: Node | None = None
        ancestor = node.parent
        dropped = False
        while ancestor is not None:
            tag = ancestor.tag
            if tag in _DROPPED:
                dropped = True
                break
            if block is None and tag in _BLOCK_TAGS:
                block = ancestor
            if ancestor.mem_id == root_id:
                break
            ancestor = ancestor.parent
        if dropped:
            continue
        key = block.mem_id if block is not None else root_id
        if key != current:
            paragraphs.append("".join(buffer))
            buffer = []
            current = key
        buffer.append(node.text_content or "")
    paragraphs.append("".join(buffer))
    return paragraphs


def html_to_text(html: str) -> str:
    """Readable text of an HTML page or fragment: one paragraph per block of the main content,
    without images, scripts, quoted "Also read" boxes or site furniture."""
    # AL Circle's feed carries literal "\\n" between paragraphs. A one-character search runs
    # at memchr speed; a two-character one costs about 1 ns a byte, which adds up on whole pages.
    if "\\" in html and "\\n" in html:
        html = html.replace("\\n", "\n")
    return tree_to_text(LexborHTMLParser(html))


def tree_to_text(tree: LexborHTMLParser) -> str:
    """``html_to_text`` for a page already parsed (the page reader parses each page once)."""
    root = _content_root(tree)
    if root is None:
        return ""
    return clean_paragraphs(_block_paragraphs(root))


def text_to_text(text: str) -> str:
    """Plain text in: paragraphs are lines; same boilerplate rules as for HTML."""
    return clean_paragraphs(text.replace("\r\n", "\n").split("\n"))


def looks_like_html(document: str) -> bool:
    return _LOOKS_LIKE_HTML.search(document) is not None


def to_text(document: str) -> str:
    """Clean either HTML or plain text, whichever the document is."""
    if looks_like_html(document):
        return html_to_text(document)
    return text_to_text(document)
