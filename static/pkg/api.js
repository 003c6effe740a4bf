// The package's functions over one wasm-bindgen build; node.js and browser.js bind them to theirs.

const TAG = 'csp-eligibility';

/** A day carried as the number YYYYMMDD, written YYYY-MM-DD. */
const dayText = (n) => `${String(Math.floor(n / 10000)).padStart(4, '0')}-${String(Math.floor(n / 100) % 100).padStart(2, '0')}-${String(n % 100).padStart(2, '0')}`;

/** Whether `options` ask for verdicts only; a wrong option is a TypeError that names it. */
function wantsVerdicts(options) {
  const detail = options?.detail ?? 'full';
  if (detail !== 'full' && detail !== 'verdicts') {
    throw new TypeError(`options.detail must be 'full' or 'verdicts', not ${JSON.stringify(detail) ?? String(detail)}`);
  }
  return detail === 'verdicts';
}

/** A query as JSON text, or undefined when it has none (cyclic, BigInt, a function…). */
function jsonText(query) {
  if (typeof query === 'string') return query;
  try {
    const text = JSON.stringify(query);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads compact replies (the numbers `src/core/compact.rs` describes) into the documented objects. The
 * lexicon's entries (reasons, actions, notes, portals, ids) arrive once and are shared, frozen objects.
 */
function compactReader(wasm) {
  const lexicon = [undefined];
  let head = null;
  return (codes, full) => {
    let errors = [];
    if (codes[0] > 0 || codes[1] > 0) {
      const [entries, found] = JSON.parse(wasm.takeNew());
      for (const entry of entries) lexicon.push(typeof entry === 'object' && entry !== null ? Object.freeze(entry) : entry);
      errors = found;
    }
    head ??= wasm.version();
    const list = (at) => {
      const out = new Array(codes[at]);
      for (let k = 0; k < out.length; k += 1) out[k] = lexicon[codes[at + 1 + k]];
      return out;
    };
    const answers = [];
    let at = 2;
    while (at < codes.length) {
      if (codes[at] === 1) {
        answers.push(errors[codes[at + 1]]);
        at += 2;
        continue;
      }
      at += 1;
      const answer = { api_version: head.api_version, ruleset_version: head.ruleset_version, as_of: dayText(codes[at]) };
      at += 1;
      if (full) answer.documents_up_to = dayText(codes[at++]);
      if (codes[at]) answer.requested_cloud = lexicon[codes[at]];
      if (codes[at + 1]) answer.task = lexicon[codes[at + 1]];
      const clouds = new Array(codes[at + 2]);
      at += 3;
      for (let c = 0; c < clouds.length; c += 1) {
        const cloud = { cloud: lexicon[codes[at]], verdict: lexicon[codes[at + 1]], portal: lexicon[codes[at + 2]] };
        at += 3;
        if (full) {
          cloud.task_portals = list(at);
          at += 1 + codes[at];
        }
        cloud.deciding = list(at);
        at += 1 + codes[at];
        if (full) {
          for (const field of ['reasons', 'actions', 'missing_facts', 'cautions', 'notes']) {
            cloud[field] = list(at);
            at += 1 + codes[at];
          }
          cloud.sources_up_to = dayText(codes[at++]);
        }
        clouds[c] = cloud;
      }
      answer.clouds = clouds;
      answers.push(answer);
    }
    return answers;
  };
}

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
  const read = compactReader(wasm);
  /**
   * Decides a query (object or JSON string): a Decision, or a QueryError listing every problem.
   * `{ detail: 'verdicts' }` gives only each cloud's verdict, portal and deciding rules.
   */
  function decide(query, options) {
    ensureReady();
    const verdicts = wantsVerdicts(options);
    const text = jsonText(query);
    const codes = text === undefined ? [] : wasm.decideCompact(text, verdicts);
    return codes.length > 0 ? read(codes, !verdicts)[0] : wasm.decide(query, verdicts);
  }
  /** Decides an array of queries in one call: one answer (Decision, Verdicts or QueryError) per query, in order. */
  function decideMany(queries, options) {
    ensureReady();
    if (!Array.isArray(queries)) throw new TypeError('decideMany(queries): queries must be an array');
    const verdicts = wantsVerdicts(options);
    const text = jsonText(queries);
    if (text === undefined) return queries.map((query) => decide(query, options));
    return read(wasm.decideManyCompact(text, verdicts), !verdicts);
  }
  return {
    decide,
    decideMany,
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
