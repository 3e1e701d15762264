/**
 * Reads a `_headers` file the way Netlify and Cloudflare Pages do, so tests can
 * ask which headers a path of the site gets: a line that starts without a space
 * is a path pattern (`*` matches any run of characters), the indented
 * `Name: value` lines under it are its headers, `#` starts a comment. When
 * several rules match a path and set the same header, both hosts join the
 * values with `, `.
 */

export interface HeaderRule {
  readonly pattern: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** The rules of a `_headers` file, in order. Lines that fit no rule are skipped. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules[rules.length - 1];
    if (colon < 0 || rule === undefined) continue;
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * Every header a path (from the site root, e.g. `/assets/index-abc.js`) gets,
 * by lower-case name, with the values of each name in the order the rules set
 * them: more than one value means the host would join them.
 */
export function headersForPath(rules: readonly HeaderRule[], path: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      found.set(key, [...(found.get(key) ?? []), value]);
    }
  }
  return found;
}

/** A Content-Security-Policy as directive → its sources, in order. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
