"""Numbers, money and dates written the way each language writes them (through Babel).

nb: 1 234 567 kr · 30. juni 2027      en: NOK 1,234,567 · 30 June 2027
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB", "sv": "sv_SE", "da": "da_DK", "de": "de_DE", "fr": "fr_FR"}
# How each language writes a currency amount; {n} is the formatted number.
_CURRENCY_PATTERN = {"nb": "{n} {sym}", "nn": "{n} {sym}", "sv": "{n} {sym}", "da": "{n} {sym}"}
_LOCAL_SYMBOL = {("NOK", "nb"): "kr", ("NOK", "nn"): "kr", ("SEK", "sv"): "kr", ("DKK", "da"): "kr"}


# A plan language Babel has no locale for (Kven, Romani, …) is written like its nearest known one,
# else like English; `unknown_locales` lets the command line say so once.
_CLOSEST = {"fkv": "fi"}  # Kven is written with Finnish conventions (numbers, dates)
FALLBACK = "en_GB"


@lru_cache(maxsize=None)
def locale_of(lang: str) -> str:
    code = _LOCALES.get(lang, lang)
    for candidate in (code, _CLOSEST.get(lang)):
        if candidate:
            try:
                Locale.parse(candidate)
                return candidate
            except (UnknownLocaleError, ValueError, TypeError):
                continue
    return FALLBACK


def unknown_locales(languages) -> dict[str, str]:
    """{language: the locale used instead} for languages Babel does not know."""
    return {lang: locale_of(lang) for lang in languages if locale_of(lang) != _LOCALES.get(lang, lang)}


@lru_cache(maxsize=65536)  # Babel is slow and a big plan formats the same values often
def number(value: float, lang: str, decimals: int = 0) -> str:
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=fmt, locale=locale_of(lang))


@lru_cache(maxsize=65536)
def plain_number(value: float, lang: str) -> str:
    """A measured value: whole numbers without decimals, others with up to two."""
    if float(value).is_integer():
        return number(value, lang)
    return format_decimal(value, format="#,##0.##", locale=locale_of(lang))


def currency_symbol(currency: str, lang: str) -> str:
    """How a language names the currency beside a number: 'kr' in Norwegian, else the ISO code."""
    return _LOCAL_SYMBOL.get((currency, lang), currency)


@lru_cache(maxsize=65536)
def money(amount: float, lang: str, currency: str) -> str:
    n = number(round(amount), lang)
    sym = currency_symbol(currency, lang)
    pattern = _CURRENCY_PATTERN.get(lang, "{sym} {n}")
    return pattern.format(n=n, sym=sym).replace(" ", "\u00a0")


@lru_cache(maxsize=65536)
def millions(amount: float, lang: str, currency: str) -> str:
    """Large sums in millions with one decimal: '37,5 mill. kr' / 'NOK 37.5 million'."""
    n = format_decimal(amount / 1_000_000, format="#,##0.0", locale=locale_of(lang))
    if lang in ("nb", "nn"):
        sym = currency_symbol(currency, lang)
        return f"{n}\u00a0mill.\u00a0{sym}"
    return f"{currency}\u00a0{n}\u00a0million"


@lru_cache(maxsize=65536)
def date(value: dt.date, lang: str) -> str:
    return _babel_date(value, "d. MMMM y" if lang in ("nb", "nn", "da") else "d MMMM y", locale=locale_of(lang))


@lru_cache(maxsize=65536)
def short_date(value: dt.date, lang: str) -> str:
    return _babel_date(value, "dd.MM.y" if lang in ("nb", "nn", "da", "de") else "d MMM y", locale=locale_of(lang))
