// Canned replies (快捷回复) with {{variables}}, filled in the same way by the server (POST
// …/macros/{id}/render) and by the console's live preview.
import { MACRO_VARIABLES, type MacroVariable } from './cases.js';

/** {{name}} with optional spaces inside the braces; the name is anything but spaces and braces. */
const VARIABLE_RE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function isMacroVariable(name: string): name is MacroVariable {
  return (MACRO_VARIABLES as readonly string[]).includes(name);
}

/**
 * The body with each known variable replaced by its value. A variable with no value (say, no
 * estimate yet) and an unknown name stay as written, so the agent sees what is left to fill in.
 */
export function renderMacro(body: string, vars: Partial<Record<MacroVariable, string>>): string {
  return body.replace(VARIABLE_RE, (whole, name: string) => {
    if (!isMacroVariable(name)) return whole;
    const value = vars[name];
    return value === undefined ? whole : value;
  });
}

/** Names used as {{name}} that are not macro variables, each once, in order of appearance. */
export function findUnknownVariables(body: string): string[] {
  const unknown: string[] = [];
  for (const m of body.matchAll(VARIABLE_RE)) {
    const name = m[1]!;
    if (!isMacroVariable(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}
