"""`build.py new "Title"`: a post to start from, with a live figure in it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..errors import BuildError
from ..urls import slugify

TEMPLATE = """---
title: {title}
date: {date}
tags: []
description: One sentence that says what the reader will learn.
draft: true
---

Write your explainer here. Drag the slider below; its curve is computed by
Python running in the reader's browser.

```widget activation
function: sigmoid
x: 0
```

Remove `draft: true` above when the post is ready to publish.
"""


def new_post(content_dir: Path, title: str, today: dt.date | None = None) -> Path:
    slug = slugify(title)
    path = content_dir / "posts" / f"{slug}.md"
    if path.exists():
        raise BuildError(path, None, "a post with this name exists already")
    path.parent.mkdir(parents=True, exist_ok=True)
    # A JSON string is valid YAML: titles with colons or quotes stay intact.
    text = TEMPLATE.format(title=json.dumps(title, ensure_ascii=False),
                           date=(today or dt.date.today()).isoformat())
    path.write_text(text, encoding="utf-8")
    return path
