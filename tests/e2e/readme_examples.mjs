// README "The JSON contract"'s examples, checked against what the package answers: each query block
// followed by an answer block. In a documented answer, a string ending in "…" stands for any text with
// that beginning, and an array item starting with "…" for the rest of the array.

function matches(documented, actual, path) {
  if (typeof documented === 'string' && documented.endsWith('…') && typeof actual === 'string') {
    const start = documented.slice(0, -1).trimEnd();
    if (!actual.startsWith(start)) throw new Error(`${path}: "${actual}" does not begin with "${start}"`);
    return;
  }
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual)) throw new Error(`${path}: expected an array, got ${JSON.stringify(actual)}`);
    const rest = documented.findIndex((item) => typeof item === 'string' && item.startsWith('…'));
    const shown = rest === -1 ? documented : documented.slice(0, rest);
    if (rest === -1 ? actual.length !== shown.length : actual.length < shown.length) {
      throw new Error(`${path}: ${actual.length} items where the README shows ${documented.length}`);
    }
    shown.forEach((item, index) => matches(item, actual[index], `${path}[${index}]`));
    return;
  }
  if (documented && typeof documented === 'object') {
    if (!actual || typeof actual !== 'object') throw new Error(`${path}: expected an object, got ${JSON.stringify(actual)}`);
    const missing = Object.keys(actual).filter((key) => !(key in documented));
    if (missing.length) throw new Error(`${path}: the README leaves out ${missing.join(', ')}`);
    for (const key of Object.keys(documented)) matches(documented[key], actual[key], `${path}.${key}`);
    return;
  }
  if (documented !== actual) throw new Error(`${path}: README says ${JSON.stringify(documented)}, the package ${JSON.stringify(actual)}`);
}

/** Every (title, query, documented answer) of README's "### Example" sections that show an answer. */
export function readmeExamples(readme) {
  const examples = [];
  for (const section of readme.split('\n### Example').slice(1)) {
    const title = section.split('\n')[0].replace(/^ \d+: /, '');
    const blocks = [...section.split('\n## ')[0].matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
    if (blocks.length >= 2) examples.push({ title, query: blocks[0], answer: blocks[1] });
  }
  return examples;
}

/** Checks `answer` against the README's documented one; throws naming the first difference. */
export function checkExample({ title, answer }, actual) {
  matches(answer, actual, title);
}
