// The page's Python, off the main thread. Boots Pyodide + numpy + our wheel,
// reports download progress, then passes every widget message to
// nnpress.browser.handle() and posts the reply back. Nothing widget-specific.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const here = new URL(".", import.meta.url);
let loaded = 0;
let total = 1;

function progress(stage) {
  postMessage({ type: "progress", stage, loaded, total });
}

// Count bytes as Pyodide downloads its files, by passing each response body
// through a counting stream. One download, real progress.
const realFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const response = await realFetch(input, init);
  if (!response.body) return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      progress("download");
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

let python = null;
const waiting = [];

async function boot({ wheel, bytes }) {
  total = bytes;
  progress("download");
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", here).href });
  await pyodide.loadPackage(["numpy", new URL(wheel, here).href], {
    messageCallback: () => {},
  });
  progress("start");
  python = pyodide.pyimport("nnpress.browser");
  postMessage({ type: "ready" });
  for (const message of waiting.splice(0)) handle(message);
}

function handle(message) {
  try {
    const reply = python.handle(JSON.stringify(message));
    postMessage({ type: "update", id: message.id, payload: JSON.parse(reply) });
  } catch (error) {
    postMessage({ type: "failed", id: message.id, error: String(error) });
  }
}

self.onmessage = ({ data }) => {
  if (data.type === "boot") {
    boot(data).catch((error) => postMessage({ type: "error", error: String(error) }));
  } else if (python) {
    handle(data);
  } else {
    waiting.push(data);
  }
};
