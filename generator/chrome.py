"""The theme's chrome of every page, compacted (issue 16, item 4: a site a host can carry).

mkdocs-material's templates are indented for their authors: every page of the site repeats
their blank lines and indentation (about an eighth of the chrome). ``CompactChrome`` is a
mkdocs plugin (registered by generator/mkdocs_chunks.py beside ``PreRendered``) that

- collapses, outside the page's content (``<article …>…</article>``, which it leaves as
  the generator wrote it but for the blank lines the theme's partials put around it), every
  run of white space holding a line break into one line break: HTML renders
  such a run as one space (the chrome has no ``<pre>`` or ``<textarea>``), and a line break
  ends a statement in the inline scripts as it did before;
- has the theme's ``tojson`` write non-ASCII as itself (``ensure_ascii=False``; Jinja's
  ``htmlsafe_json_dumps`` still escapes ``<``, ``>``, ``&`` and ``'``): a Kazakh string in
  the theme's configuration takes 2 bytes a letter instead of 6 (``\\u0410``).

>>> print(compact('<head>\\n    <meta>\\n\\n  </head>\\n<article class="md-content__inner'
...               ' md-typeset">\\n\\n  <h1>A</h1>\\n\\n<pre>a\\n  b</pre>\\n</article>\\n  \\n  </body>'))
<head>
<meta>
</head>
<article class="md-content__inner md-typeset">
<h1>A</h1>
<BLANKLINE>
<pre>a
  b</pre>
</article>
</body>
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

ARTICLE = ('<article class="md-content__inner md-typeset">', "</article>")
RUN = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")


def compact(html: str) -> str:
    """The page with its chrome's white-space runs (those holding a line break) made one
    line break; the content (``<article>``) is left as the generator wrote it.

    >>> compact("<p>\\n   a\\n\\n</p>")
    '<p>\\na\\n</p>'
    """
    start = html.find(ARTICLE[0])
    end = html.rfind(ARTICLE[1])
    if start < 0 or end < start:
        return RUN.sub("\n", html)
    body = start + len(ARTICLE[0])
    # the blank lines the theme's partials leave around the content (partials/content.html)
    inner = html[body:end]
    lead = len(inner) - len(inner.lstrip(" \t\r\n"))
    trail = len(inner) - len(inner.rstrip(" \t\r\n"))
    return (
        RUN.sub("\n", html[:body])
        + ("\n" if lead else "")
        + inner[lead : len(inner) - trail]
        + ("\n" if trail else "")
        + RUN.sub("\n", html[end:])
    )


class CompactChrome(BasePlugin):
    """mkdocs plugin events: the theme's JSON unescaped non-ASCII, each page's chrome
    compacted (`compact`).

    >>> from jinja2 import Environment
    >>> env = CompactChrome().on_env(Environment())
    >>> env.from_string("{{ {'a': 'Әл<'} | tojson }}").render()
    '{"a": "Әл\\\\u003c"}'
    """

    def on_env(self, env, **_kw):
        """Jinja's ``tojson`` without ``ensure_ascii`` (keys still sorted)."""
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
        return env

    def on_post_page(self, output: str, **_kw) -> str:
        """The page's chrome compacted."""
        return compact(output)
