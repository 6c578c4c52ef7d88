// The one generic binder: every figure on the page, whatever its kind, is
// driven by this file. It starts the Python worker, shows its progress,
// enables controls once Python is ready, sends control events and swaps in
// the slots that come back. Events are coalesced: while a request is in
// flight, a slider keeps only its latest value; button presses are kept.

const config = JSON.parse(document.getElementById("nnpress-runtime").textContent);
const status = document.querySelector(".nn-runtime");
const bar = status.querySelector("progress");
const text = status.querySelector(".nn-runtime-text");
const figures = new Map();

function megabytes(bytes) {
  return (bytes / 1e6).toFixed(1);
}

function show(message, value) {
  status.hidden = false;
  text.textContent = message;
  if (value === undefined) bar.removeAttribute("value");
  else bar.value = value;
}

class Figure {
  constructor(root) {
    this.root = root;
    this.kind = root.dataset.widget;
    this.params = JSON.parse(root.dataset.params || "{}");
    this.created = false;
    this.inflight = false;
    this.playing = false;
    this.pending = new Map();
    this.presses = 0;
    root.addEventListener("input", (event) => this.onInput(event));
    root.addEventListener("change", (event) => this.onInput(event));
    root.addEventListener("click", (event) => this.onClick(event));
    // Elements marked data-hover also report pointing and keyboard focus
    // (say, a table row whose calculation the diagram then shows).
    root.addEventListener("mouseover", (event) => this.onHover(event));
    root.addEventListener("focusin", (event) => this.onHover(event));
  }

  onHover(event) {
    const el = event.target.closest("[data-control][data-hover]");
    if (!el || el.disabled || el === this.hovered) return;
    this.hovered = el;
    this.queue(el.dataset.control, { control: el.dataset.control, value: el.dataset.value ?? null });
  }

  onInput(event) {
    const el = event.target.closest("[data-control]");
    if (!el || el.tagName === "BUTTON") return;
    let value = el.value;
    if (el.type === "range" || el.type === "number") value = Number(el.value);
    else if (el.type === "checkbox") value = el.checked;
    if (el.type === "number" && el.value === "") return; // mid-edit
    this.queue(el.dataset.control, { control: el.dataset.control, value });
  }

  onClick(event) {
    const el = event.target.closest("[data-control]");
    if (!el || !(el.tagName === "BUTTON" || el.dataset.value !== undefined)) return;
    if (el.disabled) return;
    const control = el.dataset.control;
    const key = `${control}#${this.presses++}`;
    this.queue(key, { control, value: el.dataset.value ?? null });
  }

  queue(key, event) {
    this.pending.set(key, event);
    this.send();
  }

  send(warm = false) {
    if (this.inflight || (this.pending.size === 0 && !(warm && !this.created))) return;
    const message = { id: this.root.id, events: [...this.pending.values()] };
    if (!this.created) {
      message.kind = this.kind;
      message.params = this.params;
      this.created = true;
    }
    this.pending.clear();
    this.inflight = true;
    worker.postMessage(message);
  }

  apply({ slots, controls, playing }) {
    const active = document.activeElement;
    const focusKey = active && this.root.contains(active) ? active.dataset.control : null;
    const focusValue = active ? active.dataset.value : undefined;
    for (const [name, html] of Object.entries(slots)) {
      const slot = this.root.querySelector(`[data-slot="${name}"]`);
      if (slot) slot.innerHTML = html;
    }
    for (const [name, state] of Object.entries(controls)) {
      for (const el of this.root.querySelectorAll(`[data-control="${name}"]`)) {
        this.setControl(el, state);
      }
    }
    this.enable();
    if (focusKey && !this.root.contains(active)) {
      // A re-rendered slot replaced the focused control: focus its successor.
      const selector = focusValue === undefined
        ? `[data-control="${focusKey}"]`
        : `[data-control="${focusKey}"][data-value="${focusValue}"]`;
      this.root.querySelector(selector)?.focus();
    }
    this.playing = playing;
    this.inflight = false;
    this.root.dispatchEvent(new CustomEvent("nnpress:update", { bubbles: true }));
    if (this.pending.size) this.send();
    else if (this.playing) requestAnimationFrame(() => {
      if (this.playing && !this.pending.has("__tick__")) this.queue("__tick__", { control: "__tick__" });
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
    for (const el of this.root.querySelectorAll("[data-wait]")) el.disabled = false;
    this.root.classList.add("nn-live-ready");
  }

  fail(error) {
    this.inflight = false;
    const live = this.root.querySelector('[data-slot="live"]');
    if (live) live.textContent = `This figure hit an error: ${error}`;
    console.error(`nnpress: ${this.root.id}: ${error}`);
  }
}

let worker;

function start() {
  for (const root of document.querySelectorAll("[data-widget]")) {
    figures.set(root.id, new Figure(root));
  }
  if (location.protocol === "file:") {
    show("Interactive figures need the page served over HTTP (try `make serve`).", 0);
    return;
  }
  worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
  const began = performance.now();
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") {
      const fraction = Math.min(data.loaded / data.total, 1);
      show(data.stage === "start"
        ? "Starting Python…"
        : `Loading Python: ${megabytes(data.loaded)} of ${megabytes(data.total)} MB`,
        data.stage === "start" ? undefined : fraction);
    } else if (data.type === "ready") {
      performance.mark("nnpress:ready");
      show(`Python ready in ${((performance.now() - began) / 1000).toFixed(1)} s`, 1);
      status.classList.add("nn-done");
      setTimeout(() => { status.hidden = true; }, 2500);
      for (const figure of figures.values()) figure.enable();
      // Create each figure's Python object now, so the reader's first move is fast.
      for (const figure of figures.values()) figure.send(true);
      document.documentElement.dataset.nnpress = "ready";
    } else if (data.type === "update") {
      figures.get(data.id)?.apply(data.payload);
    } else if (data.type === "failed") {
      figures.get(data.id)?.fail(data.error);
    } else if (data.type === "error") {
      show(`Python could not start: ${data.error}`, 0);
      status.classList.add("nn-failed");
      console.error(`nnpress: ${data.error}`);
    }
  };
  worker.postMessage({ type: "boot", wheel: config.wheel, bytes: config.bytes });
}

start();
