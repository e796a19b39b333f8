"""Check each document against the JSON Schema of its kind; turn errors into positioned findings."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any, Iterator

import jsonschema
from jsonschema.exceptions import ValidationError

from ..findings import Finding, Pos, make
from ..load.yaml_doc import Document

SCHEMA_FILES = {
    "plan": "plan.schema.json",
    "agencies": "agencies.schema.json",
    "indicators": "indicators.schema.json",
    "recommendations": "recommendations.schema.json",
    "measure": "measure.schema.json",
    "progress": "progress.schema.json",
    "consultation": "consultation.schema.json",
}


def load_schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("napkit.data").joinpath("schemas", name).read_text("utf-8"))


def _is_date(value: object) -> bool:
    import datetime as dt

    if not isinstance(value, str):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@cache
def fast_validator(kind: str):
    """A compiled validator (fastjsonschema) that only says valid / not valid, ~20× faster than
    jsonschema. Files it rejects are validated again by jsonschema for positioned findings."""
    import fastjsonschema

    return fastjsonschema.compile(load_schema(SCHEMA_FILES[kind]), formats={"date": _is_date})


def _full_pattern(validator, pattern, instance, schema):
    """`pattern` as editors (ECMA-262) and fastjsonschema read it: a final `$` is the end of the
    text. Python's re.search lets `$` match before a final newline, so "KOM\\n" would pass."""
    if validator.is_type(instance, "string"):
        anchored = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
        if not re.search(anchored, instance):
            yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": _full_pattern})


@cache
def validator(kind: str) -> jsonschema.Draft7Validator:
    # Built once per kind: building is far slower than validating.
    return _Validator(load_schema(SCHEMA_FILES[kind]), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def check_document(doc: Document) -> tuple[list[Finding], list[tuple]]:
    """The document's findings, and the JSON path of each schema error (so the model builder
    can leave exactly those items out)."""
    findings: list[Finding] = []
    paths: list[tuple] = []
    seen: set[tuple] = set()
    try:
        fast_validator(doc.kind)(doc.data)
        return findings, paths
    except RecursionError:
        pass
    except Exception:  # fastjsonschema.JsonSchemaException: find out exactly what and where, below
        pass
    try:
        for error in validator(doc.kind).iter_errors(doc.data):
            paths.extend(_error_paths(error))
            for f in _findings(doc, error):
                # one finding per place and code (a bad date breaks both 'pattern' and 'format')
                if (f.pos, f.code) not in seen:
                    seen.add((f.pos, f.code))
                    findings.append(f)
    except RecursionError:
        return [make("NAP005", Pos(doc.file, 1, 1), "the document nests too deeply to be checked")], [()]
    return findings, paths


def _error_paths(error: ValidationError) -> list[tuple]:
    """Where the error is, down to the missing or unknown key itself, so that the model builder
    can stand in for exactly that field (model/repair.py) and judge the rest of the file."""
    path = tuple(error.absolute_path)
    if error.validator == "required" and "'" in error.message:
        return [path + (error.message.split("'")[1],)]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        return [path + (k,) for k in error.instance if k not in allowed] or [path]
    return [path]


def _where(error: ValidationError) -> str:
    return ".".join(str(p) for p in error.absolute_path) or "(top level)"


def _findings(doc: Document, error: ValidationError) -> Iterator[Finding]:
    path = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        yield make("NAP101", doc.locate(path, key=bool(path)), f"missing '{missing}' in {_where(error)}")
    elif kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        for extra in sorted(k for k in value if k not in allowed):
            hint = _close(extra, allowed)
            yield make("NAP102", doc.locate(path + (extra,), key=True),
                       f"unknown property '{extra}' in {_where(error)}" + (f" (did you mean '{hint}'?)" if hint else ""))
    elif kind == "propertyNames":
        # only localised texts constrain property names: a language code is expected
        bad = [k for k in value if not isinstance(k, str) or not k.isalpha() or not 2 <= len(k) <= 3]
        for k in bad:
            yield make("NAP104", doc.locate(path + (k,), key=True),
                       f"'{k}' in {_where(error)} is not a language code such as 'nb' or 'en'")
    elif kind == "oneOf" and error.schema.get("description", "").startswith("Localised text"):
        bad = [(k, v) for k, v in value.items() if not isinstance(v, str) or not v] if isinstance(value, dict) else []
        if bad:
            for lang, v in bad:
                yield make("NAP103", doc.locate(path + (lang,)),
                           f"{_where(error)}.{lang} must be a text, got {_describe(v)}"
                           + (" (put it in quotes to keep it as written)" if isinstance(v, (int, float, bool)) else ""))
        else:
            yield make("NAP103", doc.locate(path), f"{_where(error)} must be a text, or one text per language "
                       f"({{nb: ..., en: ...}}); got {_describe(value)}")
    elif kind == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        yield make("NAP103", doc.locate(path), f"{_where(error)} must be {_article(expected)}, got {_describe(value)}")
    elif kind == "pattern" and path and path[-1] == "id" and isinstance(value, str) and _unsafe(value):
        yield make("NAP203", doc.locate(path), f"id '{value}' contains a path separator or '..'")
    elif kind in ("enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "const", "format"):
        yield make("NAP104", doc.locate(path), f"{_where(error)}: {_value_message(error)}")
    else:
        yield make("NAP105", doc.locate(path), f"{_where(error)}: {error.message}")


def _unsafe(value: str) -> bool:
    return "/" in value or "\\" in value or ".." in value


def _value_message(error: ValidationError) -> str:
    v = error.instance
    shown = repr(v) if not isinstance(v, str) or len(v) < 60 else repr(v[:57] + "...")
    if error.validator == "enum":
        return f"{shown} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "pattern":
        p = error.validator_value
        if "[0-9]{4}-" in p:
            return f"{shown} is not a date YYYY-MM-DD"
        if p.startswith("^[A-Za-z0-9]"):
            return f"{shown} is not a valid id (letters, digits, '-', '_', '.')"
        if p == "^[A-Z]{3}$":
            return f"{shown} is not an ISO 4217 currency code such as NOK"
        if p.startswith("^https"):
            return f"{shown} must be an https:// address"
        return f"{shown} does not match {p}"
    if error.validator == "minimum":
        return f"{shown} is less than {error.validator_value}"
    if error.validator == "maximum":
        return f"{shown} is more than {error.validator_value}"
    if error.validator == "format" and error.validator_value == "date":
        return f"{shown} is not a valid date YYYY-MM-DD"
    if error.validator == "minLength":
        return "must not be empty"
    return error.message


def _article(word: str) -> str:
    return {"object": "a mapping", "array": "a list", "string": "a text", "integer": "a whole number",
            "number": "a number", "boolean": "true or false"}.get(word, f"a {word}")


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return f"{type(value).__name__} {value!r}"


def _close(word: str, options: set[str]) -> str | None:
    import difflib

    hits = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.7)
    return hits[0] if hits else None
