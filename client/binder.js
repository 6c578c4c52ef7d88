// The one generic binder: every figure on a page, whatever its kind, is driven
// by this file. A Figure sends its control events to the page's Python and
// swaps in the slots that come back. Events are coalesced: while a request is
// in flight, a slider keeps only its latest value; button presses are kept.
// Listeners sit on the document, so a page swapped in by Turbo needs no
// re-binding: each event finds its figure through the DOM.
(() => {
  const nnpress = (window.nnpress ||= {});
  if (nnpress.Figure) return; // evaluated again after a navigation: keep the first

  // The page's words in its language: a JSON block each page carries (nnpress/i18n.py);
  // the key is the English text, {name} marks a value.
  function say(key, values = {}) {
    let text = key;
    try {
      text = JSON.parse(document.getElementById("nn-messages")?.textContent || "{}")[key] || key;
    } catch (error) { /* English, then */ }
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }
  nnpress.say = say;

  // Buttons that pick one value among several (a table's rows): pressed is the one chosen.
  const CHOICES = "button[data-control][data-value][aria-pressed]";
  const TICK = "__tick__"; // the control name of an animation frame (nnpress/widget.py)
  const figures = new Map(); // element id -> Figure, for the page on screen

  class Figure {
    constructor(root, send) {
      this.root = root;
      this.post = send; // (message) -> void: hands a message to the page's Python
      this.kind = root.dataset.widget;
      // The figure's words follow the page's language (nnpress/i18n.py).
      this.lang = root.closest("[lang]")?.getAttribute("lang") || "en";
      this.created = false;
      this.inflight = false;
      this.playing = false;
      this.pending = new Map();
      this.presses = 0;
      this.hovered = null; // "control=value" of the element last pointed at
      this.broken = null;
      // A figure marked data-isolated runs in the sandbox, a Python the reader can
      // stop (code blocks); data-timeout stops it by itself after that many seconds.
      this.isolated = root.dataset.isolated !== undefined;
      this.timeout = Number(root.dataset.timeout || 0);
      this.resync = false; // created again after a stop: send the controls' state first
      try {
        this.params = JSON.parse(root.dataset.params || "{}");
      } catch (error) {
        this.params = {};
        this.broken = `its parameters are not valid JSON (${error.message})`;
      }
    }

    onHover(el) {
      const key = `${el.dataset.control}=${el.dataset.value ?? ""}`;
      if (el.disabled || key === this.hovered) return;
      this.hovered = key;
      this.queue(el.dataset.control, { control: el.dataset.control, value: el.dataset.value ?? null });
    }

    onInput(el) {
      if (el.tagName === "BUTTON") return;
      let value = el.value;
      if (el.type === "range" || el.type === "number") value = Number(el.value);
      else if (el.type === "checkbox") value = el.checked;
      if (el.type === "number" && el.value === "") return; // mid-edit
      this.queue(el.dataset.control, { control: el.dataset.control, value });
    }

    onClick(el) {
      if (!(el.tagName === "BUTTON" || el.dataset.value !== undefined) || el.disabled) return;
      const control = el.dataset.control;
      this.queue(`${control}#${this.presses++}`, { control, value: el.dataset.value ?? null });
    }

    queue(key, event) {
      this.pending.set(key, event);
      this.send();
    }

    // Create the figure's Python object now (warm) or send what is pending.
    send(warm = false) {
      if (this.broken) return this.fail(this.broken);
      if (this.inflight || (this.pending.size === 0 && !(warm && !this.created))) return;
      const message = { id: this.root.id, events: [...this.pending.values()], lang: this.lang };
      if (!this.created) {
        message.kind = this.kind;
        message.params = this.params;
        try { // the site's own words (site.yml messages), for Python to speak too
          const words = JSON.parse(document.getElementById("nn-site-messages")?.textContent || "{}");
          if (Object.keys(words).length) message.messages = words;
        } catch (error) { /* the built-in words, then */ }
        this.created = true;
        if (this.resync) message.events.unshift(...this.controlState());
        this.resync = false;
      }
      this.pending.clear();
      this.inflight = true;
      if (this.isolated) this.watch();
      this.post(message, this);
    }

    // The first control a reader can reach (a code editor hides its textarea).
    firstControl() {
      return [...this.root.querySelectorAll("[data-control]:not(:disabled)")]
        .find((el) => el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
    }

    // What the reader has set (the code typed, a choice made), as events: the fields'
    // values, then each choice button pressed (a table's row: data-value, aria-pressed).
    controlState() {
      const fields = this.root.querySelectorAll(
        "textarea[data-control], input[data-control], select[data-control]");
      const state = [...fields].map((el) => ({
        control: el.dataset.control,
        value: el.type === "checkbox" ? el.checked
          : (el.type === "range" || el.type === "number") ? Number(el.value) : el.value,
      }));
      for (const el of this.root.querySelectorAll(`${CHOICES}[aria-pressed="true"]`)) {
        const control = el.dataset.control;
        if (!state.some((s) => s.control === control)) state.push({ control, value: el.dataset.value });
      }
      return state.filter(({ control }) => !this.pending.has(control));
    }

    // Running in the sandbox: after a moment offer Stop; past the time limit, stop.
    watch() {
      this.started = performance.now();
      this.showRunning = setTimeout(() => this.running(true), 300);
      if (nnpress.page.sandboxReady) this.startLimit();
    }

    // The time limit counts the code's run, not the sandbox's start (page.js
    // calls this again once that Python is ready).
    startLimit() {
      clearTimeout(this.limit);
      if (!this.inflight) return;
      if (this.root.classList.contains("nn-running")) this.running(true); // now: "Running…"
      if (!this.timeout) return;
      this.started = performance.now();
      this.limit = setTimeout(() => nnpress.page.stop(
        say("the code ran longer than its limit of {seconds} s", { seconds: this.timeout })), this.timeout * 1000);
    }

    unwatch() {
      clearTimeout(this.showRunning);
      clearTimeout(this.limit);
      this.running(false);
    }

    running(on) {
      this.root.classList.toggle("nn-running", on);
      this.root.querySelector(".nn-stop")?.remove();
      if (!on) return;
      const stop = Object.assign(document.createElement("button"), {
        type: "button", className: "nn-button nn-stop", textContent: say("Stop"),
      });
      stop.dataset.stop = "";
      const controls = this.root.querySelector(".nn-controls") || this.root;
      controls.append(stop);
      const live = this.root.querySelector('[data-slot="live"]');
      if (live) {
        live.textContent = nnpress.page.sandboxReady
          ? say("Running… press Stop to end it.") : say("Starting Python for this code…");
      }
    }

    // The sandbox was ended (Stop or the time limit): say so; the next event
    // creates the figure again in a fresh Python, with the controls as they are.
    stopped(reason) {
      const hadFocus = this.root.contains(document.activeElement);
      this.unwatch();
      const seconds = ((performance.now() - (this.started || performance.now())) / 1000).toFixed(1);
      this.inflight = false;
      this.created = false;
      this.resync = true;
      this.pending.clear();
      const live = this.root.querySelector('[data-slot="live"]');
      if (live) {
        live.textContent = reason ? say("Stopped after {seconds} s: {reason}.", { seconds, reason })
          : say("Stopped after {seconds} s.", { seconds });
      }
      if (hadFocus && !this.root.contains(document.activeElement)) {
        this.firstControl()?.focus();
      }
    }

    apply({ slots, controls, playing }) {
      if (this.isolated) this.unwatch();
      const active = document.activeElement;
      const focusKey = active && this.root.contains(active) ? active.dataset.control : null;
      const focusValue = active ? active.dataset.value : undefined;
      for (const [name, html] of Object.entries(slots)) {
        const slot = this.root.querySelector(`[data-slot="${name}"]`);
        if (slot) slot.innerHTML = html;
        // A slot may also sit outside the figure, naming it: a number in the prose.
        for (const el of document.querySelectorAll(`[data-for="${this.root.id}"][data-slot="${name}"]`)) {
          el.innerHTML = html;
        }
      }
      for (const [name, state] of Object.entries(controls)) {
        for (const el of this.root.querySelectorAll(`[data-control="${name}"]`)) {
          this.setControl(el, state);
        }
      }
      this.enable();
      const now = document.activeElement;
      if (focusKey && (!this.root.contains(now) || now.disabled)) {
        // The focused control was re-rendered or disabled (a + at its limit): keep the
        // focus in the figure, on its successor or else the nearest control still
        // enabled (the − beside it). Focus moved by us is not the reader pointing.
        const same = focusValue === undefined
          ? `[data-control="${focusKey}"]`
          : `[data-control="${focusKey}"][data-value="${focusValue}"]`;
        const next = this.root.querySelector(`${same}:not(:disabled)`)
          || this.nearestEnabled(this.root.contains(active) ? active : null)
          || this.firstControl();
        this.restoringFocus = true;
        next?.focus();
        this.restoringFocus = false;
      }
      this.playing = playing;
      this.inflight = false;
      this.root.dispatchEvent(new CustomEvent("nnpress:update", { bubbles: true }));
      if (this.pending.size) this.send();
      else if (this.playing) requestAnimationFrame(() => {
        if (this.playing && !this.pending.has(TICK)) this.queue(TICK, { control: TICK });
      });
    }

    // Never a hidden field (a count that − and + buttons move): it cannot take the focus.
    nearestEnabled(el) {
      const all = [...this.root.querySelectorAll("[data-control]")];
      const usable = (c) => c && !c.disabled && !c.hidden;
      const at = el ? all.indexOf(el) : -1;
      if (at < 0) return all.find(usable);
      for (let d = 1; d < all.length; d += 1) {
        for (const c of [all[at - d], all[at + d]]) if (usable(c)) return c;
      }
      return null;
    }

    setControl(el, state) {
      const name = el.dataset.control;
      if ("value" in state && el.tagName !== "BUTTON" && !this.pending.has(name)) {
        const value = String(state.value);
        if (el.type === "checkbox") el.checked = Boolean(state.value);
        else if (el.value !== value && !(el.type === "number" && el === document.activeElement)) {
          el.value = value;
        }
      }
      if (el.tagName === "BUTTON" && typeof state.label === "string") el.textContent = state.label;
      if (state.pressed !== undefined && state.pressed !== null) {
        el.setAttribute("aria-pressed", String(state.pressed));
      }
      if (state.enabled) el.setAttribute("data-wait", "");
      else { el.removeAttribute("data-wait"); el.disabled = true; }
    }

    enable() {
      if (this.broken) return;
      for (const el of this.root.querySelectorAll("[data-wait]")) el.disabled = false;
      if (this.root.classList.contains("nn-live-ready")) return;
      this.root.classList.add("nn-live-ready");
      // The first time: say so, for what follows the controls (the code editor), even
      // before the figure's Python answers (a code block's sandbox may still be starting).
      this.root.dispatchEvent(new CustomEvent("nnpress:update", { bubbles: true }));
    }

    fail(error) {
      if (this.isolated) this.unwatch();
      this.inflight = false;
      this.playing = false;
      const live = this.root.querySelector('[data-slot="live"]');
      if (live) live.textContent = say("This figure hit an error: {error}", { error });
      this.root.classList.add("nn-live-failed");
      console.error(`nnpress: ${this.root.id}: ${error}`);
    }
  }

  // One listener per kind of event, for every figure present and future.
  function figureOf(event) {
    const root = event.target.closest?.("figure[data-widget]");
    const figure = root && figures.get(root.id);
    if (!figure || figure.root !== root || figure.broken) return [null, null];
    return [figure, event.target.closest("[data-control]")];
  }
  for (const type of ["input", "change"]) {
    document.addEventListener(type, (event) => {
      const [figure, el] = figureOf(event);
      if (figure && el) figure.onInput(el);
    });
  }
  document.addEventListener("click", (event) => {
    const [figure, el] = figureOf(event);
    if (figure && event.target.closest("[data-stop]")) nnpress.page.stop("");
    else if (figure && el) figure.onClick(el);
  });
  // Elements marked data-hover also report pointing and keyboard focus (say, a
  // table row whose calculation the diagram then shows).
  for (const type of ["mouseover", "focusin"]) {
    document.addEventListener(type, (event) => {
      const [figure] = figureOf(event);
      if (!figure || figure.restoringFocus) return;
      const hover = event.target.closest("[data-control][data-hover]");
      if (hover) figure.onHover(hover);
    });
  }

  // A prose number that shows a slider's value (data-drag) can be dragged sideways:
  // it moves that slider, which the figure then handles as any move. The slider
  // itself stays the accessible control; this is a pointer shortcut in the text.
  const DRAG_PX = 200; // a drag this long crosses the slider's whole range
  document.addEventListener("pointerdown", (event) => {
    const number = event.target.closest?.(".nn-prose-number[data-drag]");
    const root = number && figures.get(number.dataset.for)?.root;
    const slider = root?.querySelector(`input[type=range][data-control="${number.dataset.drag}"]`);
    if (!slider || slider.disabled) return;
    event.preventDefault();
    number.setPointerCapture(event.pointerId);
    const start = Number(slider.value);
    const perPixel = (Number(slider.max) - Number(slider.min)) / DRAG_PX;
    const move = (e) => {
      const before = slider.value;
      slider.value = String(start + (e.clientX - event.clientX) * perPixel); // snaps to step
      if (slider.value !== before) slider.dispatchEvent(new Event("input", { bubbles: true }));
    };
    number.addEventListener("pointermove", move);
    number.addEventListener("pointerup", () => number.removeEventListener("pointermove", move),
      { once: true });
  });


  // In a table whose rows are choices (a control in each row), the up and down
  // arrows move to the same control in the row above or below; focusing it chooses it.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const [figure, el] = figureOf(event);
    const row = el?.closest("tr");
    if (!figure || !row || el.tagName !== "BUTTON") return;
    const rows = [...row.closest("tbody, table").querySelectorAll(":scope > tr")];
    const step = event.key === "ArrowDown" ? 1 : -1;
    for (let i = rows.indexOf(row) + step; i >= 0 && i < rows.length; i += step) {
      const next = rows[i].querySelector(`button[data-control="${el.dataset.control}"]:not(:disabled)`);
      if (next) {
        event.preventDefault();
        next.focus();
        next.click();
        return;
      }
    }
  });

  // State links: #<figure id>?<control>=<value>&... puts what a figure shows in the
  // address. A "link to this" button copies one; opening one scrolls to the figure
  // and, once Python is ready, sets its controls as the reader would have.
  // Sliders, number fields, selects and checkboxes, and the choice buttons (CHOICES):
  // not the code typed, which is the author's to share.
  const FIELDS = "input[data-control], select[data-control]";
  const field = (figure, name) => figure.root.querySelector(
    `input[data-control="${CSS.escape(name)}"], select[data-control="${CSS.escape(name)}"]`);
  const choices = (figure, name) => [
    ...figure.root.querySelectorAll(`button[data-control="${CSS.escape(name)}"][data-value][aria-pressed]`)];

  function stateLink(figure) {
    const query = new URLSearchParams();
    for (const { control, value } of figure.controlState()) {
      if (field(figure, control) || choices(figure, control).length) {
        query.set(control, String(value));
      }
    }
    const url = new URL(location.href);
    url.hash = `${figure.root.id}${query.size ? `?${query}` : ""}`;
    return url.href;
  }

  function addLinkButton(figure) {
    if (figure.root.querySelector(".nn-state-link")
      || !figure.root.querySelector(`${FIELDS}, ${CHOICES}`)) return;
    const button = Object.assign(document.createElement("button"), {
      type: "button", className: "nn-state-link", textContent: say("Link to this figure"),
    });
    button.dataset.stateLink = "";
    const note = Object.assign(document.createElement("span"), { className: "nn-state-note" });
    note.setAttribute("role", "status");
    const bar = Object.assign(document.createElement("p"), { className: "nn-state-bar" });
    bar.append(button, " ", note);
    figure.root.querySelector('[data-slot="live"]')?.before(bar);
  }

  document.addEventListener("click", async (event) => {
    const button = event.target.closest?.("[data-state-link]");
    const figure = button && figures.get(button.closest("figure[data-widget]")?.id);
    if (!figure) return;
    const href = stateLink(figure);
    history.replaceState(history.state, "", href);
    const note = figure.root.querySelector(".nn-state-note");
    try {
      await navigator.clipboard.writeText(href);
      if (note) note.textContent = say("Link copied");
    } catch (error) { // no clipboard here: the address bar has the link
      if (note) note.textContent = href;
    }
  });

  // The figure an address names, and the values it asks for.
  function linkedState() {
    const hash = decodeURIComponent(location.hash.slice(1));
    const at = hash.indexOf("?");
    if (at < 0) return null;
    const figure = figures.get(hash.slice(0, at));
    return figure ? { figure, query: new URLSearchParams(hash.slice(at + 1)) } : null;
  }

  function scrollToLinked() {
    linkedState()?.figure.root.scrollIntoView({ block: "start" });
  }

  // Apply an address's values: each must name a field of the figure and fit it (in
  // range, one of the choices); the rest are left out, with a quiet note.
  function restoreLinked() {
    const linked = linkedState();
    if (!linked) return;
    const { figure, query } = linked;
    let skipped = 0;
    for (const [name, raw] of query) {
      const el = field(figure, name);
      if (!el) { // a choice button: press the one with that value, as the reader would
        const choice = choices(figure, name).find((b) => b.dataset.value === raw);
        if (choice && !choice.disabled) figure.onClick(choice);
        else skipped += 1;
        continue;
      }
      if (el.disabled) { skipped += 1; continue; }
      if (el.type === "checkbox") {
        if (raw !== "true" && raw !== "false") { skipped += 1; continue; }
        el.checked = raw === "true";
      } else if (el.type === "range" || el.type === "number") {
        const value = Number(raw);
        const min = el.min === "" ? -Infinity : Number(el.min);
        const max = el.max === "" ? Infinity : Number(el.max);
        if (raw.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
          skipped += 1; continue;
        }
        el.value = String(value);
      } else if (el.tagName === "SELECT") {
        if (![...el.options].some((o) => o.value === raw)) { skipped += 1; continue; }
        el.value = raw;
      } else {
        el.value = raw;
      }
      figure.onInput(el);
    }
    const note = figure.root.querySelector(".nn-state-note");
    if (note) {
      note.textContent = skipped
        ? say("Some values in the link were out of date and were left as they are.")
        : say("Restored this figure from the link.");
    }
    figure.root.scrollIntoView({ block: "start" });
  }

  nnpress.links = { addLinkButton, restoreLinked, scrollToLinked, stateLink };
  nnpress.Figure = Figure;
  nnpress.figures = figures;
})();
