"""Emergency numbers by country (ISO 3166 alpha-2). 112 is the default: it works
across the EU and on most mobile networks, and many other countries route it."""

DEFAULT = "112"

EMERGENCY_NUMBERS = {
    "US": "911", "CA": "911", "MX": "911", "AR": "911", "PH": "911",
    "GB": "999", "IE": "112", "HK": "999", "MY": "999", "SG": "995",
    "AU": "000", "NZ": "111",
    "JP": "119", "KR": "119", "TW": "119", "CN": "120",
    "IN": "112", "ZA": "112", "BR": "192", "IL": "101",
    "CH": "144", "NO": "113", "IS": "112", "TR": "112",
}


def emergency_number(country: str | None) -> str:
    return EMERGENCY_NUMBERS.get(country or "", DEFAULT)
