// Offline reading: registers the site's service worker (sw.js, made by the
// build with the list of every file of the site), says quietly in the footer
// whether the site is saved for offline reading, and swaps in a new deploy
// on the reader's next navigation. Registration waits until Python is ready
// (or the page has loaded, on a page without figures), so saving the site
// does not compete with the first page for the network.
(() => {
  const nnpress = (window.nnpress ||= {});
  if (nnpress.offline) return;
  nnpress.offline = { saved: false, waiting: false };
  const state = nnpress.offline;
  const script = document.currentScript;
  const served = location.protocol === "http:" || location.protocol === "https:";
  const root = new URL("../../", script.src || location.href); // static/nnpress/ -> site root

  // The line's words in the page's language: the footer carries them (data-words, from
  // nnpress/i18n.py OFFLINE_MESSAGES), on every page, figures or not.
  function say(key) {
    try {
      const words = document.querySelector("footer.site-footer")?.dataset.words;
      return JSON.parse(words || "{}")[key] || key;
    } catch (error) { return key; }
  }

  function show() {
    const line = document.getElementById("nn-offline");
    if (!line) return;
    let text = "";
    let kind = "";
    if (state.waiting) {
      [text, kind] = [say("A new version of this site is ready: it loads with the next page you open."), "update"];
    } else if (state.saved) {
      [text, kind] = [say(navigator.onLine
        ? "Available offline."
        : "You are offline: reading the saved copy of this site."), "saved"];
    } else if (state.saving) {
      [text, kind] = [say("Saving this site for offline reading…"), "saving"];
    } else if (!navigator.onLine) {
      [text, kind] = [say("You are offline, and this site is not saved for offline reading yet."), "offline"];
    }
    line.textContent = text;
    line.dataset.state = kind;
  }

  async function register() {
    const wb = new window.workbox.Workbox(new URL("sw.js", root).href, { scope: root.pathname });
    wb.addEventListener("installing", () => { state.saving = true; show(); });
    wb.addEventListener("activated", (event) => {
      if (!event.isUpdate) { state.saved = true; state.saving = false; show(); }
    });
    wb.addEventListener("waiting", () => { state.waiting = true; show(); });
    // The reader follows a link while a new deploy waits: start it, then load the
    // page from it in full, so old and new files never meet in one page.
    document.addEventListener("turbo:before-visit", (event) => {
      if (!state.waiting) return;
      event.preventDefault();
      const url = event.detail.url;
      const go = () => location.assign(url);
      navigator.serviceWorker.addEventListener("controllerchange", go, { once: true });
      setTimeout(go, 5000); // never leave the reader waiting on the switch
      navigator.serviceWorker.getRegistration(root.pathname)
        .then((registration) => registration?.waiting?.postMessage({ type: "SKIP_WAITING" }));
    });
    nnpress.offline.workbox = wb;
    const registration = await wb.register();
    if (registration?.active && !registration.installing) state.saved = true;
    show();
  }

  for (const type of ["online", "offline"]) window.addEventListener(type, show);
  document.addEventListener("turbo:load", show);
  const preview = document.querySelector('meta[name="nnpress-preview"]'); // `make serve`
  if (!served || preview || !("serviceWorker" in navigator) || !window.workbox) return;
  if (navigator.serviceWorker.controller) state.saved = true; // this page came from the saved copy
  const start = () => register().catch((error) => console.warn(`nnpress: offline: ${error}`));
  const hasFigures = () => document.querySelector("figure[data-widget]") !== null;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => later(), { once: true });
  } else later();

  function later() {
    if (!hasFigures()) {
      if (document.readyState === "complete") start();
      else window.addEventListener("load", start, { once: true });
      return;
    }
    const settled = () => ["ready", "failed"].includes(nnpress.page?.state);
    if (settled()) return start();
    const poll = setInterval(() => { if (settled()) { clearInterval(poll); start(); } }, 250);
  }
})();
