import { MarkdownView, Notice, type Editor, type Plugin } from "obsidian";
import { todaysDigest } from "../obsidian/daily-digest";
import type { PluginContext } from "../obsidian/context";
import { openLogModal } from "./log-modal";
import { PersonPicker } from "./person-picker";
import { openReachOut } from "./reach-out-modal";
import { openTriage } from "./triage-modal";
import { activateSidebar } from "./sidebar-view";

/** The active note's path when it is a person note. */
function activePersonPath(ctx: PluginContext): string | null {
	const { workspace } = ctx.app;
	const file = workspace.getActiveViewOfType(MarkdownView)?.file ?? workspace.getActiveFile();
	return file && ctx.index.get(file.path) ? file.path : null;
}

function pickPerson(ctx: PluginContext, placeholder: string, onPick: (path: string) => void): void {
	new PersonPicker(ctx.app, ctx.index.scheduled(ctx.clock.today()), placeholder, (picked) => onPick(picked.person.path)).open();
}

/**
 * "Insert digest": the digest at the cursor as a block of its own, a blank line before and after
 * it (a line the cursor is in is split), so it never glues onto the text around it. Before the
 * people are read it would say that nobody is overdue: a notice says to wait instead.
 */
function insertDigest(ctx: PluginContext, editor: Editor): void {
	if (!ctx.index.ready) {
		new Notice("The people notes are still being read; insert the digest again in a moment.");
		return;
	}
	const from = editor.getCursor("from");
	const to = editor.getCursor("to");
	const before = editor.getLine(from.line).slice(0, from.ch);
	const after = editor.getLine(to.line).slice(to.ch);
	const previous = from.line > 0 ? editor.getLine(from.line - 1) : "";
	const lead = before !== "" ? "\n\n" : previous.trim() !== "" ? "\n" : "";
	editor.replaceSelection(`${lead}${todaysDigest(ctx, ctx.clock.today())}${after !== "" ? "\n" : ""}`);
}

/** The palette commands (no default hotkeys: the user picks their own). */
export function registerCommands(plugin: Plugin, ctx: PluginContext): void {
	plugin.addCommand({ id: "open-sidebar", name: "Open sidebar", callback: () => void activateSidebar(ctx.app) });
	plugin.addCommand({
		id: "log-interaction",
		name: "Log interaction",
		callback: () => {
			const path = activePersonPath(ctx);
			if (path !== null) openLogModal(ctx, path);
			else pickPerson(ctx, "Log an interaction with…", (picked) => openLogModal(ctx, picked));
		},
	});
	plugin.addCommand({
		id: "log-interaction-today",
		name: "Log interaction today",
		checkCallback: (checking) => {
			const path = activePersonPath(ctx);
			if (path === null) return false;
			if (!checking) void ctx.interactions.contactedToday(path);
			return true;
		},
	});
	plugin.addCommand({
		id: "undo-last-log",
		name: "Undo last log",
		checkCallback: (checking) => {
			if (!ctx.interactions.canUndo) return false;
			if (!checking) void ctx.interactions.undoLastLog();
			return true;
		},
	});
	plugin.addCommand({ id: "start-reach-out", name: "Start reach-out", callback: () => void openReachOut(ctx) });
	plugin.addCommand({ id: "triage-untracked", name: "Triage untracked people", callback: () => void openTriage(ctx) });
	plugin.addCommand({
		id: "insert-digest",
		name: "Insert digest",
		editorCallback: (editor) => insertDigest(ctx, editor),
	});
	plugin.addCommand({
		id: "find-person",
		name: "Find person",
		callback: () => pickPerson(ctx, "Find a person…", (path) => void ctx.app.workspace.openLinkText(path, "", false)),
	});
}
