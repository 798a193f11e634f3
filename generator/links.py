"""Links from the corpus: which URLs and e-mail addresses a page may turn into a link.

A title, a remark or a note may legitimately hold ``<`` or ``&``: the site escapes them
(`site.esc`). A URL is different: ``javascript:alert(1)`` escaped is still a script when it
is an ``href``. So a URL from the corpus becomes a link only with the schemes ``http``,
``https`` or ``mailto``; `zan check` and `zan build` reject any other value where the corpus
gives a URL (file:line:field), and the renderer never links it in any case (`safe_href`).

>>> safe_href("https://example.org/sample-revised-draft")
'https://example.org/sample-revised-draft'
>>> safe_href("javascript:alert(3)") is None
True
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

SCHEMES = ("http", "https", "mailto")
# Fields of act.yml that hold a URL, and those that hold an e-mail address (a dotted path).
URL_FIELDS = ("revised_draft",)
EMAIL_FIELDS = ("contact.email",)

# Browsers drop tabs and newlines inside a URL and strip spaces and control characters
# around it («java\tscript:» is «javascript:»): a URL from the corpus may hold none of them.
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")
# The address a «mailto:» link is built from (zan.js adds «?subject=…»): the common
# dot-atom form, without «?», «&», «#» or «%» that would add fields to the link.
EMAIL_RE = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def url_problem(value: object) -> str | None:
    """Why a corpus value cannot be a link, or None when it can.

    >>> url_problem("https://example.org/x") is None, url_problem("mailto:a@example.org") is None
    (True, True)
    >>> url_problem("javascript:alert(3)")
    "scheme 'javascript' is not allowed (http, https, mailto)"
    >>> url_problem(" java\\tscript:alert(1)")
    'a URL may not hold spaces or control characters'
    >>> url_problem("//evil.example/x")
    'a URL needs a scheme (http, https, mailto)'
    """
    if not isinstance(value, str):
        return f"a URL must be a string, not {type(value).__name__}"
    if _CONTROL.search(value):
        return "a URL may not hold spaces or control characters"
    try:
        parts = urlsplit(value)
    except ValueError as e:
        return f"not a URL: {e}"
    scheme = parts.scheme.lower()
    if not scheme:
        return f"a URL needs a scheme ({', '.join(SCHEMES)})"
    if scheme not in SCHEMES:
        return f"scheme {scheme!r} is not allowed ({', '.join(SCHEMES)})"
    if scheme in ("http", "https") and not parts.hostname:
        return f"an {scheme} URL needs a host"
    address = value[len(scheme) + 1 :]
    if scheme == "mailto" and not EMAIL_RE.match(address):
        return f"not an e-mail address: {address!r}"
    return None


def safe_href(value: object) -> str | None:
    """The value when it may be an ``href`` (http, https, mailto), else None (shown as text).

    >>> safe_href("HTTPS://example.org"), safe_href("data:text/html,<script>")
    ('HTTPS://example.org', None)
    """
    return value if isinstance(value, str) and url_problem(value) is None else None


def email_problem(value: object) -> str | None:
    """Why a corpus value cannot be the address of a «mailto:» link, or None.

    >>> email_problem("remarks@example.org") is None
    True
    >>> email_problem("a@example.org?bcc=b@example.org")
    "not an e-mail address: 'a@example.org?bcc=b@example.org'"
    """
    if not isinstance(value, str) or not EMAIL_RE.match(value):
        return f"not an e-mail address: {value!r}"
    return None


def _get(meta: dict, dotted: str) -> object:
    node: object = meta
    for key in dotted.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def field_line(path: Path, dotted: str) -> int:
    """The line of a (dotted) key in a YAML mapping file, 0 when it cannot be found.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "act.yml"
    >>> _ = p.write_text("id: X\\ncontact:\\n  email: a@b.kz\\n", encoding="utf-8")
    >>> field_line(p, "contact.email")
    3
    """
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 0
    line = 0
    for key in dotted.split("."):
        if not isinstance(node, yaml.MappingNode):
            return line
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                line, node = k.start_mark.line + 1, v
                break
        else:
            return line
    return line


def link_errors(meta: dict, yml: Path, shown: Path | None = None) -> list[str]:
    """Errors for the URL and e-mail fields of one act.yml, each «file:line: field: why»
    (the file named as ``shown`` when given).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "act.yml"
    >>> _ = p.write_text('id: X\\nrevised_draft: "javascript:alert(3)"\\n', encoding="utf-8")
    >>> [e.split("act.yml")[1] for e in link_errors(yaml.safe_load(p.read_text()), p)]
    [":2: revised_draft: scheme 'javascript' is not allowed (http, https, mailto)"]
    """
    errors: list[str] = []
    for dotted in URL_FIELDS + EMAIL_FIELDS:
        value = _get(meta, dotted)
        if value is None:
            continue
        values = value.items() if isinstance(value, dict) else [(None, value)]
        for lang, v in values:
            why = email_problem(v) if dotted in EMAIL_FIELDS else url_problem(v)
            if why:
                name = f"{dotted}.{lang}" if lang else dotted
                errors.append(f"{shown or yml}:{field_line(yml, name)}: {name}: {why}")
    return errors


__all__ = ["SCHEMES", "url_problem", "safe_href", "email_problem", "link_errors", "field_line"]
