// The page's Python, off the main thread (a classic worker, so the offline
// edition can start it from a blob). Boots Pyodide + numpy + our wheel,
// reports download progress, then passes every figure message to
// nnpress.browser.handle() and posts the reply back. Nothing widget-specific.
//
// Boot message: {type: "boot", indexURL, wheelURL, bytes, files?}. With
// `files` (name -> bytes) every runtime file is answered from memory: that is
// the offline edition, where there is no server to ask.
let python = null;
let loaded = 0;
let total = 1;
let files = null;
let lastReport = 0;
const waiting = [];

function progress(stage) {
  const now = performance.now();
  if (stage === "download" && now - lastReport < 40 && loaded < total) return;
  lastReport = now;
  postMessage({ type: "progress", stage, loaded, total });
}

// Pyodide fetches strings, URL objects and Requests. No URL parsing: a worker
// started from a blob has a blob: location, which cannot resolve anything.
function fileName(input) {
  const path = (input instanceof Request ? input.url : String(input)).split(/[?#]/)[0];
  return path.slice(path.lastIndexOf("/") + 1);
}

// Count bytes as Pyodide downloads its files by reading a copy of each body:
// Pyodide gets the network's own response, so the browser can still reuse the
// compiled WebAssembly it cached on an earlier visit.
async function count(response) {
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    loaded += value.byteLength;
    progress("download");
  }
}

const networkFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const name = fileName(input);
  if (files) {
    const data = files[name];
    if (!data) throw new Error(`${name} is not part of this offline edition`);
    loaded += data.byteLength;
    progress("download");
    const type = name.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
    return new Response(data, { headers: { "Content-Type": type } });
  }
  let response;
  try {
    response = await networkFetch(input, init);
  } catch (error) {
    fail(`could not download ${name}: ${whyNot(error)}`);
    throw error;
  }
  if (!response.ok) {
    fail(`could not download ${name}: the server answered ${response.status}`);
    throw new Error(`${name}: HTTP ${response.status}`);
  }
  if (response.body) count(response.clone()).catch(() => {});
  return response;
};

function whyNot(error) {
  return navigator.onLine
    ? `the network failed (${error.message})`
    : "you are offline and this site is not saved for offline reading yet";
}

let failedAlready = false;
function fail(error) {
  if (failedAlready) return;
  failedAlready = true;
  postMessage({ type: "error", error: String(error) });
}

async function importModule(name, indexURL) {
  if (!files) {
    try {
      return await import(indexURL + name);
    } catch (error) {
      fail(`could not download ${name}: ${whyNot(error)}`);
      throw error;
    }
  }
  const url = URL.createObjectURL(new Blob([files[name]], { type: "text/javascript" }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function boot({ indexURL, wheelURL, bytes, files: inMemory }) {
  files = inMemory || null;
  total = bytes;
  progress("download");
  // pyodide.asm.js defines _createPyodideModule; loaded first, Pyodide skips fetching it.
  if (files) await importModule("pyodide.asm.js", indexURL);
  const { loadPyodide } = await importModule("pyodide.mjs", indexURL);
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage(["numpy", wheelURL], { messageCallback: () => {} });
  progress("start");
  python = pyodide.pyimport("nnpress.browser");
  postMessage({ type: "ready" });
  for (const message of waiting.splice(0)) handle(message);
}

function handle(message) {
  if (message.type === "page") {
    python.forget_all();
    return;
  }
  try {
    const reply = python.handle(JSON.stringify(message));
    postMessage({ type: "update", id: message.id, generation: message.generation,
                  payload: JSON.parse(reply) });
  } catch (error) {
    postMessage({ type: "failed", id: message.id, generation: message.generation,
                  error: String(error) });
  }
}

self.onmessage = ({ data }) => {
  if (data.type === "boot") {
    boot(data).catch((error) => fail(error));
  } else if (python) {
    handle(data);
  } else {
    waiting.push(data);
  }
};
