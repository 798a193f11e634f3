"""A generated page's HTML body as python-markdown returns it, without running it.

Every page the generator writes (`site.page`) is YAML front matter and raw HTML. mkdocs
used to pass that body through python-markdown (`md_in_html`, its raw-HTML pass), which
parses the HTML twice to give it back with two changes only: a line break between two
top-level elements written on one line (``</h2><ul>`` → ``</h2>\\n<ul>``), spaces after a
top-level element dropped, and runs of blank lines between top-level elements shortened to
one. `as_markdown_output` makes those changes itself, so the page body *is* what
python-markdown would return (proven on whole builds by benchmarks/md_parity.py and
tests/test_md_html.py), and the mkdocs chunk builder (generator/mkdocs_chunks.py) hands the
body to the theme as the page's content without converting it.
"""

from __future__ import annotations

import re

# A tag (attribute values may hold «>» inside quotes) or a comment.
# Possessive quantifiers (Python 3.11): the same matches as the plain pattern
# (`(?:[^>"']|"[^"]*"|'[^']*')*`, whose every stop point but the last is followed by a
# character that is not «>»), with runs of attribute text taken at once and no
# backtracking (issue 16: this scan runs over every page the generator writes).
_TAG = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>", re.S
)
# Elements whose content is raw text (no tags inside), as html.parser reads them.
_RAW = frozenset({"script", "style"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"}
    | {"track", "wbr"}
)
_SPACES_THEN = re.compile(r" *(\n+|<)")
_CLOSE = {name: re.compile(f"</{name}", re.I) for name in _RAW}


def as_markdown_output(body: str) -> str:
    """The HTML body as python-markdown (``md_in_html``) returns it, leading and trailing
    blank lines removed.

    >>> as_markdown_output("<h2>A</h2><ul><li>x</li></ul> <p>b</p>\\n\\n\\n\\n<p>c</p>\\n")
    '<h2>A</h2>\\n<ul><li>x</li></ul>\\n<p>b</p>\\n\\n<p>c</p>'
    >>> as_markdown_output("<style>p>a{}</style><div><p>a</p><p>b</p></div><hr><p>c</p>")
    '<style>p>a{}</style>\\n<div><p>a</p><p>b</p></div>\\n<hr><p>c</p>'
    """
    out: list[str] = []
    depth = 0
    pos = 0  # text before pos is in out
    i = 0
    search, spaces_then = _TAG.search, _SPACES_THEN.match
    while True:
        m = search(body, i)
        if m is None:
            break
        slash, name, attrs = m.groups()
        end = m.end()
        if name is None:  # a comment
            i = end
            continue
        if not slash:  # a start tag
            name = name.lower()
            if name in _RAW:
                close = _CLOSE[name].search(body, end)
                i = end if close is None else close.start()
                depth += 1
            else:
                if name not in _VOID and not attrs.endswith("/"):
                    depth += 1
                i = end
            continue
        depth -= 1  # an end tag
        i = end
        if depth == 0:
            after = spaces_then(body, end)
            if after is None:
                continue
            out.append(body[pos:end])
            if after.group(1) == "<":  # another element on the same line
                out.append("\n")
                pos = i = after.end() - 1
            else:  # the line ends: its spaces go, blank lines become one
                out.append("\n\n" if len(after.group(1)) > 1 else "\n")
                pos = i = after.end()
    out.append(body[pos:])
    return "".join(out).strip("\n")
