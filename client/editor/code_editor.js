// The code editor of runnable blocks: CodeMirror 6 over the block's textarea.
// Bundled with esbuild into one classic script (sitegen/code_editor.py) and
// loaded only on pages that have code. The textarea stays the control the
// binder knows: every edit is written back to it as an "input" event, and a
// value the binder sets (Reset) is read back after each reply. Tab indents;
// Escape then Tab (or Shift+Tab) leaves the editor, as CodeMirror documents.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { Compartment, EditorState } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";

const editors = new WeakMap(); // textarea -> {view, editable}

// The page's words in its language (binder.js); English if the binder is not there.
function say(key, values = {}) {
  if (window.nnpress?.say) return window.nnpress.say(key, values);
  return key.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function attach(textarea) {
  if (editors.has(textarea)) return;
  const editable = new Compartment();
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), bracketMatching(),
        indentOnInput(), indentUnit.of("    "), EditorState.tabSize.of(4), python(),
        // Tokens get classes (tok-keyword...), coloured by code-editor.css from the theme's
        // variables, so both themes keep their contrast.
        syntaxHighlighting(classHighlighter),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        editable.of(EditorState.readOnly.of(textarea.disabled)), // focusable while it waits
        EditorView.contentAttributes.of({
          tabindex: "0", // what its scroll region holds is reachable by keyboard (axe)
          "aria-label": say("{label}. Tab indents; press Escape then Tab to leave the editor.",
            { label: textarea.getAttribute("aria-label") || say("Code") }),
        }),
        // Typed over a selection, Chrome's own editing writes style attributes, which the
        // pages' Content-Security-Policy refuses (a console error): replace it ourselves.
        // The selection is read from the page, which the editor may not have seen yet.
        EditorView.domEventHandlers({
          beforeinput(event, view) {
            const selection = view.root.getSelection();
            if (event.inputType !== "insertText" || !event.data || !selection
                || selection.isCollapsed || !view.contentDOM.contains(selection.anchorNode)) {
              return false;
            }
            const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
            const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
            const from = Math.min(a, b);
            event.preventDefault();
            view.dispatch({
              changes: { from, to: Math.max(a, b), insert: event.data },
              selection: { anchor: from + event.data.length },
              userEvent: "input.type",
            });
            return true;
          },
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }),
      ],
    }),
  });
  view.dom.classList.add("nn-editor");
  textarea.after(view.dom);
  textarea.closest("figure")?.classList.add("nn-has-editor");
  editors.set(textarea, { view, editable });
}

// After each reply: follow the textarea (Reset sets its value; the binder enables it).
function sync(textarea) {
  const editor = editors.get(textarea);
  if (!editor) return;
  const { view, editable } = editor;
  const doc = view.state.doc.toString();
  const effects = editable.reconfigure(EditorState.readOnly.of(textarea.disabled));
  if (doc !== textarea.value) {
    view.dispatch({ changes: { from: 0, to: doc.length, insert: textarea.value }, effects });
  } else {
    view.dispatch({ effects });
  }
}

function attachAll() {
  for (const textarea of document.querySelectorAll("figure textarea.nn-code[data-control]")) {
    attach(textarea);
  }
}

function start() {
  document.addEventListener("nnpress:update", (event) => {
    for (const textarea of event.target.querySelectorAll("textarea.nn-code[data-control]")) {
      sync(textarea);
    }
  });
  document.addEventListener("turbo:load", attachAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attachAll);
  else attachAll();
}

window.nnpress ||= {};
if (!window.nnpress.editor) { // evaluated again after a navigation: keep the first
  window.nnpress.editor = { attach };
  start();
}
