"""The user's settings: where they live (for holidays) and the rules' thresholds."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any

from searchboard.domain.dates import parse_date_list


@dataclass(frozen=True)
class Settings:
    country: str = "US"
    subdiv: str | None = None
    days_off: tuple[date, ...] = ()
    keep_applying: bool = True
    weekly_goal: int = 5
    thank_you_days: int = 1
    follow_up_days_after_applied: int = 10
    follow_up_days_after_contact: int = 7
    ghost_days_after_follow_up: int = 10
    ghost_days_silent: int = 30

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["days_off"] = [day.isoformat() for day in self.days_off]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from stored data; unknown keys are ignored, bad values refused."""
        settings = cls()
        for key in SETTING_KEYS:
            if key in data and data[key] is not None:
                value = data[key]
                if key == "days_off" and isinstance(value, list):
                    value = ",".join(str(v) for v in value)
                settings = settings.with_value(key, format_value(value))
        return settings

    def with_value(self, key: str, text: str) -> Settings:
        """A copy with `key` set from the text a user typed; ValueError when it is bad."""
        return replace(self, **{key: parse_setting(key, text)})

    def display(self, key: str) -> str:
        return format_value(getattr(self, key))


SETTING_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Settings))

SETTING_HELP: dict[str, str] = {
    "country": "ISO code of the country whose public holidays are skipped (US, GB, DE…)",
    "subdiv": "state or region code within the country (CA, BY…); empty for none",
    "days_off": "your own days off, comma-separated YYYY-MM-DD dates",
    "keep_applying": "show the weekly goal of new applications: on or off",
    "weekly_goal": "new applications to send each week",
    "thank_you_days": "business days after an interview to send a thank-you note",
    "follow_up_days_after_applied": "business days of silence after applying before a follow-up",
    "follow_up_days_after_contact": "business days after the last contact before a follow-up",
    "ghost_days_after_follow_up": "business days after a follow-up before it is likely ghosted",
    "ghost_days_silent": "business days of silence before it is likely ghosted",
}

_COUNTS = {
    "weekly_goal",
    "thank_you_days",
    "follow_up_days_after_applied",
    "follow_up_days_after_contact",
    "ghost_days_after_follow_up",
    "ghost_days_silent",
}


def parse_setting(key: str, text: str) -> Any:
    """The value of setting `key` read from `text`, or ValueError naming the problem."""
    if key not in SETTING_KEYS:
        raise ValueError(f"unknown setting {key!r} (choose from {', '.join(SETTING_KEYS)})")
    text = text.strip()
    if key == "country":
        if not re.fullmatch(r"[A-Za-z]{2,3}", text):
            raise ValueError(f"country {text!r} is not an ISO code such as US, GB or DE")
        return text.upper()
    if key == "subdiv":
        if text.lower() in ("", "none", "-"):
            return None
        if not re.fullmatch(r"[A-Za-z0-9-]{1,10}", text):
            raise ValueError(f"subdiv {text!r} is not a subdivision code such as CA or BY")
        return text.upper()
    if key == "days_off":
        return parse_date_list(text)
    if key == "keep_applying":
        lowered = text.lower()
        if lowered in ("on", "true", "yes", "1"):
            return True
        if lowered in ("off", "false", "no", "0"):
            return False
        raise ValueError(f"keep_applying must be on or off, not {text!r}")
    if key in _COUNTS:
        try:
            number = int(text)
        except ValueError:
            raise ValueError(f"{key} must be a whole number, not {text!r}") from None
        if not 1 <= number <= 365:
            raise ValueError(f"{key} must be between 1 and 365, not {number}")
        return number
    raise AssertionError(key)  # every key is handled above


def format_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, tuple | list):
        return ",".join(v.isoformat() if isinstance(v, date) else str(v) for v in value)
    return str(value)
