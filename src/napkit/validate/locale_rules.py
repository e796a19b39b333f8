"""The plan's own interface catalogs (plan/locale/<lang>.po) and how much of the interface each
plan language has: NAP420 (texts that fall back to English), NAP421 (a .po that cannot be read),
NAP422 (a translation whose {placeholders} differ from the English text)."""

from __future__ import annotations

from .. import locale
from ..findings import Finding, Pos, make
from ..load.trees import Tree


def plan_catalogs(tree: Tree) -> tuple[dict[str, locale.Catalog], list[Finding]]:
    """Every plan/locale/<lang>.po of the tree, compiled; a file that cannot be read is NAP421."""
    found: dict[str, locale.Catalog] = {}
    findings: list[Finding] = []
    prefix = locale.PLAN_LOCALE_DIR + "/"
    for path in sorted(p for p in tree.files() if p.startswith(prefix) and p.endswith(".po")):
        lang = path[len(prefix):-3]
        if "/" in lang:
            continue
        try:
            found[lang] = locale.compile_po(tree.read(path), lang, path)
        except locale.CatalogError as exc:
            findings.append(make("NAP421", Pos(path, exc.line), f"cannot read the catalog: {exc}",
                                 "It must be a gettext .po file (UTF-8); `nap init --languages xx` writes one."))
        except OSError as exc:
            findings.append(make("NAP421", Pos(path), f"cannot read the catalog: {exc}"))
    return found, findings


def check_locales(languages: tuple[str, ...], catalogs: dict[str, locale.Catalog]) -> list[Finding]:
    out: list[Finding] = []
    for lang, cat in sorted(catalogs.items()):
        for key, value in cat.messages.items():
            msgid = key.split(locale.CTX_SEP)[-1]
            forms = value if isinstance(value, tuple) else (value,)
            for form in forms:
                if form and not locale.placeholders(form) <= locale.placeholders(msgid) | {"n"}:
                    out.append(make("NAP422", Pos(str(cat.path or locale.plan_po(lang))),
                                    f"the translation of {msgid!r} has placeholders the English text does not "
                                    f"have: {form!r}", "Keep the {names} of the msgid; the English text is "
                                    "shown instead."))
    total = len(locale.template().entries)
    for lang in languages:
        missing = locale.untranslated(lang)
        if missing:
            shown = ", ".join(repr(m if len(m) <= 40 else m[:39] + "…") for m in missing[:3])
            shown += ", …" if len(missing) > 3 else ""
            out.append(make("NAP420", Pos(locale.plan_po(lang)),
                            f"{len(missing)} of {total} interface texts have no '{lang}' translation and are "
                            f"shown in English: {shown}",
                            f"Translate them in {locale.plan_po(lang)} (msgid = the English text); "
                            f"`nap init --languages {lang}` writes a starter catalog with every msgid."))
    return out
