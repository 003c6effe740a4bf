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

/** How many numbers a query takes in its numeric form (`QUERY_WORDS` in `src/core/compact.rs`). */
const QUERY_WORDS = 18;

/** What the reader gives for a query the numeric form declined: it goes again as JSON text. */
const DECLINED = Symbol('declined');

/** A plain object, as JSON would write it field by field (no class instance, array or null). */
function isPlain(value) {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Writes query objects in their numeric form (`read_query_words` in `src/core/compact.rs`), so that no
 * JSON is written or parsed: `write(query, words, at)` fills `QUERY_WORDS` zeroed numbers from `at`, or
 * returns false when the query cannot go that way (a wrong type, an unknown field, a null…); it then
 * goes as JSON text, whose reader names every problem. `vocabulary` gives each field's ids in order.
 */
function queryWriter(vocabulary) {
  const indexed = (ids) => new Map(ids.map((id, i) => [id, i + 1]));
  const [model, role, segment, relation, status, cloud, task, program] =
    ['model', 'role', 'segment', 'relation', 'status', 'cloud', 'task', 'program'].map((name) => indexed(vocabulary[name]));
  const letter = (text, i) => {
    const code = text.charCodeAt(i) - 65;
    return code >= 0 && code < 26 ? code : -1;
  };
  /** A country code as `1 + 26 × letter + letter`; 0 when it is not two capital letters. */
  const country = (value) => {
    if (typeof value !== 'string' || value.length !== 2) return 0;
    const first = letter(value, 0);
    const second = letter(value, 1);
    return first < 0 || second < 0 ? 0 : 1 + first * 26 + second;
  };
  const flag = (value) => (value === true ? 2 : value === false ? 1 : 0);
  /** A `YYYY-MM-DD` day (year from 1000) as the number `YYYYMMDD`; 0 when it is not written so. */
  const day = (value) => {
    if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return 0;
    let number = 0;
    for (let i = 0; i < 10; i += 1) {
      if (i === 4 || i === 7) continue;
      const digit = value.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return 0;
      number = number * 10 + digit;
    }
    return number >= 10000000 ? number : 0;
  };
  const programs = (value) => {
    if (!Array.isArray(value)) return 0;
    let word = 0;
    let seen = 0;
    let shift = 0;
    for (let i = 0; i < value.length; i += 1) {
      const chosen = program.get(value[i]);
      if (chosen === undefined) return 0;
      if (seen & (1 << chosen)) continue;
      seen |= 1 << chosen;
      word |= chosen << shift;
      shift += 3;
    }
    return (word | 0x80000000) >>> 0;
  };
  /** Stores `word` at `words[at]`: `bit` (the field's required bit, or 0), or -1 when it could not be read (0). */
  const put = (words, at, word, bit) => {
    words[at] = word;
    return word === 0 ? -1 : bit;
  };
  /** Writes the partner's field `key` (words 1 to 11): its required bit, or -1. */
  const partner = (key, field, words, at) => {
    switch (key) {
      case 'country': return put(words, at + 1, country(field), 1);
      case 'model': return put(words, at + 2, model.get(field) ?? 0, 2);
      case 'has_partner_id': return put(words, at + 3, flag(field), 0);
      case 'mpa_signed': return put(words, at + 4, flag(field), 0);
      case 'provider_country': return put(words, at + 5, country(field), 0);
      case 'programs': return put(words, at + 6, programs(field), 0);
      case 'us_gov_validated': return put(words, at + 7, flag(field), 0);
      case 'role': return put(words, at + 8, role.get(field) ?? 0, 0);
      case 'european_account': return put(words, at + 9, flag(field), 0);
      case 'european_tenant_country': return put(words, at + 10, country(field), 0);
      case 'european_tenant_active': return put(words, at + 11, flag(field), 0);
      default: return -1;
    }
  };
  /** Writes the customer's field `key` (words 12 to 15): its required bit, or -1. */
  const customer = (key, field, words, at) => {
    switch (key) {
      case 'country': return put(words, at + 12, country(field), 1);
      case 'segment': return put(words, at + 13, segment.get(field) ?? 0, 2);
      case 'relation': return put(words, at + 14, relation.get(field) ?? 0, 4);
      case 'national_cloud_customer': return put(words, at + 15, status.get(field) ?? 0, 0);
      default: return -1;
    }
  };
  /** Writes the query's field `key` (words 0, 16, 17 and the objects'): its required bit, or -1. */
  const top = (key, field, words, at) => {
    switch (key) {
      case 'api_version': return field === 1 ? 1 : -1;
      case 'as_of': return put(words, at, day(field), 2);
      case 'partner': return object(field, partner, 3, words, at) ? 4 : -1;
      case 'customer': return object(field, customer, 7, words, at) ? 8 : -1;
      case 'cloud': return put(words, at + 16, cloud.get(field) ?? 0, 0);
      case 'task': return put(words, at + 17, task.get(field) ?? 0, 0);
      default: return -1;
    }
  };
  /** Writes an object's fields with `place`; false unless each is known and readable and the `required` bits are all there. */
  function object(value, place, required, words, at) {
    if (!isPlain(value)) return false;
    let found = 0;
    for (const key in value) {
      const field = value[key];
      // JSON leaves out a field that is undefined.
      if (field === undefined) continue;
      const bit = place(key, field, words, at);
      if (bit < 0) return false;
      found |= bit;
    }
    return found === required;
  }
  /** Writes `query` from `words[at]`, whose `QUERY_WORDS` numbers must be 0 (absent fields stay 0). */
  return (query, words, at) => object(query, top, 15, words, at);
}

/** Freezes a lexicon entry and what it holds (a cloud's verdict holds its portal and deciding rules). */
function deepFreeze(value) {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads compact replies (the numbers `src/core/compact.rs` describes) into the documented objects. The
 * lexicon's entries (reasons, actions, notes, portals, ids, and with verdicts only each cloud's verdict) arrive
 * once and are shared, frozen objects.
 */
function compactReader(wasm) {
  const lexicon = [undefined];
  let head = null;
  // Days recur across answers (as-of days, source dates): each is written once.
  const days = new Map();
  const day = (n) => {
    let text = days.get(n);
    if (text === undefined) {
      if (days.size >= 4096) days.clear();
      text = dayText(n);
      days.set(n, text);
    }
    return text;
  };
  // The reply being read and the reading position, shared by the helpers below.
  let codes = null;
  let at = 0;
  const entry = () => lexicon[codes[at++]];
  const list = () => {
    const out = new Array(codes[at]);
    for (let k = 0; k < out.length; k += 1) out[k] = lexicon[codes[at + 1 + k]];
    at += 1 + out.length;
    return out;
  };
  // With verdicts only, each cloud's whole record is one shared entry.
  const verdictsOf = entry;
  const decisionOf = () => ({
    cloud: entry(), verdict: entry(), portal: entry(), task_portals: list(), deciding: list(), reasons: list(), actions: list(),
    missing_facts: list(), cautions: list(), notes: list(), sources_up_to: day(codes[at++]),
  });
  return (reply, full) => {
    let errors = [];
    if (reply[0] > 0 || reply[1] > 0) {
      const [entries, found] = JSON.parse(wasm.takeNew());
      for (const item of entries) lexicon.push(deepFreeze(item));
      errors = found;
    }
    head ??= wasm.version();
    const cloudOf = full ? decisionOf : verdictsOf;
    const answers = [];
    codes = reply;
    at = 2;
    while (at < codes.length) {
      const tag = codes[at];
      if (tag === 1) {
        answers.push(errors[codes[at + 1]]);
        at += 2;
        continue;
      }
      if (tag === 2) {
        answers.push(DECLINED);
        at += 1;
        continue;
      }
      const asOf = day(codes[at + 1]);
      at += 2;
      const documentsUpTo = full ? day(codes[at++]) : undefined;
      const requested = entry();
      const task = entry();
      const clouds = new Array(codes[at++]);
      for (let c = 0; c < clouds.length; c += 1) clouds[c] = cloudOf();
      let answer;
      if (requested === undefined && task === undefined) {
        answer = full
          ? { api_version: head.api_version, ruleset_version: head.ruleset_version, as_of: asOf, documents_up_to: documentsUpTo, clouds }
          : { api_version: head.api_version, ruleset_version: head.ruleset_version, as_of: asOf, clouds };
      } else {
        // The contract's order: the asked cloud and task come before the clouds.
        answer = { api_version: head.api_version, ruleset_version: head.ruleset_version, as_of: asOf };
        if (full) answer.documents_up_to = documentsUpTo;
        if (requested !== undefined) answer.requested_cloud = requested;
        if (task !== undefined) answer.task = task;
        answer.clouds = clouds;
      }
      answers.push(answer);
    }
    codes = null;
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
  let writer = null;
  const write = (query, words, at) => {
    writer ??= queryWriter(JSON.parse(wasm.queryVocabulary()));
    return writer(query, words, at);
  };
  const one = new Uint32Array(QUERY_WORDS);
  /** Decides a query as JSON text: compact when it is valid as it stands, else with its problems. */
  function decideText(query, verdicts) {
    const text = jsonText(query);
    const codes = text === undefined ? [] : wasm.decideCompact(text, verdicts);
    // Its problems are read from the same text, so a field left undefined is absent, as in JSON.
    return codes.length > 0 ? read(codes, !verdicts)[0] : wasm.decide(text ?? query, verdicts);
  }
  /**
   * Decides a query (object or JSON string): a Decision, or a QueryError listing every problem.
   * `{ detail: 'verdicts' }` gives only each cloud's verdict, portal and deciding rules.
   */
  function decide(query, options) {
    ensureReady();
    const verdicts = wantsVerdicts(options);
    one.fill(0);
    if (typeof query === 'object' && write(query, one, 0)) {
      const [answer] = read(wasm.decideWords(one, verdicts), !verdicts);
      if (answer !== DECLINED) return answer;
    }
    return decideText(query, verdicts);
  }
  /** Decides an array of queries in one call: one answer (Decision, Verdicts or QueryError) per query, in order. */
  function decideMany(queries, options) {
    ensureReady();
    if (!Array.isArray(queries)) throw new TypeError('decideMany(queries): queries must be an array');
    const verdicts = wantsVerdicts(options);
    const words = new Uint32Array(queries.length * QUERY_WORDS);
    for (let i = 0; i < queries.length; i += 1) {
      // A query the numeric form cannot hold leaves its words 0, which the core declines.
      if (typeof queries[i] !== 'object' || !write(queries[i], words, i * QUERY_WORDS)) words.fill(0, i * QUERY_WORDS, (i + 1) * QUERY_WORDS);
    }
    const answers = read(wasm.decideWords(words, verdicts), !verdicts);
    for (let i = 0; i < answers.length; i += 1) {
      if (answers[i] === DECLINED) answers[i] = decideText(queries[i], verdicts);
    }
    return answers;
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
