// What the site's plain-JS pages (the batch view and the rule catalog) share: the page's language, DOM
// building without HTML strings, and the language switcher.

const params = new URLSearchParams(location.search);

/** The page's language: the address's `lang`, else the browser's, among those the catalog has. */
export const lang = ['en', 'fr', 'de'].find((tag) => tag === (params.get('lang') ?? navigator.language ?? 'en').slice(0, 2).toLowerCase()) ?? 'en';
document.documentElement.lang = lang;

/** An element with attributes and children (strings become text, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    // Through the CSSOM: style attributes would break the page's Content-Security-Policy.
    else if (name === 'style') Object.assign(node.style, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.flat(Infinity));
  return node;
}

/** The language switcher: reloads the page in the chosen language. */
export function languageSelect() {
  return el('select', { id: 'lang', 'aria-label': 'Language / Langue / Sprache', onchange: (event) => { params.set('lang', event.target.value); location.search = params.toString(); } },
    [['en', 'English'], ['fr', 'Français'], ['de', 'Deutsch']].map(([tag, name]) => el('option', { value: tag, selected: tag === lang }, name)));
}
