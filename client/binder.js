// The one generic binder: every figure on a page, whatever its kind, is driven
// by this file. A Figure sends its control events to the page's Python and
// swaps in the slots that come back. Events are coalesced: while a request is
// in flight, a slider keeps only its latest value; button presses are kept.
// Listeners sit on the document, so a page swapped in by Turbo needs no
// re-binding: each event finds its figure through the DOM.
(() => {
  const nnpress = (window.nnpress ||= {});
  if (nnpress.Figure) return; // evaluated again after a navigation: keep the first

  const TICK = "__tick__"; // the control name of an animation frame (nnpress/widget.py)
  const figures = new Map(); // element id -> Figure, for the page on screen

  class Figure {
    constructor(root, send) {
      this.root = root;
      this.post = send; // (message) -> void: hands a message to the page's Python
      this.kind = root.dataset.widget;
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
      const message = { id: this.root.id, events: [...this.pending.values()] };
      if (!this.created) {
        message.kind = this.kind;
        message.params = this.params;
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

    // What the reader has set (the code typed, a choice made), as events.
    controlState() {
      const fields = this.root.querySelectorAll(
        "textarea[data-control], input[data-control], select[data-control]");
      return [...fields].filter((el) => !this.pending.has(el.dataset.control)).map((el) => ({
        control: el.dataset.control,
        value: el.type === "checkbox" ? el.checked
          : (el.type === "range" || el.type === "number") ? Number(el.value) : el.value,
      }));
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
        `the code ran longer than its limit of ${this.timeout} s`), this.timeout * 1000);
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
        type: "button", className: "nn-button nn-stop", textContent: "Stop",
      });
      stop.dataset.stop = "";
      const controls = this.root.querySelector(".nn-controls") || this.root;
      controls.append(stop);
      const live = this.root.querySelector('[data-slot="live"]');
      if (live) {
        live.textContent = nnpress.page.sandboxReady
          ? "Running… press Stop to end it." : "Starting Python for this code…";
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
      if (live) live.textContent = `Stopped after ${seconds} s${reason ? `: ${reason}` : ""}.`;
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
      if (focusKey && !this.root.contains(document.activeElement)) {
        // The focused control was re-rendered or disabled: keep the focus in the figure,
        // on its successor. Focus moved by us is not the reader pointing somewhere.
        const same = focusValue === undefined
          ? `[data-control="${focusKey}"]`
          : `[data-control="${focusKey}"][data-value="${focusValue}"]`;
        const next = this.root.querySelector(`${same}:not(:disabled)`)
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
      if (live) live.textContent = `This figure hit an error: ${error}`;
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

  nnpress.Figure = Figure;
  nnpress.figures = figures;
})();
