/** The overlay's styles, inside its shadow root: nothing leaks out, `all: initial` keeps the page's out. */
export const OVERLAY_CSS = `
:host { all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; }
* { box-sizing: border-box; }
.root { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0a58ca; --active: #e7f0ff; --warn: #8a4b00; --warn-bg: #fff4e0; }
@media (prefers-color-scheme: dark) {
  .root { color: #e6edf3; --bg: #1c2128; --fg: #e6edf3; --muted: #9da7b3; --line: #444c56; --accent: #6cb6ff; --active: #253040; --warn: #f0b46a; --warn-bg: #3a2a12; }
}
.corner { position: fixed; width: 24px; height: 24px; padding: 0; border-radius: 6px; border: 1px solid var(--line);
  background: var(--bg); color: var(--accent); cursor: pointer; display: flex; align-items: center; justify-content: center;
  box-shadow: 0 1px 3px rgba(0,0,0,.2); }
.corner[hidden], .dialog[hidden], .toast[hidden] { display: none; }
.corner:focus-visible, .dialog input:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.corner svg { width: 14px; height: 14px; fill: currentColor; }
.dialog { position: fixed; width: 420px; max-width: calc(100vw - 16px); max-height: min(420px, calc(100vh - 16px));
  display: flex; flex-direction: column; background: var(--bg); color: var(--fg); border: 1px solid var(--line);
  border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28); overflow: hidden; }
.dialog input { margin: 8px; padding: 6px 10px; font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 6px; }
.list { list-style: none; margin: 0; padding: 0 4px 4px; overflow-y: auto; flex: 1; }
.option { padding: 6px 8px; border-radius: 6px; cursor: pointer; }
.option[aria-selected="true"] { background: var(--active); outline: 1px solid var(--accent); }
.title { display: block; font-weight: 600; }
.shortcut { font-weight: 400; color: var(--muted); margin-left: 6px; font-family: ui-monospace, monospace; font-size: 12px; }
.preview { display: block; color: var(--muted); white-space: pre-wrap; overflow: hidden; max-height: 4.2em; font-size: 13px; }
.warning { display: block; margin-top: 2px; padding: 1px 6px; border-radius: 4px; font-size: 12px; color: var(--warn); background: var(--warn-bg); }
.empty, .hint { margin: 0; padding: 8px 12px; color: var(--muted); font-size: 12px; }
.hint { border-top: 1px solid var(--line); }
.toast { position: fixed; max-width: 360px; padding: 8px 12px; border-radius: 8px; background: var(--bg); color: var(--fg);
  border: 1px solid var(--warn); box-shadow: 0 4px 16px rgba(0,0,0,.25); }
`;
