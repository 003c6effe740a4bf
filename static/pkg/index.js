// csp-eligibility: the rules core and the <csp-eligibility> element as one ES module, for browsers,
// bundlers and Node >= 20. The WebAssembly module is loaded once, when this module is imported.
import init, * as wasm from './csp_eligibility.js';

const wasmUrl = new URL('./csp_eligibility_bg.wasm', import.meta.url);
if (typeof process === 'object' && process.versions && process.versions.node) {
  const { readFile } = await import('node:fs/promises');
  await init({ module_or_path: await readFile(wasmUrl) });
} else {
  await init({ module_or_path: wasmUrl });
}

/** Decides a query (object or JSON string): a Decision, or a QueryError listing every problem. */
export function decide(query) {
  return wasm.decide(query);
}

/** The nearest ways to a yes (up to three per cloud not allowed), or a QueryError. */
export function nearest(query) {
  return wasm.nearest(query);
}

/** Every cloud's verdict over time, interval by interval, or a QueryError. */
export function timeline(query) {
  return wasm.timeline(query);
}

/** Checks a query: null when valid, else a QueryError listing every problem. */
export function validate(query) {
  return wasm.validate(query);
}

/** The rule catalog, with messages in `lang` ('en', 'fr' or 'de'). */
export function catalog(lang) {
  return wasm.catalog(lang);
}

/** Contract, ruleset and package versions. */
export function version() {
  return wasm.version();
}

/** Registers the <csp-eligibility> custom element (browsers only; once per page). */
export function defineElement() {
  if (typeof customElements === 'undefined') {
    throw new Error('defineElement needs a browser: customElements is not available');
  }
  wasm.defineElement();
}
