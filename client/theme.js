// The reader's theme, before the first paint: a classic script in <head>, not
// deferred, so the page never flashes the wrong colours. A choice made with the
// toggle (light or dark) is remembered; without one the system setting rules
// (the CSS's prefers-color-scheme). The toggle's clicks are heard on the
// document, so a page swapped in by Turbo needs nothing more.
(() => {
  const KEY = "nnpress-theme";
  const root = document.documentElement;
  let saved = null;
  try { saved = localStorage.getItem(KEY); } catch (error) { /* storage off: follow the system */ }
  if (saved === "light" || saved === "dark") root.dataset.theme = saved;
  if (window.nnpressTheme) return; // evaluated again after a navigation

  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const current = () => root.dataset.theme || (media.matches ? "dark" : "light");

  function label() {
    for (const button of document.querySelectorAll("[data-theme-toggle]")) {
      const dark = current() === "dark";
      button.setAttribute("aria-pressed", String(dark));
      const text = button.querySelector(".theme-toggle-text");
      if (text) text.textContent = dark ? button.dataset.dark : button.dataset.light;
    }
  }

  function choose(theme) {
    root.dataset.theme = theme;
    try { localStorage.setItem(KEY, theme); } catch (error) { /* not remembered */ }
    label();
  }

  document.addEventListener("click", (event) => {
    if (event.target.closest?.("[data-theme-toggle]")) {
      choose(current() === "dark" ? "light" : "dark");
    }
  });
  media.addEventListener?.("change", label);
  document.addEventListener("DOMContentLoaded", label);
  document.addEventListener("turbo:load", label);
  window.nnpressTheme = { choose, current };
})();
