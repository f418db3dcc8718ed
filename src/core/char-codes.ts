/**
 * Character codes by name, for the scanners that compare `charCodeAt` results in loops over every
 * person note. Plain number constants: a minified esbuild bundle (main.js, the CLI) writes the
 * number itself in their place, across modules, so a name costs nothing at run time. (A `const
 * enum` would be inlined too, but typescript-eslint refuses comparing its members with a number.)
 * Unbundled, as vitest runs the source, each use is a lookup on the imported module: time these
 * loops in a bundle.
 */

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const EXCLAMATION = 33;
export const HASH = 35;
export const DOLLAR = 36;
export const PERCENT = 37;
export const CLOSE_PAREN = 41;
export const ASTERISK = 42;
export const PLUS = 43;
export const COMMA = 44;
export const HYPHEN = 45;
export const PERIOD = 46;
export const SLASH = 47;
export const DIGIT_0 = 48;
export const DIGIT_9 = 57;
export const COLON = 58;
export const LESS_THAN = 60;
export const EQUALS = 61;
export const GREATER_THAN = 62;
export const QUESTION = 63;
export const UPPER_A = 65;
export const UPPER_X = 88;
export const UPPER_Z = 90;
export const OPEN_BRACKET = 91;
export const BACKSLASH = 92;
export const CLOSE_BRACKET = 93;
export const UNDERSCORE = 95;
export const BACKTICK = 96;
export const LOWER_A = 97;
export const LOWER_X = 120;
export const LOWER_Z = 122;
export const PIPE = 124;
export const TILDE = 126;
/** The first code past ASCII. */
export const FIRST_NON_ASCII = 128;
/** `A` | 32 is `a`: the bit that makes an ASCII letter lower case. */
export const LOWER_CASE_BIT = 32;
export const BOM_CODE = 0xfeff;

export function isSpaceOrTab(code: number): boolean {
	return code === SPACE || code === TAB;
}

export function isDigitCode(code: number): boolean {
	return code >= DIGIT_0 && code <= DIGIT_9;
}
