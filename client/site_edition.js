// The whole site in one file (site.offline.html): the index is the page as
// loaded, and each post waits in a <template data-page="posts/<slug>/">. An
// address such as #/posts/<slug>/ (or #/posts/<slug>/#a-heading) shows that
// post in <main>; #/ shows the index again. page.js then brings the post's
// figures to life in the one Python worker, started once for the whole visit.
// Other addresses (#a-heading) are anchors in the page on screen: left alone.
//
// This script runs as it is parsed, after the templates: the first page is in
// place before page.js looks for figures.
(() => {
  const nnpress = (window.nnpress ||= {});
  if (nnpress.siteEdition) return;
  const main = document.getElementById("main");
  const index = {
    content: [...main.childNodes].map((node) => node.cloneNode(true)),
    title: document.title,
    lang: document.documentElement.lang,
  };
  let shown = "";

  function route() {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash && !hash.startsWith("/")) return null;
    const [page, anchor] = hash.slice(1).split("#");
    return { page, anchor };
  }

  function pageFor(url) {
    const template = [...document.querySelectorAll("template[data-page]")]
      .find((element) => element.dataset.page === url);
    if (!template) return index;
    return {
      content: [template.content.cloneNode(true)],
      title: template.dataset.title,
      lang: template.getAttribute("lang"),
    };
  }

  function show(attach = true) {
    const where = route();
    if (!where) return;
    if (where.page !== shown) {
      const page = pageFor(where.page);
      main.replaceChildren(...page.content.map((node) => node.cloneNode(true)));
      document.title = page.title;
      document.documentElement.lang = page.lang;
      shown = page === index ? "" : where.page;
      // The first page is attached by page.js once the document (runtime included) is in.
      if (attach && nnpress.page) nnpress.page.attach();
    }
    const target = where.anchor && document.getElementById(where.anchor);
    if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
  }

  window.addEventListener("hashchange", () => show());
  show(false);
  nnpress.siteEdition = { show };
})();
