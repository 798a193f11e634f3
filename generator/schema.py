"""The corpus's YAML files checked against their schemas (generator/schemas/*.yml).

Every YAML file of the corpus (act.yml of acts, amending acts and drafts, remarks.yml,
manual.yml, editorial corrections) is read with `load_yaml`, which keeps each node's line,
refuses duplicate keys and keeps an impossible date (``2023-02-30``) as a value the schema
rejects instead of crashing; `validate` checks the data with `jsonschema` (pinned in
pyproject.toml) and turns each error into one line «file:line: field: message».

>>> data, lines = load_yaml("id: Z1300000088\\ntitle:\\n  kk: 5\\n", "act.yml")
>>> validate(data, lines, "act", "act.yml")[-1]
'act.yml:3: title.kk: must be a string, not 5'
>>> load_yaml("a: 1\\na: 2\\n", "x.yml")
Traceback (most recent call last):
...
generator.schema.YamlError: x.yml:2: a: duplicate key (first at line 1)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import jsonschema
import yaml
from referencing import Registry, Resource

from .datafile import LOADER, load_data
from .model import DateSpec

SCHEMAS = Path(__file__).parent / "schemas"
KINDS = ("act", "amending", "draft", "remarks", "manual", "corrections")


class YamlError(ValueError):
    """A YAML file that cannot be read; the message is «file:line: …»."""


class BadDate(str):
    """A YAML timestamp that is no day of the calendar (``2023-02-30``): kept as text with
    the reason, so that the schema reports it with its field instead of a traceback."""

    reason: str = ""


_Base = LOADER


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader that refuses duplicate keys and keeps impossible dates as `BadDate`."""

    def construct_mapping(self, node, deep=False):  # noqa: D102
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:
                    first = None
                if first is not None:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"{key}: duplicate key (first at line {first})",
                        key_node.start_mark,
                    )
                try:
                    seen[key] = key_node.start_mark.line + 1
                except TypeError:
                    pass
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):  # noqa: D102
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as e:
            bad = BadDate(node.value)
            bad.reason = str(e)
            return bad


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)

Lines = dict[tuple, int]


def _key_of(node: yaml.Node) -> object:
    """A mapping key as the constructor makes it (scalars only; others by their text)."""
    if isinstance(node, yaml.ScalarNode):
        tag = node.tag.rsplit(":", 1)[-1]
        if tag == "int":
            try:
                return int(node.value)
            except ValueError:
                return node.value
        if tag == "bool":
            return node.value.lower() in ("true", "yes", "on", "y")
        if tag == "null":
            return None
        return node.value
    return repr(node)


def _lines(node: yaml.Node | None, path: tuple, out: Lines) -> None:
    if node is None:
        return
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            sub = (*path, _key_of(k))
            out[sub] = k.start_mark.line + 1
            _lines(v, sub, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _lines(v, (*path, i), out)


def _no_aliases(text: str, path: str | Path) -> None:
    r"""Refuse an alias (`*x` of an anchor `&x`): corpus files need none, and nested aliases
    would make a few lines expand into billions of values.

    >>> _no_aliases("a: &x [1]\nb: *x\n", "x.yml")
    Traceback (most recent call last):
    ...
    generator.schema.YamlError: x.yml:2: YAML aliases (&anchor / *alias) are not allowed
    """
    if "*" not in text:
        return
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1
            raise YamlError(f"{path}:{line}: YAML aliases (&anchor / *alias) are not allowed")


def load_yaml(text: str, path: str | Path) -> tuple[object, Lines]:
    """The data of a YAML text and the line of every field (path tuple → 1-based line).

    >>> data, lines = load_yaml("adopted: 2023-02-30\\n", "act.yml")
    >>> type(data["adopted"]).__name__, lines[("adopted",)]
    ('BadDate', 1)
    """
    loader = _Loader(text)
    try:
        _no_aliases(text, path)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        problem = e.problem or e.context or "?"
        if "duplicate key" not in problem:
            problem = f"not valid YAML: {problem}"
        raise YamlError(f"{path}:{line}: {problem}") from None
    except yaml.YAMLError as e:
        raise YamlError(f"{path}:1: not valid YAML: {e}") from None
    finally:
        loader.dispose()
    lines: Lines = {}
    _lines(node, (), lines)
    return data, lines


def load_file(path: Path) -> tuple[object, Lines]:
    """`load_yaml` of a file, its bytes checked as text first (`read_text`)."""
    return load_yaml(read_text(path), path)


def read_text(path: Path) -> str:
    """A corpus file's text: UTF-8 without NUL bytes, else a one-line `YamlError`.

    A UTF-16 file (with or without its byte-order mark) and bytes that are not UTF-8 are
    errors naming the line; U+FFFD is never substituted.
    """
    raw = path.read_bytes()
    problem = text_problem(raw)
    if problem:
        raise YamlError(f"{path}:{problem}")
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def text_problem(raw: bytes) -> str | None:
    """«line: what» when bytes are not a corpus text (UTF-8, no NUL, no BOM), else None.

    >>> text_problem("а\\nб\\x00".encode())
    '2: NUL byte (the file is binary or UTF-16, not UTF-8 text)'
    >>> text_problem(b"ok\\n\\xff\\xfe")
    '2: not valid UTF-8 (byte 0xff at column 1)'
    >>> text_problem("бап".encode("utf-16"))
    '1: UTF-16 byte-order mark (corpus files are UTF-8)'
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "1: UTF-16 byte-order mark (corpus files are UTF-8)"
    if raw.startswith(b"\xef\xbb\xbf"):
        return "1: UTF-8 byte-order mark (corpus files are UTF-8 without one)"
    at = raw.find(b"\0")
    if at >= 0:
        line = raw.count(b"\n", 0, at) + 1
        return f"{line}: NUL byte (the file is binary or UTF-16, not UTF-8 text)"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return f"{line}: not valid UTF-8 (byte 0x{raw[e.start]:02x} at column {col})"
    return None


# -- the schemas ---------------------------------------------------------------------------


@functools.cache
def _registry() -> tuple[Registry, dict[str, dict]]:
    schemas = {}
    resources = []
    for path in sorted(SCHEMAS.glob("*.yml")):
        schema = load_data(path)
        schemas[path.stem] = schema
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources), schemas


def _is_date(_checker, instance: object) -> bool:
    return isinstance(instance, dt.date) and not isinstance(instance, dt.datetime)


_FORMATS = jsonschema.FormatChecker(formats=())


@_FORMATS.checks("datespec", raises=ValueError)
def _datespec(instance: object) -> bool:
    if isinstance(instance, BadDate):
        raise ValueError(f"not a date: {str(instance)!r} ({instance.reason})")
    if isinstance(instance, bool) or not isinstance(instance, str | dt.date):
        raise ValueError(f"not a date: {instance!r}")
    DateSpec.parse(instance)
    return True


@_FORMATS.checks("day", raises=ValueError)
def _day(instance: object) -> bool:
    if isinstance(instance, BadDate):
        raise ValueError(f"not a date: {str(instance)!r} ({instance.reason})")
    if not _is_date(None, instance):
        raise ValueError(f"not a date YYYY-MM-DD: {instance!r}")
    return True


@functools.cache
def _validator(kind: str) -> jsonschema.protocols.Validator:
    registry, schemas = _registry()
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine("date", _is_date)
    cls = jsonschema.validators.extend(base, type_checker=checker)
    return cls(schemas[kind], registry=registry, format_checker=_FORMATS)


_TYPE_NAMES = {
    "string": "a string",
    "object": "a mapping",
    "array": "a list",
    "boolean": "a boolean (true or false)",
    "integer": "an integer",
    "number": "a number",
    "null": "null",
}


def field_name(path: tuple | list) -> str:
    """A data path as a field name: ``editions[0].sources.kk.sha256``.

    >>> field_name(("editions", 0, "sources", "kk"))
    'editions[0].sources.kk'
    """
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def line_at(lines: Lines, path: tuple | list) -> int:
    """The line of a field, or of its nearest ancestor that has one."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get((), 1)


def _message(err: jsonschema.ValidationError) -> tuple[tuple, str]:
    """(path of the field concerned, message) of one schema error."""
    path = tuple(err.absolute_path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    inst = err.instance
    if err.validator == "required":
        missing = [r for r in err.validator_value if not isinstance(inst, dict) or r not in inst]
        return (*path, missing[0]), "missing (required)"
    if err.validator == "additionalProperties":
        extra = sorted(str(k) for k in inst if k not in schema.get("properties", {}))
        extra = [k for k in extra if not _pattern_allows(schema, k)]
        return (*path, extra[0]), "unknown field"
    if err.validator == "format":
        return path, str(err.cause) if err.cause else f"not a {err.validator_value}"
    if "x-message" in schema and err.validator in ("oneOf", "anyOf", "not"):
        return path, schema["x-message"]
    if "x-message" in schema and isinstance(inst, str):
        return path, f"{schema['x-message']}: {inst!r}"
    if err.validator == "type":
        want = err.validator_value
        names = [want] if isinstance(want, str) else want
        shown = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        return path, f"must be {shown}, not {_shown(inst)}"
    if err.validator == "enum":
        return path, f"{inst!r} is not one of {', '.join(map(str, err.validator_value))}"
    if err.validator == "const":
        return path, f"must be {err.validator_value!r}, not {inst!r}"
    if err.validator == "pattern":
        return path, f"{inst!r} does not match {err.validator_value}"
    if err.validator in ("minProperties", "minItems"):
        return path, "must not be empty"
    if err.validator == "minLength":
        return path, "must not be empty"
    return path, err.message


def _pattern_allows(schema: dict, key: str) -> bool:
    return any(re.search(p, key) for p in schema.get("patternProperties", {}))


def _shown(inst: object) -> str:
    if inst is None:
        return "null"
    if isinstance(inst, bool):
        return f"the boolean {str(inst).lower()}"
    if isinstance(inst, dict):
        return "a mapping"
    if isinstance(inst, list):
        return "a list"
    if isinstance(inst, str):
        return repr(str(inst))
    if isinstance(inst, dt.date):
        return f"the date {inst.isoformat()}"
    return repr(inst)


def _leaves(err: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """The most specific errors: into oneOf/anyOf, the branch that went deepest."""
    if err.validator in ("anyOf", "oneOf") and err.context and "x-message" not in err.schema:
        best = jsonschema.exceptions.best_match(err.context)
        return _leaves(best) if best is not None else [err]
    return [err]


def validate(data: object, lines: Lines, kind: str, path: str | Path) -> list[str]:
    """Schema errors of one file's data: «file:line: field: message», in line order."""
    out: dict[str, tuple[int, str]] = {}
    for err in _validator(kind).iter_errors(data):
        for leaf in _leaves(err):
            where, msg = _message(leaf)
            line = line_at(lines, where)
            text = f"{path}:{line}: {field_name(where)}: {msg}"
            out.setdefault(text, (line, text))
    return [text for _, text in sorted(out.values())]


def check_file(path: Path, kind: str) -> tuple[object, Lines, list[str]]:
    """Read and validate one YAML file: (data, lines, errors); data is None when unreadable."""
    try:
        data, lines = load_file(path)
    except YamlError as e:
        return None, {}, [str(e)]
    return data, lines, validate(data, lines, kind, path)
