// Run Python in Pyodide under Node, offline, and print what it returns.
//
//   node tests/pyodide_run.mjs RUNTIME_DIR [ARCHIVE.zip|.whl ...] < code.py
//
// RUNTIME_DIR is a folder written by sitegen.runtime.vendor_runtime (the core files,
// the numpy wheel and a trimmed lock). Each archive is unpacked into site-packages,
// as a wheel would be installed. The code's last expression must be a str; it is
// written to stdout. Python's own prints go to stderr, so stdout is the result only.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [runtime, ...archives] = process.argv.slice(2).map((p) => resolve(p));
const { loadPyodide } = await import(pathToFileURL(`${runtime}/pyodide.mjs`).href);
const quiet = () => {};
const py = await loadPyodide({ indexURL: `${runtime}/`, stdout: console.error });
await py.loadPackage("numpy", { messageCallback: quiet });
const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
for (const archive of archives) {
  py.unpackArchive(new Uint8Array(readFileSync(archive)), "zip", { extractDir: sitePackages });
}
const result = py.runPython(readFileSync(0, "utf-8"));
process.stdout.write(String(result));
