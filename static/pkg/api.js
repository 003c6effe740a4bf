// The package's functions over one wasm-bindgen build; node.js and browser.js bind them to theirs.

const TAG = 'csp-eligibility';

/**
 * The JS API over `wasm` (a wasm-bindgen module); `ensureReady` throws when it is not initialised yet.
 * @param {typeof import('./browser/csp_eligibility.js')} wasm
 * @param {() => void} ensureReady
 */
export function bindApi(wasm, ensureReady) {
  const ready = (call) => (arg) => {
    ensureReady();
    return call(arg);
  };
  return {
    /** Decides a query (object or JSON string): a Decision, or a QueryError listing every problem. */
    decide: ready((query) => wasm.decide(query)),
    /** The nearest ways to a yes (up to three per cloud not allowed), or a QueryError. */
    nearest: ready((query) => wasm.nearest(query)),
    /** Every cloud's verdict over time, interval by interval, or a QueryError. */
    timeline: ready((query) => wasm.timeline(query)),
    /** Checks a query: null when valid, else a QueryError listing every problem. */
    validate: ready((query) => wasm.validate(query)),
    /** The rule catalog, with messages in `lang` ('en', 'fr' or 'de'). */
    catalog: ready((lang) => wasm.catalog(lang)),
    /** Contract, ruleset and package versions. */
    version: ready(() => wasm.version()),
  };
}

/** Registers the <csp-eligibility> element once per page, after `init` has loaded the module. */
export function elementDefiner(wasm, init) {
  return async (options) => {
    if (typeof customElements === 'undefined') {
      throw new Error('defineElement needs a browser: customElements is not available');
    }
    await init(options);
    if (!customElements.get(TAG)) wasm.defineElement();
  };
}
