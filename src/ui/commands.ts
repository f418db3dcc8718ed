import { MarkdownView, type Plugin } from "obsidian";
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
		editorCallback: (editor) => editor.replaceSelection(todaysDigest(ctx, ctx.clock.today())),
	});
	plugin.addCommand({
		id: "find-person",
		name: "Find person",
		callback: () => pickPerson(ctx, "Find a person…", (path) => void ctx.app.workspace.openLinkText(path, "", false)),
	});
}
