import type { Plugin } from "obsidian";
import { ContactImport } from "../obsidian/contact-import";
import type { PluginContext } from "../obsidian/context";
import { ImportModal } from "./import-modal";

/** "Import contacts…", "Undo last import" and "Export people as vCard" (no default hotkeys). */
export function registerImportCommands(plugin: Plugin, ctx: PluginContext): ContactImport {
	const importer = new ContactImport(ctx);
	plugin.addCommand({
		id: "import-contacts",
		name: "Import contacts…",
		callback: () => new ImportModal(ctx.app, importer, Object.keys(ctx.settings.get().tiers)).open(),
	});
	plugin.addCommand({
		id: "undo-last-import",
		name: "Undo last import",
		checkCallback: (checking) => {
			if (!importer.canUndo) return false;
			if (!checking) void importer.undo();
			return true;
		},
	});
	plugin.addCommand({
		id: "export-vcard",
		name: "Export people as vCard",
		callback: () => void importer.exportVcard(),
	});
	return importer;
}
