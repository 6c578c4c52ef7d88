"""The `playground` widget and its heatmap bitmaps."""

from __future__ import annotations

import re

import numpy as np
import pytest
from nnpress import bitmap
from nnpress.engine import make_dataset
from nnpress.params import ParamError
from nnpress.widgets import _heatmap, create
from nnpress.widgets.playground import GRID, Playground

from .heatmaps import decode_png, layers, painted


def widget(**params) -> Playground:
    return create("playground", params)


def heatmap(w: Playground) -> np.ndarray:
    """The prediction heatmap as the light theme paints it, (GRID, GRID, 3)."""
    return painted(w.slots()["heatmap"], "pg-heat")


def play(w: Playground, frames: int) -> None:
    w.on("play", None)
    for _ in range(frames):
        w.handle("__tick__", None)
    w.on("play", None)


# --- the bitmap writer -----------------------------------------------------------------


def test_png_reads_back_top_row_first():
    rgb = np.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [10, 20, 30]]], np.uint8)
    assert decode_png(bitmap.png_data_uri(rgb)).tolist() == rgb.tolist()


def test_png_writes_grey_and_grey_with_alpha():
    grey = np.array([[0, 128], [255, 7]], np.uint8)
    assert decode_png(bitmap.png_data_uri(grey)).tolist() == grey.tolist()
    pair = np.stack([grey, 255 - grey], axis=-1)
    assert decode_png(bitmap.png_data_uri(pair)).tolist() == pair.tolist()
    assert len(bitmap.png(grey)) < len(bitmap.png(np.stack([grey] * 3, axis=-1)))


def test_grid_points_start_bottom_left_at_pixel_centres():
    g = _heatmap.grid_points(-1, 1, 4)
    assert g.shape == (16, 2)
    assert g[0].tolist() == [-0.75, -0.75] and g[3].tolist() == [0.75, -0.75]
    assert g[-1].tolist() == [0.75, 0.75]


def test_colour_scale_runs_orange_white_blue():
    heat = _heatmap.diverging(np.array([-1.0, 0.0, 1.0, np.nan]), 2)
    svg = _heatmap.paint([(heat, (0, 0, 10, 10))])
    base, masks = layers(svg)
    assert base == "heat-middle" and list(masks) == ["heat-negative", "heat-positive"]
    in_grid_order = {k: v[::-1].ravel().tolist() for k, v in masks.items()}  # bottom row first
    assert in_grid_order == {"heat-negative": [158, 0, 0, 0],  # 62% of 255; NaN -> 0
                             "heat-positive": [0, 0, 158, 0]}
    # with site.css's light colours: 62% of the way from #f7f7f5 to #e0662f, to #2f6fde
    rgb = painted(svg)[::-1].reshape(4, 3).tolist()
    assert rgb == [[233, 157, 122], [247, 247, 245], [123, 163, 231], [247, 247, 245]]


def test_no_heatmap_carries_a_colour():
    """Pixels are grey levels only: every colour comes from the stylesheet."""
    html = widget().render_html("nn-playground-1") + create(
        "gradient-descent", {}).render_html("nn-gradient-descent-2")
    uris = re.findall(r'href="(data:image/png;base64,[^"]+)"', html)
    assert len(uris) == 2 + 2 * (2 + 4 + 4 + 1) + 4  # heatmap, thumbnails, error surface
    assert all(decode_png(uri).ndim == 2 for uri in uris)  # one channel: grey
    assert not re.search(r'<(path|g) class="[^"]*heat[^>]*\b(fill|style)=', html)


# --- the widget ------------------------------------------------------------------------


def test_default_is_a_2_4_4_1_tanh_net_on_200_circle_points():
    w = widget()
    html = w.render_html("nn-playground-1")
    assert html == widget().render_html("nn-playground-1")  # deterministic bytes
    assert 'aria-label="A 2-4-4-1 network;' in html
    assert html.count('class="pg-train') == 100 and html.count('class="pg-test pg-c') == 100
    assert len(re.findall(r'<line class="edge (?:pos|neg)', html)) == 2 * 4 + 4 * 4 + 4
    thumbnails = re.search(r'<mask id="[^"]+">(.*?)</mask>', w.slots()["network"])[1]
    assert thumbnails.count("<image ") == 2 + 4 + 4 + 1  # a thumbnail per node
    assert '<option value="circle" selected>' in html
    assert '<option value="0.3" selected>' in html
    assert '<output class="pg-epoch">0</output>' in html
    assert heatmap(w).shape == (GRID, GRID, 3)
    assert len(set(re.findall(r' id="([^"]+)"', html))) == len(re.findall(r' id="', html))
    X, y = make_dataset("circle", 200, 0.0, seed=0)
    assert np.array_equal(w.train[0], X[:100]) and np.array_equal(w.test[1], y[100:])
    assert 0.6 < w.losses["train"][0] < 0.8  # about ln 2 before training


def test_the_heatmap_is_the_prediction_on_the_grid():
    w = widget()
    play(w, 5)
    p = w.net.predict(_heatmap.grid_points(-1.5, 1.5, GRID))[:, 0]
    t = (2 * p - 1).reshape(GRID, GRID)[::-1]  # the image's top row is y = +1.5
    _, masks = layers(w.slots()["heatmap"], "pg-heat")
    assert np.array_equal(masks["heat-positive"], np.rint(np.maximum(t, 0) * 0.62 * 255))
    assert np.array_equal(masks["heat-negative"], np.rint(np.maximum(-t, 0) * 0.62 * 255))


def test_training_learns_the_circle_blue_inside_orange_outside():
    w = widget()
    before = heatmap(w)
    play(w, 80)
    assert w.epoch == 80
    assert w.losses["train"][-1] < 0.1 < w.losses["train"][0]
    assert w.losses["test"][-1] < 0.1
    img = heatmap(w)
    assert not np.array_equal(img, before)
    centre, corner = img[GRID // 2, GRID // 2], img[0, 0]
    assert centre[2] > centre[0] + 60  # blue: class 1 fills the disc
    assert corner[0] > corner[2] + 60  # orange: class 0 outside
    right = re.search(r"(\d+)% of test points on the right side", w.slots()["heatmap"])
    assert int(right[1]) >= 95
    readout = w.slots()["readout"]
    assert f'train loss <output class="nn-result pg-train-loss">{w.losses["train"][-1]:.3f}' \
        in readout


def test_step_is_one_epoch_and_reset_gives_back_the_first_frame():
    w = widget()
    first = w.state_payload()
    w.on("step", None)
    w.on("step", None)
    assert w.epoch == 2 and not w.playing
    assert w.state_payload()["slots"]["heatmap"] != first["slots"]["heatmap"]
    w.on("reset", None)
    assert w.state_payload() == first
    play(w, 3)
    again = widget()
    play(again, 3)
    assert w.slots() == again.slots()  # same seed, same run


def test_the_shape_is_a_count_a_state_link_can_set():
    w = widget()
    html = w.render_html("nn-playground-1")
    assert re.search(r'<input type="number" hidden min="0" max="4" step="1" value="2" '
                     r'data-control="layers"', html)
    w.on("layers", 3)  # as the page sends a linked value
    w.on("units", 6.0)
    assert w.net.sizes == [2, 6, 6, 6, 1] and w.epoch == 0
    assert {c.name: c.value for c in w.controls() if c.name in ("layers", "units")} == \
        {"layers": 3, "units": 6}
    for control, value in (("layers", 5), ("units", 0), ("units", 2.5), ("layers", "x"),
                           ("units", None)):
        w.on(control, value)  # out of range or not a whole number: left as it is
    assert w.net.sizes == [2, 6, 6, 6, 1]


def test_changing_the_data_redraws_the_points_and_starts_over():
    w = widget()
    play(w, 10)
    points = w.slots()["points"]
    w.on("dataset", "xor")
    assert w.epoch == 0 and w.slots()["points"] != points
    assert "Exclusive or data" in w.slots()["points"]
    w.on("dataset", "moons")  # not an option: ignored
    assert w.dataset == "xor"
    w.on("noise", 0.2)
    assert w.noise == 0.2 and "noise 0.20" in w.slots()["points"]
    w.on("noise", 9)
    assert w.noise == 0.5


def test_shape_buttons_add_and_remove_layers_and_units():
    w = widget()
    w.on("layers_up", None)
    w.on("units_down", None)
    assert w.net.sizes == [2, 3, 3, 3, 1]
    assert "3 hidden layers of 3 units" in w.slots()["shape"]
    for _ in range(6):
        w.on("layers_down", None)
    assert w.net.sizes == [2, 1]
    names = {c.name: c for c in w.controls()}
    assert not names["layers_down"].enabled and names["layers_up"].enabled
    assert 'aria-label="Hidden layers: one fewer"' in names["layers_down"].html()
    for _ in range(10):
        w.on("units_up", None)
    assert w.units == 8 and not {c.name: c for c in w.controls()}["units_up"].enabled


def test_activation_restarts_but_learning_rate_carries_on():
    w = widget()
    play(w, 4)
    w.on("learning_rate", "0.03")
    assert w.learning_rate == 0.03 and w.epoch == 4
    w.on("learning_rate", "0.5")  # not an option: ignored
    assert w.learning_rate == 0.03
    w.on("activation", "relu")
    assert w.net.activations == ["relu", "relu", "sigmoid"] and w.epoch == 0


def test_announce_reads_the_losses_when_paused():
    w = widget()
    assert w.announce() == (
        f"Epoch 0: train loss {w.losses['train'][0]:.3f}, test loss {w.losses['test'][0]:.3f}"
    )
    w.on("play", None)
    assert w.announce() == "Training\u2026"


@pytest.mark.parametrize(
    "params, key",
    [
        ({"dataset": "moons"}, "dataset"),
        ({"learning_rate": 0.5}, "learning_rate"),
        ({"activation": "softmax"}, "activation"),
        ({"layers": 5}, "layers"),
        ({"units": 0}, "units"),
        ({"noise": 0.8}, "noise"),
        ({"points": 10}, "points"),
        ({"points": 40, "batch_size": 25}, "batch_size"),
        ({"epochs": 10}, "epochs"),
    ],
)
def test_bad_parameters_name_their_key(params, key):
    with pytest.raises(ParamError) as err:
        widget(**params)
    assert err.value.key == key
