/** The CLI's only write: a whole note replaced at once. */
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from "fs";

/**
 * Writes through a temp file beside the note and a rename, so a crash never leaves half a note.
 * The note keeps its permissions (a private note stays private). The temp file is created only
 * if nothing, not even a link, is in its place; what was there is left alone.
 */
export function writeAtomically(path: string, text: string): void {
	const temp = `${path}.stay-in-touch-${process.pid}.tmp`;
	const mode = statSync(path).mode & 0o7777;
	let created = false;
	try {
		writeFileSync(temp, text, { encoding: "utf8", flag: "wx", mode });
		created = true;
		// The umask may have taken bits away from the mode asked for at creation.
		chmodSync(temp, mode);
		renameSync(temp, path);
	} catch (error) {
		if (created) {
			try {
				unlinkSync(temp);
			} catch {
				// Already renamed or removed: nothing of ours is left behind.
			}
		}
		throw error;
	}
}
