// The site's service worker, written into every build as sw.js. The build
// puts the list of the site's files below, each with its content hash, so the
// first visit saves every post, the runtime, the fonts and the data, and a
// new deploy replaces exactly the files that changed. Workbox does the work:
// a new list is fetched whole (with each file's integrity checked) before it
// takes over; until then the old list keeps serving, so a page never mixes
// old and new files; old entries are deleted once the new list is in charge.
importScripts(
  "static/workbox/workbox-core.prod.js",
  "static/workbox/workbox-routing.prod.js",
  "static/workbox/workbox-strategies.prod.js",
  "static/workbox/workbox-precaching.prod.js",
);

const SITE_FILES = self.__WB_MANIFEST;
const OFFLINE_PAGE = "offline.html";

workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
workbox.precaching.precacheAndRoute(SITE_FILES, {
  directoryIndex: "index.html", // posts/x/ is posts/x/index.html
  cleanURLs: false,
  ignoreURLParametersMatching: [/.*/], // ?weight=... never names another file
});

// Anything not in the list goes to the network; a page asked for while the
// network is down gets the offline page instead of the browser's error.
workbox.routing.setDefaultHandler(new workbox.strategies.NetworkOnly());
workbox.routing.setCatchHandler(async ({ request }) => {
  if (request.destination === "document") {
    const page = await workbox.precaching.matchPrecache(OFFLINE_PAGE);
    if (page) return page;
  }
  return Response.error();
});

// A page asks a waiting new version to take over (see offline.js).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
