// The offline edition's side of the runtime. An edition is one HTML file
// opened from the disk, with no server to fetch Python from, so it carries
// everything: the worker's source in a script element that never runs
// (#nn-edition-worker), and Pyodide, numpy and our wheel, gzipped and
// base64-encoded, in another (#nn-edition-payload). page.js sees
// nnpress.edition, starts the worker from worker() and merges what boot()
// returns into the worker's boot message; the worker then answers each of
// Pyodide's fetches from these files, by file name.
//
// The payload (sitegen/edition_payload.py): the files end to end, then an
// index ({files: [[name, size], ...], wheel}) as JSON, then the index's
// length as a 4-byte little-endian integer.
(() => {
  const nnpress = (window.nnpress ||= {});
  if (nnpress.edition) return;
  // Any absolute URL will do: the worker answers every fetch by its file name.
  const INDEX_URL = "https://edition.invalid/pyodide/";

  function elementText(id) {
    const element = document.getElementById(id);
    if (!element) throw new Error(`this offline edition has no #${id}`);
    return element.textContent;
  }

  async function fromBase64(text) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
    const response = await fetch(`data:application/octet-stream;base64,${text}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async function gunzip(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function unpack(data) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const indexEnd = data.byteLength - 4;
    const indexStart = indexEnd - view.getUint32(indexEnd, true);
    const index = JSON.parse(new TextDecoder().decode(data.subarray(indexStart, indexEnd)));
    const files = {};
    let at = 0;
    for (const [name, size] of index.files) {
      files[name] = data.subarray(at, at + size);
      at += size;
    }
    if (at !== indexStart) throw new Error("the payload's index does not match its files");
    return { files, wheel: index.wheel };
  }

  function worker() {
    const source = elementText("nn-edition-worker");
    // Each worker (the page's Python, the code blocks' sandbox) gets its own URL.
    return new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  }

  async function boot() {
    const packed = await fromBase64(elementText("nn-edition-payload").trim());
    const { files, wheel } = unpack(await gunzip(packed));
    // What the worker fetches (the .js/.mjs files it imports), for its progress bar.
    const bytes = Object.entries(files)
      .filter(([name]) => !/\.m?js$/.test(name))
      .reduce((sum, [, data]) => sum + data.byteLength, 0);
    return { files, indexURL: INDEX_URL, wheelURL: INDEX_URL + wheel, bytes };
  }

  nnpress.edition = { worker, boot };
})();
