"""The settings form: each value is checked as the command line checks it."""

from __future__ import annotations

from typing import Any

from searchboard.domain.settings import SETTING_HELP, SETTING_KEYS, Settings, parse_setting
from searchboard.ui.forms import Field, FormScreen


def settings_form(settings: Settings) -> FormScreen:
    fields = [
        Field(key, f"{key} — {SETTING_HELP[key]}", value=settings.display(key))
        for key in SETTING_KEYS
    ]

    def validate(values: dict[str, str]) -> dict[str, str]:
        changed: dict[str, str] = {}
        parsed: dict[str, Any] = {}
        for key in SETTING_KEYS:
            parsed[key] = parse_setting(key, values[key])  # ValueError names the setting
            if values[key].strip() != settings.display(key):
                changed[key] = values[key]
        if "country" in changed or "subdiv" in changed:
            from searchboard.holiday_source import UnknownRegion, check_region

            try:
                check_region(parsed["country"], parsed["subdiv"])
            except UnknownRegion as error:
                raise ValueError(str(error)) from None
        # The country first: setting it clears a subdivision that belonged to the old one.
        return dict(sorted(changed.items(), key=lambda item: item[0] != "country"))

    return FormScreen("Settings", fields, validate, hint="enter saves · escape cancels")
