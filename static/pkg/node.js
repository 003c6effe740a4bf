// csp-eligibility for Node (>= 20): the speed build, loaded synchronously when this module is imported,
// so `decide` works at once; `init()` is there for code shared with browsers and resolves at once.
import { readFileSync } from 'node:fs';
import { initSync } from './node/csp_eligibility.js';
import * as wasm from './node/csp_eligibility.js';
import { bindApi, elementDefiner } from './api.js';

initSync({ module: readFileSync(new URL('./node/csp_eligibility_bg.wasm', import.meta.url)) });

/** Resolves at once: Node loads the module on import. */
export function init() {
  return Promise.resolve();
}

export const { decide, decideMany, nearest, timeline, validate, catalog, version } = bindApi(wasm, () => {});

/** Rejects: the element needs a browser. */
export const defineElement = elementDefiner(wasm, init);
