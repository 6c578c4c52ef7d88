// Dev server only (`build.py serve`): never copied into a built site.
//
// Listens to the server's build events (Server-Sent Events on /__livereload):
//   event: reload  a build succeeded: swap the page in (window.nnpressReload,
//                  when the page defines it) or reload it; drop any error shown.
//   event: error   a build failed; data is `path:line: error: ...`: show it in
//                  an overlay until the next successful build (or the close button).
// The server sends the current error as soon as a page connects. Loaded as an
// external script with a stylesheet (no inline code or style), so pages may
// keep a strict Content-Security-Policy.

(() => {
  if (window.nnpressLiveReload) return; // one connection per page, however often this runs
  window.nnpressLiveReload = true;

  const STYLESHEET = "/__nnpress/livereload.css";
  let message = null; // the failed build's text, while it stands
  let dismissed = false;

  function ensureStylesheet() {
    if (document.querySelector(`link[href="${STYLESHEET}"]`)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = STYLESHEET;
    document.head.append(link);
  }

  function removeOverlay() {
    document.querySelector(".nnpress-build-error")?.remove();
  }

  function showOverlay() {
    removeOverlay();
    if (message === null || dismissed || !document.body) return;
    ensureStylesheet();
    const overlay = document.createElement("div");
    overlay.className = "nnpress-build-error";
    overlay.setAttribute("role", "alert");
    const title = document.createElement("p");
    title.className = "nnpress-build-error-title";
    title.textContent = "The build failed; this page shows the last good build.";
    const close = document.createElement("button");
    close.type = "button";
    close.className = "nnpress-build-error-close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    close.addEventListener("click", () => {
      dismissed = true;
      removeOverlay();
    });
    const text = document.createElement("pre");
    text.textContent = message;
    overlay.append(close, title, text);
    document.body.append(overlay);
  }

  ensureStylesheet();
  const events = new EventSource("/__livereload");
  events.addEventListener("reload", () => {
    message = null;
    removeOverlay();
    if (typeof window.nnpressReload === "function") window.nnpressReload();
    else location.reload();
  });
  // A named "error" event from the server is a MessageEvent with data; EventSource's
  // own connection errors (server restarting) carry none and are left to its retry.
  events.addEventListener("error", (event) => {
    if (!(event instanceof MessageEvent)) return;
    message = event.data;
    dismissed = false;
    showOverlay();
  });
  // A page swapped in without a reload (nnpressReload, Turbo) gets a new body:
  // keep showing an error that still stands.
  for (const name of ["turbo:load", "turbo:render", "nnpress:reloaded"]) {
    document.addEventListener(name, showOverlay);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showOverlay);
  }
})();
