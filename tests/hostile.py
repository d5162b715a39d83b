"""Hostile rich text, and a check that what a page or feed got from it cannot run anything."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from razon.richtext import ALLOWED_TAGS

# Markdown and HTML an attacker (or a careless paste) could put into a rich text field.
HOSTILE_INPUTS = [
    "<script>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "<!--<script>alert(1)</script>-->",
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java&#x09;script:alert(1))",
    "[klik](<javascript:alert(1)>)",
    "[x]: javascript:alert(1)\n\n[verwijzing][x]",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="#" onclick="alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    '![x](x" onerror="alert(1))',
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example/"><input name=x><button>Verstuur</button></form>',
    '<p onclick="alert(1)" style="position:fixed">x</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "<details open ontoggle=alert(1)>x</details>",
    "**<b onmouseover=alert(1)>vet</b>**",
    "> <script>alert(1)</script>\n> citaat",
    "- <img src=x onerror=alert(1)>\n- tweede",
    "Tekst[^1]\n\n[^1]: <script>alert(1)</script>[x](javascript:alert(1))",
    "```\n</code><script>alert(1)</script>\n```",
    '<a href="https://ok.example/" target="_blank" onmouseover="alert(1)">ok</a>',
]

SAFE_SCHEMES = {"", "http", "https", "mailto"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def executable_parts(html, allowed_tags=ALLOWED_TAGS):
    """What in `html` could run or leak: a tag outside the allow-list (None: any tag), an
    event handler or style attribute, or a link or source whose scheme is not a web or mail
    address."""
    collector = _Collector()
    collector.feed(html)
    found = []
    for tag, attrs in collector.tags:
        if allowed_tags is not None and tag not in allowed_tags:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name in {"style", "srcdoc", "formaction"}:
                found.append(f"{tag}[{name}]")
            if name in {"href", "src", "action", "data", "xlink:href"}:
                scheme = urlsplit((value or "").strip()).scheme.lower()
                if scheme not in SAFE_SCHEMES:
                    found.append(f"{tag}[{name}={value}]")
    return found


# Values an attacker (or a broken client) can put in a URL's path or query. They are
# percent-encoded when sent, so each arrives in the request exactly as written here.
CONTROL_CHARACTERS = [chr(code) for code in range(0x20)] + ["\x7f", "\x85", "\x9f"]
HOSTILE_URL_VALUES = [
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\u202e\u200b\ufeff",  # right-to-left override, zero-width space, byte order mark
    "a" * 10_000,
    "a" * 300 + ".png",  # longer than a file name may be
    "-" * 40 + "woord",  # PostgreSQL's websearch_to_tsquery nests a NOT per dash
    "- " * 40,
    "9" * 30,
    "'\"<script>../",
]
# Sent as they are, not encoded: percent-encoding that is broken or decodes to no UTF-8.
MALFORMED_ENCODINGS = ["%", "%zz", "%c3%28"]
