/**
 * The styles live inside the SVG so that the SVG serialised on its own (export as SVG or
 * PNG) looks like the page. Every rule is scoped to `.st-root`, since a <style> in inline
 * SVG applies to the whole document; colours use the page's custom properties where it
 * defines them, with fallbacks for the exported file.
 */
export const SPACE_TIME_STYLE = `
.st-root { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
.st-root text { fill: var(--fg, #1b1f24); text-anchor: start; stroke: none; }
.st-root .st-bg { fill: var(--panel, #ffffff); }
.st-root .st-lane { stroke: var(--line, #c4cad1); stroke-width: 1.5; }
.st-root .st-lane-em { stroke: var(--fg, #1b1f24); stroke-width: 3; }
.st-root text.st-lane-label { text-anchor: end; font-weight: 700; }
.st-root .st-down { stroke: var(--bad, #b42318); stroke-width: 5; stroke-dasharray: 2 4; opacity: 0.7; }
.st-root .st-grid { stroke: var(--line, #d5d9de); stroke-dasharray: 2 4; }
.st-root .st-axis { stroke: var(--muted, #55606e); }
.st-root text.st-tick { fill: var(--muted, #55606e); text-anchor: middle; font-size: 0.85em; }
.st-root .st-item { cursor: pointer; outline: none; }
.st-root .st-msg .st-line { fill: none; stroke-width: 1.75; }
.st-root .st-msg.st-dropped .st-line { stroke-dasharray: 6 4; }
.st-root .st-msg .st-x { stroke-width: 2.5; }
.st-root .st-hit { stroke: transparent; stroke-width: 14; fill: none; }
.st-root .st-em .st-line { stroke-width: 3.5; }
.st-root .st-dim { opacity: 0.22; }
.st-root text.st-msg-label { font-size: 0.8em; font-weight: 700; text-anchor: middle; paint-order: stroke; stroke: var(--panel, #ffffff); stroke-width: 3px; }
.st-root .st-op rect, .st-root path.st-op { fill-opacity: 0.2; stroke-width: 1.5; }
.st-root .st-op.st-em rect { fill-opacity: 0.35; stroke-width: 3; }
.st-root .st-op.st-open rect { stroke-dasharray: 5 3; }
.st-root .st-ok rect, .st-root path.st-ok { fill: var(--ok, #1f7a3a); stroke: var(--ok, #1f7a3a); }
.st-root .st-fail rect, .st-root path.st-fail { fill: var(--bad, #b42318); stroke: var(--bad, #b42318); }
.st-root .st-timeout rect, .st-root path.st-timeout { fill: var(--warn, #a15c00); stroke: var(--warn, #a15c00); }
.st-root .st-stale rect, .st-root .st-lost rect, .st-root path.st-stale, .st-root path.st-lost { fill: var(--warn, #a15c00); stroke: var(--warn, #a15c00); }
.st-root .st-pending rect, .st-root path.st-pending { fill: var(--muted, #55606e); stroke: var(--muted, #55606e); }
.st-root text.st-op-label { font-size: 0.85em; font-weight: 600; paint-order: stroke; stroke: var(--panel, #ffffff); stroke-width: 3px; }
.st-root .st-fault line { stroke: var(--bad, #b42318); stroke-width: 3; }
.st-root .st-fault.st-heal line, .st-root .st-fault.st-recover line { stroke: var(--ok, #1f7a3a); }
.st-root text.st-fault-word { font-size: 0.75em; font-weight: 700; }
.st-root .st-playhead { stroke: var(--fg, #1b1f24); stroke-width: 2; }
.st-root .st-playhead-cap { fill: var(--fg, #1b1f24); }
.st-root .st-item:focus-visible .st-line, .st-root .st-item:focus-visible rect { stroke: var(--focus, #c2410c); stroke-width: 4; }
.st-root.st-animate .st-item, .st-root.st-animate .st-lane { transition: opacity 0.15s, stroke-width 0.15s; }
@media (prefers-reduced-motion: reduce) { .st-root .st-item, .st-root .st-lane { transition: none; } }
`;
