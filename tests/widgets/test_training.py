"""The `training` widget: SGD on the four people of "From scratch", played frame by frame."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
from nnpress.params import ParamError
from nnpress.widgets import create
from nnpress.widgets.training import TrainingRun


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def reference_run(seed: int, epochs: int, lr: float = 0.1) -> list[float]:
    """The post's training loop, written out by hand: per-sample SGD on (1 - y)^2 ...,
    loss = MSE over all four people after each epoch. Starting weights are the engine's
    N(0, 1) draws for that seed (w1 (2, 2), b1 (2,), w2 (1, 2), b2 (1,), in that order)."""
    rng = np.random.default_rng(seed)
    w1, b1 = rng.standard_normal((2, 2)), rng.standard_normal(2)
    w2, b2 = rng.standard_normal((1, 2)), rng.standard_normal(1)
    data = np.array([[-2, -1], [25, 6], [17, 4], [-15, -6]], dtype=float)
    truth = np.array([1, 0, 0, 1], dtype=float)

    def mse():
        h = sigmoid(data @ w1.T + b1)
        return float(np.mean((sigmoid(h @ w2.T + b2)[:, 0] - truth) ** 2))

    history = [mse()]
    for _ in range(epochs):
        for x, y in zip(data, truth, strict=True):
            h = sigmoid(w1 @ x + b1)  # (2,)
            o = sigmoid(w2 @ h + b2)[0]
            d_o = -2 * (y - o) * o * (1 - o)  # dL/dz of the output neuron
            d_h = d_o * w2[0] * h * (1 - h)  # dL/dz of each hidden neuron
            w2 -= lr * d_o * h[None, :]
            b2 -= lr * d_o
            w1 -= lr * np.outer(d_h, x)
            b1 -= lr * d_h
        history.append(mse())
    return history


def widget(**params) -> TrainingRun:
    return create("training", params)


def play_to_end(w: TrainingRun) -> int:
    w.on("play", None)
    frames = 0
    while w.playing:
        w.handle("__tick__", None)
        frames += 1
    return frames


def test_initial_render_shows_epoch_0_and_the_untrained_predictions():
    html = widget().render_html("nn-training-1")
    assert '<output class="tr-epoch">0</output> of 1000' in html
    assert '<output class="nn-result tr-loss">0.2731</output>' in html
    assert 'aria-pressed="false" data-control="play" disabled data-wait>Play</button>' in html
    assert 'aria-label="Loss over epochs: 0.2731 after epoch 0 of 1000"' in html
    rows = re.findall(r'<th scope="row">(\w[\w ]*)</th>', html)
    assert rows == ["Emily", "Frank", "Your person"]
    assert html == widget().render_html("nn-training-1")  # deterministic bytes


def test_the_loss_history_matches_a_hand_written_sgd_loop():
    w = widget(epochs=200)
    play_to_end(w)
    assert w.history == pytest.approx(reference_run(3, 200), rel=1e-9, abs=1e-12)


def test_a_full_run_falls_toward_0_and_predicts_emily_f_and_frank_m():
    w = widget()
    frames = play_to_end(w)
    assert w.epoch == 1000 and not w.playing
    assert frames == 143  # 7 epochs a frame: ~2.4 s at 60 frames per second
    assert w.history[0] == pytest.approx(0.2731, abs=1e-4)
    assert w.history[-1] < 0.003
    assert w.history[100] < w.history[0] and w.history[500] < w.history[100]
    emily, frank, _ = w.predictions()
    assert emily == pytest.approx(0.95, abs=0.01)  # the post: about 0.951, F
    assert frank == pytest.approx(0.04, abs=0.01)  # the post: about 0.039, M
    people = w.slots()["people"]
    assert '<td class="tr-p">0.949</td><td class="tr-guess tr-F">F</td>' in people
    assert '<td class="tr-p">0.040</td><td class="tr-guess tr-M">M</td>' in people
    assert "epoch 1000 of 1000" in w.slots()["chart"]
    assert w.announce().startswith("Epoch 1000 of 1000, loss 0.0024.")


def test_play_swaps_the_button_and_each_frame_runs_epochs_per_frame_epochs():
    w = widget(epochs_per_frame=5)
    w.on("play", None)
    play = w.controls()[0]
    assert (play.label, play.pressed) == ("Pause", True)
    assert w.announce() == "Training\u2026"  # no chatter for screen readers while playing
    w.handle("__tick__", None)
    w.handle("__tick__", None)
    assert w.epoch == 10
    w.on("play", None)
    assert not w.playing and w.controls()[0].label == "Play"
    w.handle("__tick__", None)  # a tick that arrives after Pause does nothing
    assert w.epoch == 10


def test_step_runs_one_epoch_and_the_curve_grows():
    w = widget()
    before = w.slots()["chart"]
    w.on("step", None)
    assert w.epoch == 1
    assert w.history[1] == pytest.approx(reference_run(3, 1)[1])
    after = w.slots()["chart"]
    assert after != before
    assert len(re.search(r'points="([^"]*)"', after)[1].split()) == 2


def test_reset_replays_the_same_run():
    w = widget()
    first = w.state_payload()
    for _ in range(30):
        w.on("step", None)
    assert w.state_payload()["slots"] != first["slots"]
    w.on("reset", None)
    assert w.epoch == 0 and w.state_payload() == first
    for _ in range(30):
        w.on("step", None)
    assert w.history == pytest.approx(reference_run(3, 30))


def test_the_run_stops_at_epochs_and_play_then_starts_over():
    w = widget(epochs=20, epochs_per_frame=7)
    assert play_to_end(w) == 3 and w.epoch == 20
    assert not w.controls()[1].enabled  # nothing left to step
    w.on("step", None)
    assert w.epoch == 20
    w.on("play", None)
    assert w.playing and w.epoch == 0


def test_the_sliders_ask_about_a_person_of_your_own():
    w = widget()
    play_to_end(w)
    w.on("weight", -7)
    w.on("height", -3)
    emily, _, own = w.predictions()
    assert own == emily
    assert "<td>\u22127</td><td>\u22123</td><td class=\"tr-p\">0.949</td>" in w.slots()["people"]
    assert w.announce().endswith("your person (-7, -3) 0.949")
    w.on("weight", 99.4)  # out of range: clamped to the slider's end
    assert w.person == [40.0, -3.0]
    assert [c.value for c in w.controls()[3:]] == [40.0, -3.0]


@pytest.mark.parametrize(
    "params, key",
    [
        ({"learning_rate": 0}, "learning_rate"),
        ({"learning_rate": "fast"}, "learning_rate"),
        ({"epochs": 0}, "epochs"),
        ({"epochs": 2.5}, "epochs"),
        ({"epochs_per_frame": 0}, "epochs_per_frame"),
        ({"seed": -1}, "seed"),
        ({"hidden": 3}, "hidden"),
    ],
)
def test_bad_parameters_name_their_key(params, key):
    with pytest.raises(ParamError) as err:
        widget(**params)
    assert err.value.key == key


def test_a_frame_renders_well_within_a_16_ms_budget():
    w = widget()
    w.on("play", None)
    started = time.perf_counter()
    for _ in range(50):
        w.handle("__tick__", None)
        w.state_payload()
    per_frame = (time.perf_counter() - started) / 50
    assert per_frame < 0.016, f"{per_frame * 1e3:.1f} ms per frame"
