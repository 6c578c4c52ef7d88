import numpy as np
import pytest
from nnpress.engine.datasets import NEW_PEOPLE, make_dataset, people_arrays
from nnpress.engine.network import Network
from nnpress.engine.training import accuracy, gd_step, sgd_epoch, train


def test_gd_step_returns_the_loss_before_and_lowers_it():
    X, y = people_arrays()
    net = Network([2, 2, 1], seed=1)
    before = net.loss(X, y)
    assert gd_step(net, X, y, lr=0.1) == before
    assert net.loss(X, y) < before


def test_sgd_epoch_with_the_whole_batch_is_one_gd_step():
    X, y = make_dataset("gauss", n=20)
    a, b = Network([2, 3, 1], seed=2), Network([2, 3, 1], seed=2)
    assert sgd_epoch(a, X, y, 0.5, batch_size=20) == gd_step(b, X, y, 0.5)
    np.testing.assert_array_equal(a.weights[0], b.weights[0])


def test_sgd_epoch_shuffles_reproducibly():
    X, y = make_dataset("gauss", n=20)
    nets = [Network([2, 3, 1], seed=2) for _ in range(3)]
    for net, seed in zip(nets, [5, 5, 6], strict=True):
        sgd_epoch(net, X, y, 0.5, rng=np.random.default_rng(seed), batch_size=4)
    np.testing.assert_array_equal(nets[0].weights[0], nets[1].weights[0])
    assert not np.array_equal(nets[0].weights[0], nets[2].weights[0])


def test_from_scratch_training_on_the_four_people():
    X, y = people_arrays()
    net = Network([2, 2, 1], "sigmoid", seed=0)
    history = train(net, X, y, epochs=1000, lr=0.1, batch_size=1)
    assert len(history) == 1000
    assert history[-1] < 0.01 < history[0]
    every_tenth = history[::10]  # what the post prints
    assert all(b < a for a, b in zip(every_tenth, every_tenth[1:], strict=False))
    emily, frank = net.predict(people_arrays(NEW_PEOPLE)[0])[:, 0]
    assert emily > 0.9
    assert frank < 0.1


def test_train_full_batch_history_is_gd_steps():
    X, y = make_dataset("gauss", n=40)
    net, twin = Network([2, 3, 1], seed=3), Network([2, 3, 1], seed=3)
    history = train(net, X, y, epochs=5, lr=1.0)
    assert history == [gd_step(twin, X, y, 1.0) for _ in range(5)]


@pytest.mark.parametrize("name", ["xor", "circle"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_playground_net_learns(name, seed):
    X, y = make_dataset(name, n=200, seed=seed)
    net = Network([2, 4, 4, 1], ["tanh", "tanh", "sigmoid"], seed=seed)
    start = accuracy(net.predict(X), y)
    for _ in range(300):
        gd_step(net, X, y, lr=1.0, loss="cross_entropy")
    assert accuracy(net.predict(X), y) > 0.9 > start


def test_accuracy():
    assert accuracy(np.array([0.2, 0.5, 0.9, 0.4]), np.array([0, 1, 0, 0])) == 0.75
    assert accuracy(np.array([[0.2], [0.7]]), np.array([0, 1])) == 1.0
    assert accuracy(np.array([[0.2], [0.7]]), np.array([0, 1]), threshold=0.8) == 0.5
    probs = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6]])
    assert accuracy(probs, np.array([1, 0, 0])) == pytest.approx(2 / 3)
    assert accuracy(probs, np.eye(3)[[1, 0, 0]]) == pytest.approx(2 / 3)
