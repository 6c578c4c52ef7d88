// The page's side of the runtime: starts the Python worker once per visit,
// shows its progress, and hands each page's figures to the binder. Turbo
// swaps pages in without reloading this script, so the worker, with Python
// in it, lives on from one post to the next.
(() => {
  const nnpress = (window.nnpress ||= {});
  if (nnpress.page) return; // evaluated again after a navigation: keep the first
  const script = document.currentScript;
  // .../static/nnpress/ (an offline edition inlines this script: it has no src)
  const here = new URL(".", script.src || location.href);
  const config = JSON.parse(script.dataset.runtime || "{}");
  const SILENCE_MS = 20_000; // no progress for this long while booting: say so
  document.documentElement.classList.add("nn-js");
  const say = (key, values) => (nnpress.say ? nnpress.say(key, values) : key);

  let worker = null;
  let state = "idle"; // idle -> booting -> ready | failed
  let generation = 0; // one per page shown; replies to an older page are dropped
  let began = 0;
  let watchdog = 0;
  let failure = "";

  function statusBox() {
    const box = document.getElementById("nn-runtime");
    return box && { box, bar: box.querySelector("progress"), text: box.querySelector(".nn-runtime-text") };
  }

  // The page keeps room at its foot for the box (a bar along the bottom on a phone,
  // site.css): as tall as the box is, however many lines its message takes.
  let measured = null;
  function keepRoom(box) {
    if (measured === box || !window.ResizeObserver) return;
    measured = box;
    new ResizeObserver(() => {
      const root = document.documentElement;
      const atEnd = scrollY + innerHeight >= root.scrollHeight - 2;
      root.style.setProperty("--nn-runtime-room", `${box.offsetHeight}px`);
      if (atEnd && box.offsetHeight) scrollTo(scrollX, root.scrollHeight); // still the end
    }).observe(box);
  }

  function show(message, value, kind = "") {
    const status = statusBox();
    if (!status) return;
    keepRoom(status.box);
    status.box.hidden = false;
    status.box.classList.remove("nn-done", "nn-failed", "nn-note");
    if (kind) status.box.classList.add(kind);
    status.text.textContent = message;
    if (value === undefined) status.bar.removeAttribute("value");
    else status.bar.value = value;
  }

  function showLink(message, href, label) {
    show(message, 0, "nn-note");
    const { text } = statusBox();
    const link = document.createElement("a");
    link.href = href;
    link.textContent = label;
    link.setAttribute("download", "");
    text.append(" ", link);
  }

  function hideSoon() {
    setTimeout(() => {
      const status = statusBox();
      if (status && state === "ready") status.box.hidden = true;
    }, 2500);
  }

  function megabytes(bytes) {
    return (bytes / 1e6).toFixed(1);
  }

  function failed(message) {
    if (state !== "failed") console.warn(`nnpress: ${message}`);
    state = "failed";
    failure ||= message;
    clearTimeout(watchdog);
    show(say("Python could not start: {reason}. The figures show their first state.",
      { reason: failure }), 0, "nn-failed");
  }

  function wake() { // the worker said something: restart the silence timer
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      if (state !== "booting") return;
      failed(say(navigator.onLine
        ? "it has stopped responding (a slow connection or too little memory?)"
        : "you are offline and this site is not saved for offline reading yet"));
    }, SILENCE_MS);
  }

  // Code blocks run in a second Python of their own (the sandbox), which the
  // reader can stop: an endless loop there never holds up the other figures.
  let sandbox = null;

  function post(message, figure) {
    const target = figure?.isolated ? (sandbox ||= startSandbox()) : worker;
    target.postMessage({ ...message, generation });
  }

  function startSandbox() {
    const box = newWorker();
    box.ready = false;
    box.onmessage = ({ data }) => {
      if (data.type === "error") {
        for (const figure of isolated()) figure.fail(`Python for code could not start: ${data.error}`);
      } else if (data.type === "ready") {
        box.ready = true;
        for (const figure of isolated()) figure.startLimit();
      } else if (data.type !== "progress") {
        onMessage({ data });
      }
    };
    bootMessage().then((message) => box.postMessage(message))
      .catch((error) => box.onmessage({ data: { type: "error", error: String(error) } }));
    return box;
  }

  function isolated() {
    return [...nnpress.figures.values()].filter((figure) => figure.isolated);
  }

  // Stop what the sandbox is running: end that Python and start a fresh one, so
  // the next run begins at once. Each code figure is created again from its state.
  function stop(reason) {
    if (!sandbox) return;
    sandbox.terminate();
    sandbox = null;
    for (const figure of isolated()) figure.stopped(reason);
    sandbox = startSandbox();
  }

  function onMessage({ data }) {
    if (data.generation !== undefined && data.generation !== generation) return;
    if (data.type === "progress") {
      wake();
      show(data.stage === "start"
        ? say("Starting Python…")
        : say("Loading Python: {loaded} of {total} MB",
          { loaded: megabytes(data.loaded), total: megabytes(data.total) }),
        data.stage === "start" ? undefined : Math.min(data.loaded / data.total, 1));
    } else if (data.type === "ready") {
      clearTimeout(watchdog);
      state = "ready";
      performance.mark("nnpress:ready");
      show(say("Python ready in {seconds} s",
        { seconds: ((performance.now() - began) / 1000).toFixed(1) }), 1, "nn-done");
      hideSoon();
      liven();
    } else if (data.type === "update") {
      nnpress.figures.get(data.id)?.apply(data.payload);
    } else if (data.type === "failed") {
      nnpress.figures.get(data.id)?.fail(data.error);
    } else if (data.type === "error") {
      failed(data.error);
    }
  }

  // The offline edition (one HTML file) sets nnpress.edition: it starts the
  // worker from a blob and hands it the runtime's files from memory.
  function newWorker() {
    const edition = nnpress.edition;
    return edition ? edition.worker() : new Worker(new URL("worker.js", here));
  }

  let booting = null;
  function bootMessage() {
    booting ||= (async () => {
      const message = {
        type: "boot",
        indexURL: new URL(config.pyodide || "../pyodide/", here).href,
        wheelURL: new URL(config.wheel, here).href,
        bytes: config.bytes || 1,
      };
      if (nnpress.edition) Object.assign(message, await nnpress.edition.boot());
      return message;
    })();
    return booting;
  }

  async function boot() {
    if (state !== "idle") return;
    state = "booting";
    began = performance.now();
    show(say("Loading Python…"));
    wake();
    let message;
    try {
      worker = newWorker();
      worker.onmessage = onMessage;
      worker.onerror = (event) => failed(event.message || "the worker did not load");
      message = await bootMessage();
    } catch (error) {
      return failed(String(error));
    }
    worker.postMessage(message);
  }

  // Python is running: create this page's figures in it and enable them.
  function liven() {
    post({ type: "page" });
    if (sandbox) sandbox.postMessage({ type: "page", generation });
    // A page with code: start its sandbox once the page has settled, so Run answers at once.
    else if (isolated().length) setTimeout(() => { if (isolated().length) sandbox ||= startSandbox(); }, 1500);
    for (const figure of nnpress.figures.values()) figure.enable();
    for (const figure of nnpress.figures.values()) figure.send(true);
    for (const figure of nnpress.figures.values()) nnpress.links?.addLinkButton(figure);
    nnpress.links?.restoreLinked();
    document.documentElement.dataset.nnpress = "ready";
  }

  // A long post's contents mark the section being read (aria-current).
  let sectionWatch = null;
  function watchSections() {
    sectionWatch?.disconnect();
    const links = new Map([...document.querySelectorAll(".toc a[href^='#']")]
      .map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
    if (!links.size || !("IntersectionObserver" in window)) return;
    const headings = [...links.keys()].map((id) => document.getElementById(id)).filter(Boolean);
    const mark = () => {
      let current = headings[0];
      for (const h of headings) if (h.getBoundingClientRect().top < window.innerHeight * 0.3) current = h;
      for (const [id, a] of links) {
        if (id === current?.id) a.setAttribute("aria-current", "true");
        else a.removeAttribute("aria-current");
      }
    };
    sectionWatch = new IntersectionObserver(mark, { rootMargin: "0px 0px -70% 0px" });
    for (const h of headings) sectionWatch.observe(h);
    mark();
  }

  // A page is on screen (the first one, or one Turbo swapped in).
  function attach() {
    generation += 1;
    // Turbo keeps <html> as it was: give it the language of the page now shown.
    if (document.body.lang) document.documentElement.lang = document.body.lang;
    watchSections();
    nnpress.figures.clear();
    delete document.documentElement.dataset.nnpress;
    for (const root of document.querySelectorAll("figure[data-widget]")) {
      nnpress.figures.set(root.id, new nnpress.Figure(root, post));
    }
    if (nnpress.figures.size === 0) return;
    nnpress.links?.scrollToLinked();
    if (location.protocol === "file:" && !nnpress.edition) {
      const edition = document.querySelector("a.nn-edition");
      if (edition) {
        showLink(say("The figures need this page served over HTTP, or its offline edition:"),
          edition.href, edition.textContent);
      } else {
        show(say("The figures need this page served over HTTP (try `make serve`)."), 0, "nn-note");
      }
      return;
    }
    if (state === "ready") liven();
    else if (state === "failed") failed(failure);
    else boot();
  }

  if (window.Turbo && location.protocol !== "file:") {
    document.addEventListener("turbo:load", attach);
    // The address changes when a visit starts, while this page is still shown:
    // from then on "ready" no longer describes the page in the address bar.
    document.addEventListener("turbo:visit", () => delete document.documentElement.dataset.nnpress);
  } else {
    if (window.Turbo) window.Turbo.session.drive = false; // file://: plain links
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
    else attach();
  }

  // `make serve` calls this after a rebuild: the edited page is swapped in
  // where the reader is, and Python keeps running.
  window.nnpressReload = () => {
    if (window.Turbo && location.protocol !== "file:") {
      // Turbo waits 150 ms before a refresh, to merge the ones a burst of stream
      // messages asks for; a build asks once: go at once.
      window.Turbo.session.pageRefreshDebouncePeriod = 0;
      window.Turbo.session.refresh(document.baseURI, { scroll: "preserve" });
    } else {
      location.reload();
    }
  };

  nnpress.page = {
    boot, attach, stop,
    get state() { return state; }, get worker() { return worker; }, get sandbox() { return sandbox; },
    get sandboxReady() { return Boolean(sandbox?.ready); },
  };
})();
