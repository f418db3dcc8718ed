// @vitest-environment happy-dom
/**
 * Obsidian's DOM helpers: text is always text, classes/attributes, visibility, helpers on the
 * global object, JS built-in extensions.
 */
import { describe, expect, it } from "vitest";
import { installDomHelpers, sanitizeHTMLToDom, setIcon, setTooltip } from "./obsidian";

describe("createEl and friends", () => {
	it("sets `text` as text: a string with <img> becomes text, not an element", () => {
		const parent = document.body.createDiv();
		const el = parent.createEl("span", { text: '<img src=x onerror="alert(1)">' });
		expect(el.children).toHaveLength(0);
		expect(el.textContent).toBe('<img src=x onerror="alert(1)">');
		el.setText("<b>bold</b>");
		expect(el.querySelector("b")).toBeNull();
		expect(el.getText()).toBe("<b>bold</b>");
	});

	it("applies cls, attr, title, value, type, placeholder, href; appends to the parent; runs the callback", () => {
		const parent = document.body.createDiv();
		parent.createSpan({ text: "first" });
		let seen: HTMLElement | null = null;
		const input = parent.createEl(
			"input",
			{
				cls: ["a", "b"],
				attr: { "data-x": 1, hidden: null, checked: false },
				title: "T",
				value: "v",
				type: "text",
				placeholder: "P",
			},
			(el) => (seen = el),
		);
		expect(seen).toBe(input);
		expect(input.className).toBe("a b");
		expect(input.getAttribute("data-x")).toBe("1");
		expect(input.hasAttribute("hidden")).toBe(false);
		expect(input.getAttribute("checked")).toBe("false");
		expect([input.title, input.value, input.type, input.placeholder]).toEqual(["T", "v", "text", "P"]);
		expect(parent.lastElementChild).toBe(input);
		const link = parent.createEl("a", { href: "https://obsidian.md", cls: "external-link", prepend: true });
		expect(parent.firstElementChild).toBe(link);
		expect(parent.createDiv("just-a-class").className).toBe("just-a-class");
	});

	it("global createEl/createDiv/createSpan/createFragment create detached nodes (or in `parent`)", () => {
		const div = createDiv({ cls: "x", text: "hi" });
		expect(div.isConnected).toBe(false);
		const host = document.body.createDiv();
		const span = createSpan({ parent: host, text: "in host" });
		expect(span.parentElement).toBe(host);
		const frag = createFragment((f) => {
			f.createEl("b", { text: "Ada" });
			f.appendText(" is overdue");
		});
		const p = createEl("p", { text: frag });
		expect(p.textContent).toBe("Ada is overdue");
		expect(p.querySelector("b")?.textContent).toBe("Ada");
		const svg = host.createSvg("svg", { cls: "icon", attr: { viewBox: "0 0 1 1" } });
		expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
		expect(activeDocument).toBe(document);
		expect(activeWindow).toBe(window);
	});

	it("classes, attributes, emptying, detaching", () => {
		const el = document.body.createDiv();
		el.addClass("a", "b");
		el.addClasses(["c"]);
		el.removeClass("a");
		el.toggleClass("d", true);
		el.toggleClass(["b", "c"], false);
		expect(el.className).toBe("d");
		expect(el.hasClass("d")).toBe(true);
		el.setAttrs({ "aria-label": "Open", tabindex: 0 });
		expect(el.getAttr("aria-label")).toBe("Open");
		el.setAttr("aria-label", null);
		expect(el.hasAttribute("aria-label")).toBe(false);
		el.createSpan();
		el.createSpan();
		expect(el.findAll("span")).toHaveLength(2);
		expect(el.find("span")).toBe(el.firstChild);
		el.empty();
		expect(el.childNodes).toHaveLength(0);
		el.detach();
		expect(el.isConnected).toBe(false);
		expect(el.instanceOf(HTMLDivElement)).toBe(true);
	});

	it("show/hide/toggle/isShown follow display and attachment", () => {
		const parent = document.body.createDiv();
		const el = parent.createDiv();
		expect(el.isShown()).toBe(true);
		el.hide();
		expect(el.isShown()).toBe(false);
		el.show();
		parent.toggle(false);
		expect(el.isShown()).toBe(false);
		parent.toggle(true);
		expect(el.isShown()).toBe(true);
		expect(createDiv().isShown()).toBe(false);
	});

	it("onClickEvent handles left and middle clicks; delegated on()/off()", () => {
		const el = document.body.createDiv();
		const row = el.createDiv({ cls: "row" });
		const clicks: number[] = [];
		el.onClickEvent((e) => clicks.push(e.button));
		row.dispatchEvent(new MouseEvent("click", { bubbles: true, button: 0 }));
		row.dispatchEvent(new MouseEvent("auxclick", { bubbles: true, button: 1 }));
		expect(clicks).toEqual([0, 1]);
		const hits: HTMLElement[] = [];
		const fn = (_e: MouseEvent, target: HTMLElement) => hits.push(target);
		el.on("click", ".row", fn);
		row.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		el.off("click", ".row", fn);
		row.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(hits).toEqual([row]);
	});

	it("setIcon, setTooltip, sanitizeHTMLToDom", () => {
		const el = document.body.createDiv();
		setIcon(el, "users");
		setIcon(el, "user");
		expect(el.querySelectorAll("svg")).toHaveLength(1);
		expect(el.getAttribute("data-icon")).toBe("user");
		setTooltip(el, "Open sidebar", { placement: "left" });
		expect(el.getAttribute("aria-label")).toBe("Open sidebar");
		const frag = sanitizeHTMLToDom("<script>alert(1)</script><b>Ada</b> &amp; Bob");
		expect(frag.textContent).toBe("Ada & Bob");
		expect(frag.querySelector("b")).toBeNull();
	});

	it("installDomHelpers is idempotent; built-in extensions exist", () => {
		installDomHelpers();
		installDomHelpers();
		expect([3, 1, 2].first()).toBe(3);
		expect([3, 1, 2].last()).toBe(2);
		expect([1, 2].contains(2)).toBe(true);
		expect("person/work".contains("work")).toBe(true);
		const arr = [1, 2, 1];
		arr.remove(1);
		expect(arr).toEqual([2]);
		expect(Math.clamp(5, 0, 3)).toBe(3);
	});
});

describe("pausing long work", () => {
	type Yielding = Window & { scheduler: { yield(): Promise<void> } };

	it("`scheduler.yield()` pauses on the runtime's clock: `settle()` waits for work that pauses with it", async () => {
		installDomHelpers();
		const { scheduler } = await import("./scheduler");
		const order: string[] = [];
		const work = (async () => {
			for (let i = 0; i < 3; i++) {
				order.push(`slice ${i}`);
				await (activeWindow as Yielding).scheduler.yield();
			}
			order.push("done");
		})();
		expect(order).toEqual(["slice 0"]);
		expect(scheduler.pendingLabels()).toContain("scheduler.yield");
		await scheduler.settle();
		expect(order).toEqual(["slice 0", "slice 1", "slice 2", "done"]);
		await work;
	});
});
