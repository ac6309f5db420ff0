"""Stages of an application and the kinds of event on its timeline."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    WISHLIST = "wishlist"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"

    @property
    def is_active(self) -> bool:
        return self in ACTIVE_STAGES

    @property
    def is_closed(self) -> bool:
        return self in CLOSED_STAGES


ACTIVE_STAGES: tuple[Stage, ...] = (
    Stage.WISHLIST,
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEWING,
    Stage.OFFER,
)
CLOSED_STAGES: tuple[Stage, ...] = (
    Stage.ACCEPTED,
    Stage.REJECTED,
    Stage.WITHDRAWN,
    Stage.GHOSTED,
)
ALL_STAGES: tuple[Stage, ...] = ACTIVE_STAGES + CLOSED_STAGES

# Stages in which the candidate waits on the employer, so follow-ups and ghosting apply.
WAITING_STAGES = frozenset({Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING})
# Reaching one of these stages means the employer got in touch.
EMPLOYER_CONTACT_STAGES = frozenset({Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER})


class EventKind(StrEnum):
    APPLIED = "applied"
    INTERVIEW = "interview"
    THANK_YOU = "thank-you"
    FOLLOW_UP = "follow-up"
    RESPONSE = "response"
    OFFER = "offer"
    STAGE = "stage"
    NOTE = "note"


class ItemKind(StrEnum):
    """What the rules of SPEC §4 open on an application (and what a snooze can hide)."""

    INTERVIEW = "interview"
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    LIKELY_GHOSTED = "likely_ghosted"
    OFFER_DEADLINE = "offer_deadline"

    @property
    def spelled(self) -> str:
        """As people write it, on the command line and in forms: `follow-up`."""
        return self.value.replace("_", "-")


def parse_item_kind(text: str) -> ItemKind:
    """An item kind as people type it: `follow-up`, `follow_up` and `Follow up` alike."""
    wanted = "_".join(text.strip().lower().replace("-", " ").split())
    try:
        return ItemKind(wanted)
    except ValueError:
        choices = ", ".join(kind.spelled for kind in ItemKind)
        raise ValueError(f"unknown item {text!r} (choose from {choices})") from None


# Events that are, by themselves, contact with the employer.
CONTACT_EVENT_KINDS = frozenset(
    {EventKind.APPLIED, EventKind.INTERVIEW, EventKind.RESPONSE, EventKind.OFFER}
)


def parse_stage(text: str) -> Stage:
    """The stage named by `text` (any case), or ValueError naming the choices."""
    try:
        return Stage(text.strip().lower())
    except ValueError:
        choices = ", ".join(ALL_STAGES)
        raise ValueError(f"unknown stage {text!r} (choose from {choices})") from None


def parse_event_kind(text: str) -> EventKind:
    """The event kind named by `text` (any case; `thank_you` also works)."""
    try:
        return EventKind(text.strip().lower().replace("_", "-"))
    except ValueError:
        choices = ", ".join(EventKind)
        raise ValueError(f"unknown event kind {text!r} (choose from {choices})") from None


def is_forward_move(previous: Stage | None, target: Stage) -> bool:
    """Whether moving from `previous` to `target` goes forward in the pipeline.

    Entering the pipeline (no previous stage) and reopening a closed card both count
    as forward: either way the employer has just been heard from, or the card is new.
    """
    if target.is_closed:
        return False
    if previous is None or previous.is_closed:
        return True
    return ACTIVE_STAGES.index(target) > ACTIVE_STAGES.index(previous)


def next_active_stage(stage: Stage) -> Stage | None:
    """The active stage after `stage` on the board, or None at the last column."""
    if stage.is_closed:
        return None
    index = ACTIVE_STAGES.index(stage)
    return ACTIVE_STAGES[index + 1] if index + 1 < len(ACTIVE_STAGES) else None


def previous_active_stage(stage: Stage) -> Stage | None:
    """The active stage before `stage` on the board, or None at the first column."""
    if stage.is_closed:
        return None
    index = ACTIVE_STAGES.index(stage)
    return ACTIVE_STAGES[index - 1] if index > 0 else None
