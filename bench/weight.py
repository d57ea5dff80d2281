"""Page furniture as heavy as the sites serve it, around an article page.

A real SMM article page weighs about 140 KB and an AL Circle one about 120 KB, while the article
itself is two or three kilobytes: the rest is a Next.js data payload and a mega menu (SMM), ad
and tracking scripts and a language menu (AL Circle), a price ticker, related-news lists and
footers. ``weigh`` adds such furniture to a light page without touching its article, so that the
test fixtures and the benchmark read pages of realistic weight. Everything here is written for
this project; the numbers in the ticker and the related headlines are there on purpose, as on the
real sites: they are not the article's figures and must not become alerts.
"""

from __future__ import annotations

from html import escape

METALS = (
    "Aluminum Copper Lead Nickel Tin Zinc Lithium Cobalt Silicon Magnesium Titanium Antimony"
    " Tungsten Manganese Chromium Indium Germanium Gallium Bismuth Selenium Tellurium Gold Silver"
    " Palladium Platinum Rhodium Iridium Ruthenium Steel Iron-Ore Coke Coal Scrap Alumina Bauxite"
).split()
SECTIONS = ("Prices", "News", "Analysis", "Data", "Events", "Reports", "Futures", "Index")
TICKER = [
    ("SMM A00 Aluminum", "21,540", "+180"),
    ("SMM #1 Copper Cathode", "86,410", "-250"),
    ("SMM #0 Zinc Ingot", "22,730", "+40"),
    ("SMM #1 Lead Ingot", "16,725", "0"),
    ("SMM #1 Refined Nickel", "123,400", "+1,600"),
    ("Battery-grade Lithium Carbonate", "74,500", "+500"),
]
LANGUAGES = (
    "English 中文 Español Deutsch Français 日本語 Русский Português Italiano 한국어 العربية Türkçe"
    " Polski Nederlands Svenska Dansk Suomi Norsk Čeština Magyar Română Ελληνικά עברית हिन्दी"
    " বাংলা ไทย Tiếng-Việt Bahasa-Indonesia Bahasa-Melayu Filipino Kiswahili தமிழ் తెలుగు"
).split()


def _mega_menu() -> str:
    items = []
    for metal in METALS:
        links = "".join(
            f'<li><a class="Menu_link__x81Qa" href="/en/{metal.lower()}/{section.lower()}">'
            f"{metal} {section}</a></li>"
            for section in SECTIONS
        )
        items.append(
            f'<li class="Menu_item__p2Xk1"><span class="Menu_label__o0Pz3">{metal}</span>'
            f'<ul class="Menu_sub__7Hh2s">{links}</ul></li>'
        )
    return f'<nav class="Header_menu__Qw81d"><ul>{"".join(items)}</ul></nav>'


def _ticker() -> str:
    cells = "".join(
        f'<div class="Ticker_cell__b7Y1q"><span>{name}</span><b>{price}</b><i>{move}</i></div>'
        for name, price, move in TICKER * 4
    )
    return f'<div class="Ticker_ticker__Zr8x2">{cells}</div>'


def _related(site: str) -> str:
    headlines = [
        f"Copper rod operating rate {'rises' if n % 2 else 'falls'} {n % 7}.{n % 10} percentage"
        f" points WoW to 6{n % 10}.{n % 9}%"
        if n % 3 == 0
        else f"Aluminium prices {'climb' if n % 2 else 'slip'} {n * 10} yuan/mt as stocks"
        f" {'fall' if n % 2 else 'build'} in East China"
        if n % 3 == 1
        else f"Alumina spot price at RMB {3000 + n * 7:,} per tonne; market weighs new capacity"
        for n in range(24)
    ]
    heading = "Related News" if site == "smm" else "Related articles"
    items = "".join(
        f'<li><a href="/newscontent/10365{n:04d}">{escape(text)}</a><span>{n + 1} hours ago</span>'
        "</li>"
        for n, text in enumerate(headlines)
    )
    return f"<section class='Related_list__k2P0s'><h2>{heading}</h2><ul>{items}</ul></section>"


def _payload(size: int) -> str:
    """A Next.js-style streamed data payload: escaped JSON of menus, strings and page state."""
    entry = (
        '{\\"id\\":\\"%d\\",\\"slug\\":\\"menu-item-%d\\",\\"label\\":\\"Section %d\\",'
        '\\"href\\":\\"/en/section/%d\\",\\"children\\":[],\\"i18n\\":{\\"zh\\":\\"栏目%d\\"}},'
    )
    chunks = []
    n = 0
    while sum(map(len, chunks)) < size:
        chunks.append(entry % (n, n, n, n, n))
        n += 1
    return f'<script>self.__next_f.push([1,"[{"".join(chunks)}]"])</script>'


def _tracking(size: int) -> str:
    line = (
        "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
        "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
        "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})"
        "(window,document,'script','dataLayer','GTM-XXXX');\n"
    )
    return "<script>" + line * (size // len(line) + 1) + "</script>"


def _styles(size: int) -> str:
    rule = ".Article_content__c8Rr2 p{margin:0 0 1em;line-height:1.7;color:#222}\n"
    return "<style>" + rule * (size // len(rule) + 1) + "</style>"


def weigh(html: str, site: str) -> str:
    """The page with the furniture its site serves around the article added."""
    if site == "smm":
        head = _payload(82_000) + _styles(12_000)
        top = _mega_menu() + _ticker()
        bottom = _related(site) + _mega_menu()
    else:
        head = _tracking(40_000) + _styles(14_000)
        languages = "".join(f"<li>{name}</li>" for name in LANGUAGES)
        top = f"<div class='lang_full_x1'><span>LANGUAGES</span><ul>{languages}</ul></div>"
        top += _mega_menu() + _ticker()
        bottom = _related(site) + _tracking(8_000)
    html = html.replace("</head>", head + "</head>", 1)
    html = html.replace("<body>", "<body>" + top, 1)
    return html.replace("</body>", bottom + "</body>", 1)
