// csp-eligibility for browsers and bundlers: the size build. Nothing is fetched on import; `await init()`
// (once, anywhere) loads the WebAssembly module, then every function answers synchronously.
import initWasm, * as wasm from './browser/csp_eligibility.js';
import { bindApi, elementDefiner } from './api.js';

let loading = null;
let loaded = false;

/**
 * Loads the WebAssembly module; later calls return the same promise. `options.wasm` overrides where it
 * comes from (a URL, a Response, bytes or a compiled module), for bundlers that do not copy the file.
 */
export function init(options = {}) {
  if (!loading) {
    const source = options.wasm ?? new URL('./browser/csp_eligibility_bg.wasm', import.meta.url);
    loading = initWasm({ module_or_path: source }).then(
      () => {
        loaded = true;
      },
      (error) => {
        loading = null;
        throw error;
      },
    );
  }
  return loading;
}

export const { decide, decideMany, nearest, timeline, validate, catalog, version } = bindApi(wasm, () => {
  if (!loaded) throw new Error('csp-eligibility is not loaded yet: `await init()` once before calling it');
});

/** Loads the module if needed, then registers the <csp-eligibility> custom element (once per page). */
export const defineElement = elementDefiner(wasm, init);
