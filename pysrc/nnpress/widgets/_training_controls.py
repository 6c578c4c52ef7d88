"""Play / Pause, Step and Reset for a widget that trains a network while the reader watches.

`RunLoop` is a mixin: the widget says how to start over (`restart`), how to train
(`advance(epochs)`) and when to stop (`finished`); the mixin owns the buttons, the
`playing` flag and the per-frame ticks. Reset rebuilds from the same seed, so a run
replays exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..controls import Button, Count
from ..i18n import t


@dataclass
class IconButton(Button):
    """A button whose visible text is terse ("+", "−") but whose name is spoken in full."""

    spoken: str = ""

    def html(self) -> str:
        return super().html().replace(
            "<button ", f'<button aria-label="{escape(self.spoken)}" ', 1
        )


def step_buttons(name: str, spoken: str, value: int, lo: int, hi: int) -> list[Button | Count]:
    """A "−" and a "+" button (controls `<name>_down`, `<name>_up`) moving a count in [lo, hi],
    and the count itself (control `<name>`, hidden), which a state link carries.

    Two control names, not one name with two values: the page updates every element of a
    control name with that control's state (label, enabled).
    """
    return [
        IconButton(f"{name}_down", "\u2212", enabled=value > lo,
                   spoken=t("{name}: one fewer", name=spoken)),
        IconButton(f"{name}_up", "+", enabled=value < hi,
                   spoken=t("{name}: one more", name=spoken)),
        Count(name, value, lo, hi),
    ]


def parse_count(value, lo: int, hi: int) -> int | None:
    """A count a state link sets (`Count`): a whole number in [lo, hi], else None."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() and lo <= number <= hi else None


class RunLoop:
    """Shared by every widget whose figure trains live (mix in before Widget)."""

    playing: bool = False
    epochs_per_frame: int = 1

    # --- what a training widget provides ----------------------------------------------
    def restart(self) -> None:
        """Back to epoch 0 with the seeded starting weights."""
        raise NotImplementedError

    def advance(self, epochs: int) -> None:
        """Train this many epochs (fewer if the run ends first)."""
        raise NotImplementedError

    @property
    def finished(self) -> bool:
        return False

    # --- the buttons and what they do ---------------------------------------------------
    def run_controls(self) -> list[Button]:
        return [
            Button("play", t("Pause" if self.playing else "Play"), pressed=self.playing),
            Button("step", t("Step"), enabled=not self.finished),
            Button("reset", t("Reset")),
        ]

    def on_run(self, control: str) -> bool:
        """Handle play/step/reset; False if `control` is something else."""
        if control == "play":
            if not self.playing and self.finished:
                self.restart()  # Play after the end replays the run
            self.playing = not self.playing
        elif control == "step":
            self.playing = False
            if not self.finished:
                self.advance(1)
        elif control == "reset":
            self.playing = False
            self.restart()
        else:
            return False
        return True

    def tick(self) -> None:
        self.advance(self.epochs_per_frame)
        if self.finished:
            self.playing = False

