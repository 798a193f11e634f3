"""Atom feeds per language: drafts opened for discussion, and changes per act.

A change's `updated` is the day the sources give for it (the adoption day an «after D»
range starts from); its summary states the in-force date as known, never a guessed day.

>>> anchor_day(DateSpec.parse("after 2022-07-14"))
'2022-07-14'
>>> anchor_day(DateSpec.parse("unknown")) is None
True
"""

from __future__ import annotations

from .model import DateSpec
from .site import OTHER, date_text, esc, ui  # esc: XML takes the same entities as HTML


def anchor_day(spec: DateSpec) -> str | None:
    """The day a date spec is anchored to in the sources (for Atom's `updated`)."""
    words = spec.text.split()
    if spec.exact:
        return spec.text
    if words and words[0] in ("after", "between", "before"):
        return words[1]
    return None


FEED_ENTRIES = 200  # the latest entries; a feed is read for what is new, not as an archive


def _feed(lang: str, kind: str, entries: list[dict], today: str) -> str:
    entries = sorted(entries, key=lambda e: (e["updated"], e["id"]), reverse=True)
    entries = entries[:FEED_ENTRIES]
    # Atom needs the feed's own `updated`: its newest entry's day, or for an empty feed the
    # build date (`--today`, generator.clock), never an invented day.
    updated = entries[0]["updated"] if entries else today
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"<id>urn:zan:{lang}:{kind}</id>",
        f"<title>{esc(ui(lang)['feed_' + kind])}</title>",
        f"<updated>{updated}T00:00:00Z</updated>",
        f'<link rel="self" href="{kind}.xml"/>',
        "<author><name>zan</name></author>",
    ]
    for e in entries:
        out += [
            "<entry>",
            f"<id>{esc(e['id'])}</id>",
            f"<title>{esc(e['title'])}</title>",
            f"<updated>{e['updated']}T00:00:00Z</updated>",
            f'<link href="{esc(e["href"])}"/>',
            f"<summary>{esc(e['summary'])}</summary>",
            "</entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def feeds(pub, lang: str) -> dict[str, str]:
    """`feeds/drafts.xml` and `feeds/changes.xml` of one language tree."""
    t = ui(lang)
    drafts = []
    for d in pub.drafts:
        rec = d["record"]
        w = d.get("window")
        if w is None:
            continue
        from .drafts import feed_entry_text

        where = "examples" if rec.meta.get("example") else "drafts"
        title, summary = feed_entry_text(d, lang)
        drafts.append(
            {
                "id": f"urn:zan:{lang}:draft:{rec.id}",
                "title": title,
                "updated": w.posted.isoformat(),
                "href": f"../{where}/{rec.id}/",
                "summary": summary,
            }
        )
    changes = []
    for act in pub.summaries:
        title = act.meta["title"].get(lang) or act.meta["title"].get(OTHER[lang]) or act.id
        for v in act.versions:
            spec = DateSpec.parse(v["date"])
            day = anchor_day(spec)
            if day is None or lang not in v["langs"]:
                continue
            what = t["upcoming"] if v["status"] == "pending" else t["version"]
            changes.append(
                {
                    "id": f"urn:zan:{lang}:act:{act.id}:{v['id']}",
                    "title": f"{title}: {v['label'][lang]}",
                    "updated": day,
                    "href": f"../acts/{act.id}/{v['id']}/",
                    "summary": f"{what}: {v['id']}; {t['in_force_from']}: {date_text(spec, lang)}",
                }
            )
    return {
        "feeds/drafts.xml": _feed(lang, "drafts", drafts, pub.today.isoformat()),
        "feeds/changes.xml": _feed(lang, "changes", changes, pub.today.isoformat()),
    }
