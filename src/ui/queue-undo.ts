import { Notice, type TFile } from "obsidian";
import type { QueueSession } from "../core/reach-out";
import type { Scheduled } from "../core/schedule";
import type { PluginContext } from "../obsidian/context";

/** What undoes a step: the note as it was before the write, and as the write left it. */
export interface Undo {
	file: TFile;
	before: string;
	after: string;
	what: string;
}

/**
 * Takes back a queue's last step (the reach-out queue's and triage's): its note first, which the
 * interactions service refuses, with a notice, when the note changed since; then the step. `busy`
 * holds the modal's keys while the note is written. False when nothing was taken back.
 */
export async function undoLastStep(
	ctx: PluginContext,
	session: QueueSession<Scheduled, Undo>,
	busy: (on: boolean) => void,
): Promise<boolean> {
	const step = session.last;
	if (!step) {
		new Notice("Nothing to undo yet.");
		return false;
	}
	if (step.undo) {
		busy(true);
		try {
			const { file, before, after, what } = step.undo;
			if (!(await ctx.interactions.restore(file, before, after, what))) return false;
		} finally {
			busy(false);
		}
	}
	session.undo();
	return true;
}
