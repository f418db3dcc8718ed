import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadFixtureDir } from "../runtime/node-vault";

const ROOT = resolve(process.cwd());
export const OUTPUT = join(ROOT, "tests", "e2e", "output");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
/** What the page may load: the built plugin, its styles and the test page. */
const SERVED = [/^\/main\.js$/, /^\/styles\.css$/, /^\/manifest\.json$/, /^\/tests\/e2e\/(page|output)\/[\w.-]+$/];

export const EXAMPLE = loadFixtureDir(join(ROOT, "example-vault"));
export const MANIFEST = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as { id: string; name: string; version: string };

function serve(): Promise<{ server: Server; url: string }> {
	const server = createServer((req, res) => {
		const path = normalize(new URL(req.url ?? "/", "http://localhost").pathname);
		const file = join(ROOT, path);
		if (!SERVED.some((re) => re.test(path)) || !existsSync(file)) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
	});
	return new Promise((done) =>
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			done({ server, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
		}),
	);
}

/** An iPhone 14-sized phone: what Playwright's device list gives for it, without its user agent. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
/** Obsidian's flags in its iPhone app (the runtime also sets the body's `is-mobile is-phone is-ios` classes). */
export const PHONE_PLATFORM = {
	isMobile: true,
	isPhone: true,
	isTablet: false,
	isDesktop: false,
	isDesktopApp: false,
	isMobileApp: true,
	isIosApp: true,
	isLinux: false,
	isSafari: true,
};

export interface Session {
	page: Page;
	errors: string[];
	requests: string[];
	close: () => Promise<void>;
}

/**
 * Debian's Chromium, headless, with the flags this machine needs (no background networking).
 * Playwright gives every launch a fresh, empty user-data dir of its own.
 */
export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
		headless: true,
		args: [
			"--no-sandbox",
			"--disable-gpu",
			"--disable-quic",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
		],
	});
}

/** A fresh page with the vault loaded and the built plugin enabled, "today" pinned. */
export async function openVault(
	browser: Browser,
	options: {
		theme?: "light" | "dark";
		files?: Record<string, string>;
		width?: number;
		height?: number;
		today?: string;
		/** A phone: its viewport, touch, and Obsidian's mobile platform flags before the plugin loads. */
		phone?: boolean;
	} = {},
): Promise<Session> {
	const { server, url } = await serve();
	const page = await browser.newPage(
		options.phone
			? { ...PHONE, viewport: { width: options.width ?? PHONE.viewport.width, height: options.height ?? PHONE.viewport.height } }
			: { viewport: { width: options.width ?? 1100, height: options.height ?? 900 } },
	);
	const errors: string[] = [];
	const requests: string[] = [];
	page.on("console", (msg) => {
		if (msg.type() === "error" || msg.type() === "warning") errors.push(`${msg.type()}: ${msg.text()}`);
	});
	page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
	page.on("request", (request) => {
		if (!request.url().startsWith(url)) requests.push(request.url());
	});
	await page.goto(`${url}/tests/e2e/page/index.html`);
	await page.evaluate((theme) => document.body.classList.replace("theme-light", `theme-${theme}`), options.theme ?? "light");
	await page.evaluate(({ files, manifest, today, platform }) => window.e2e.start(files, manifest, today, platform), {
		files: options.files ?? EXAMPLE,
		manifest: MANIFEST,
		today: options.today ?? "2026-11-26",
		platform: options.phone ? PHONE_PLATFORM : undefined,
	});
	return {
		page,
		errors,
		requests,
		close: async () => {
			await page.close();
			await new Promise((done) => server.close(done));
		},
	};
}

export function screenshotPath(name: string): string {
	mkdirSync(OUTPUT, { recursive: true });
	return join(OUTPUT, `${name}.png`);
}
