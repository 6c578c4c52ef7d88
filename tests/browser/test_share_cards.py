"""Every post's Open Graph image: made at build time, 1200x630, loadable."""

from __future__ import annotations

import pytest

from .test_accessibility import PAGES


@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith("posts/")])
def test_each_post_has_a_share_card(page, watched, example_site_url, path):
    page.goto(example_site_url + path)
    card = page.locator('meta[property="og:image"]').get_attribute("content")
    assert card
    size = page.evaluate("""src => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
      img.onerror = () => reject(new Error('no image at ' + src));
      img.src = new URL(src, location.href).href;
    })""", card)
    assert size == [1200, 630]
