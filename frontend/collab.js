// Co-editing for room pages: a Yjs document per editor, synced over y-websocket to
// pycrdt-websocket's Channels consumer, bound to CodeMirror with cursors via awareness.
// Built into static/vendor/yjs/collab.js by `npm run build` (see README.md here).
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { yCollab } from "y-codemirror.next";
import { EditorView, keymap, drawSelection, highlightActiveLine } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import * as decoding from "lib0/decoding";

const ERROR_MESSAGE_TYPE = 100; // the server's JSON error frame, an extension of the y-websocket protocol
const COLORS = ["#1f6feb", "#c62828", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7ea4"];

export function mount(element, options) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(options.serverUrl, options.name + "/", doc, {
    maxBackoffTime: 2500, // reconnect with exponential backoff up to 2.5 s (the document resyncs on connect)
    resyncInterval: 30000, // and resynchronise the whole state every 30 s
  });
  provider.messageHandlers[ERROR_MESSAGE_TYPE] = (_encoder, decoder) => {
    let error = {};
    try { error = JSON.parse(decoding.readVarString(decoder)); } catch (_e) { /* keep going */ }
    if (options.onError) options.onError(error);
  };
  const color = COLORS[(options.user.id || 0) % COLORS.length];
  provider.awareness.setLocalStateField("user", { name: options.user.name, color, colorLight: color + "33" });
  const text = doc.getText("codemirror");
  const undoManager = new Y.UndoManager(text);
  const view = new EditorView({
    parent: element,
    state: EditorState.create({
      doc: text.toString(),
      extensions: [
        history(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        keymap.of([...defaultKeymap, ...historyKeymap]),
        yCollab(text, provider.awareness, { undoManager }),
      ],
    }),
  });
  const editors = () => Array.from(provider.awareness.getStates().values())
    .map((state) => state.user && state.user.name).filter(Boolean);
  provider.awareness.on("change", () => { if (options.onEditors) options.onEditors(editors()); });
  provider.on("status", (event) => { if (options.onStatus) options.onStatus(event.status); });
  provider.on("sync", (synced) => { if (options.onSync) options.onSync(synced); });
  return { doc, provider, view, text: () => text.toString() };
}
