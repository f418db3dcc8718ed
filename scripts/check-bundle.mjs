// Guards what ships: main.js must stay small, load on Obsidian mobile (no Node built-ins, no
// Buffer) and carry nothing that runs strings as code, writes HTML or reaches the network.
import { readFileSync, statSync } from "fs";
import { builtinModules as builtins } from "node:module";

const file = process.argv[2] ?? "main.js";
const source = readFileSync(file, "utf8");
const size = statSync(file).size;
const problems = [];

// A ceiling against accidents (a library bundled by mistake, a second copy of CodeMirror), not the
// size budget: that one (150 KB, from the benchmark issue) is measured and reported by
// `npm run bench`, and is exceeded since the contact import and the reach-out queue landed (~205 KB).
const LIMIT = 256 * 1024;
if (size > LIMIT) problems.push(`${file} is ${size} bytes, over the ${LIMIT}-byte ceiling`);

const required = [...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
for (const name of required) {
	const bare = name.replace(/^node:/, "");
	if (builtins.includes(bare) || name.startsWith("node:")) problems.push(`${file} requires the Node module '${name}'`);
	else if (name !== "obsidian" && !name.startsWith("@codemirror/") && !name.startsWith("@lezer/"))
		problems.push(`${file} requires '${name}', which Obsidian does not provide`);
}

const forbidden = [
	[/\bBuffer\b/, "Buffer (Node only)"],
	[/\beval\s*\(/, "eval"],
	[/new\s+Function\s*\(/, "new Function"],
	[/\binnerHTML\b/, "innerHTML"],
	[/\bouterHTML\b/, "outerHTML"],
	[/\binsertAdjacentHTML\b/, "insertAdjacentHTML"],
	[/\bfetch\s*\(/, "fetch"],
	[/\bXMLHttpRequest\b/, "XMLHttpRequest"],
	[/\brequestUrl\b/, "requestUrl"],
	[/\bWebSocket\b/, "WebSocket"],
	[/\bsendBeacon\b/, "navigator.sendBeacon"],
	// Obsidian provides CodeMirror at runtime; a second copy (state's own error text, view's scroller
	// class) would make the plugin's editor extensions and state fields foreign to Obsidian's editor.
	[/Selection points outside of document|\bcm-scroller\b/, "a copy of CodeMirror (keep @codemirror/* external)"],
];
for (const [pattern, what] of forbidden) {
	if (pattern.test(source)) problems.push(`${file} contains ${what}`);
}

if (problems.length > 0) {
	for (const p of problems) console.error(`bundle guard: ${p}`);
	process.exit(1);
}
console.log(`bundle guard: ${file} ${size} bytes, no Node built-ins, no eval/HTML/network APIs`);
