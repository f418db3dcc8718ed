import { Notice, TFolder, type Component } from "obsidian";
import { followFolderRename } from "../core/recognition";
import type { PluginContext } from "./context";

/**
 * Renaming the people folder in Obsidian must not make everyone in it a stranger: the folder
 * settings follow a renamed folder, as links do.
 */
export function followFolderRenames(owner: Component, ctx: PluginContext): void {
	owner.registerEvent(
		ctx.app.vault.on("rename", (file, oldPath) => {
			if (!(file instanceof TFolder)) return;
			const moved = followFolderRename(ctx.settings.get(), oldPath, file.path);
			if (!moved) return;
			ctx.settings.patch(moved);
			void ctx.settings.save();
			new Notice(`Stay in touch follows the renamed folder: ${oldPath} is now ${file.path}.`);
		}),
	);
}
