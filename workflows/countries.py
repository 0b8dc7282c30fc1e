"""Countries of Erasmus+ partner schools: ISO codes with their Bokmål and English names."""

from __future__ import annotations

from workflows.errors import UnknownCountry

# Programme countries of Erasmus+ 2014-2020 and 2021-2027 (EU members, EEA, candidates) and the UK.
COUNTRIES: dict[str, tuple[str, str]] = {
    "AT": ("Østerrike", "Austria"),
    "BE": ("Belgia", "Belgium"),
    "BG": ("Bulgaria", "Bulgaria"),
    "CY": ("Kypros", "Cyprus"),
    "CZ": ("Tsjekkia", "Czechia"),
    "DE": ("Tyskland", "Germany"),
    "DK": ("Danmark", "Denmark"),
    "EE": ("Estland", "Estonia"),
    "ES": ("Spania", "Spain"),
    "FI": ("Finland", "Finland"),
    "FR": ("Frankrike", "France"),
    "GR": ("Hellas", "Greece"),
    "HR": ("Kroatia", "Croatia"),
    "HU": ("Ungarn", "Hungary"),
    "IE": ("Irland", "Ireland"),
    "IS": ("Island", "Iceland"),
    "IT": ("Italia", "Italy"),
    "LI": ("Liechtenstein", "Liechtenstein"),
    "LT": ("Litauen", "Lithuania"),
    "LU": ("Luxembourg", "Luxembourg"),
    "LV": ("Latvia", "Latvia"),
    "MK": ("Nord-Makedonia", "North Macedonia"),
    "MT": ("Malta", "Malta"),
    "NL": ("Nederland", "Netherlands"),
    "NO": ("Norge", "Norway"),
    "PL": ("Polen", "Poland"),
    "PT": ("Portugal", "Portugal"),
    "RO": ("Romania", "Romania"),
    "RS": ("Serbia", "Serbia"),
    "SE": ("Sverige", "Sweden"),
    "SI": ("Slovenia", "Slovenia"),
    "SK": ("Slovakia", "Slovakia"),
    "TR": ("Tyrkia", "Türkiye"),
    "UK": ("Storbritannia", "United Kingdom"),
}
_ALIASES = {"EL": "GR", "GB": "UK", "TURKEY": "TR", "GREECE": "GR", "HOLLAND": "NL", "CZECH REPUBLIC": "CZ"}


def country_code(text: str) -> str:
    """The country code for a code or a Bokmål/English name (case-insensitive).

    Raises:
        UnknownCountry: when it is neither.
    """
    wanted = text.strip().rstrip(".").upper()
    if wanted in COUNTRIES:
        return wanted
    if wanted in _ALIASES:
        return _ALIASES[wanted]
    for code, names in COUNTRIES.items():
        if wanted in (name.upper() for name in names):
            return code
    raise UnknownCountry(text=text.strip())
