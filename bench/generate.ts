/**
 * A deterministic, seeded generator of realistic vaults: 10% person notes with varied cadences
 * (every syntax), log sections of 0–200 entries, favors, tags, a few broken notes and some 1 MB
 * notes; the rest ordinary notes with links, tasks and headings.
 */

export interface GeneratedVault {
	files: Record<string, string>;
	people: number;
	/** Daily notes (`Daily/YYYY-MM-DD.md`) linking people. */
	daily: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIRST = [
	"Ada",
	"Grace",
	"Alan",
	"Katherine",
	"Linus",
	"Margaret",
	"Tim",
	"Barbara",
	"Donald",
	"Radia",
	"Frances",
	"John",
	"Sophie",
	"Edsger",
	"Hedy",
	"Ken",
	"Dennis",
	"Bjarne",
	"Guido",
	"Yukihiro",
	"Anders",
	"Brendan",
	"Rasmus",
	"Larry",
	"Sergey",
	"Mei",
	"Aisha",
	"Ravi",
	"Zoë",
	"Søren",
	"Ngozi",
	"Chen",
	"Olga",
	"Mateo",
	"Fatima",
	"Hiro",
];
const LAST = [
	"Lovelace",
	"Hopper",
	"Turing",
	"Johnson",
	"Torvalds",
	"Hamilton",
	"Lee",
	"Liskov",
	"Knuth",
	"Perlman",
	"Allen",
	"McCarthy",
	"Wilson",
	"Dijkstra",
	"Lamarr",
	"Thompson",
	"Ritchie",
	"Stroustrup",
	"van Rossum",
	"Matsumoto",
	"Hejlsberg",
	"Eich",
	"Lerdorf",
	"Wall",
	"Brin",
	"Wang",
	"Khan",
	"Patel",
	"Nakamura",
	"Kierkegaard",
	"Okafor",
	"Ivanova",
	"García",
];
const CADENCES = [
	"7",
	"30",
	"2w",
	"3d",
	"6 weeks",
	"1 month",
	"3 months",
	"1y",
	"18 months",
	"every 3 months",
	"every other week",
	"weekly",
	"biweekly",
	"fortnightly",
	"monthly",
	"bimonthly",
	"quarterly",
	"semiannually",
	"twice a year",
	"yearly",
	"P2W",
	"P1M",
	"P1Y6M",
	"close",
	"inner",
	"casual",
	"distant",
	"dormant",
	"4-6 weeks",
	"4w-6w",
];
const TYPES = ["call", "video", "message", "email", "coffee", "meal", "meeting", "event", "gift", "favor"];
const TAGS = ["work", "family", "friends", "conference", "client", "alumni", "neighbours"];
const WORDS =
	"the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part".split(
		" ",
	);

function pick<T>(r: () => number, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)];
}

function iso(day: number): string {
	return new Date(day * 86400000).toISOString().slice(0, 10);
}

function sentence(r: () => number, words: number): string {
	const out: string[] = [];
	for (let i = 0; i < words; i++) out.push(pick(r, WORDS));
	const s = out.join(" ");
	return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}

function paragraph(r: () => number, sentences: number): string {
	const out: string[] = [];
	for (let i = 0; i < sentences; i++) out.push(sentence(r, 6 + Math.floor(r() * 12)));
	return out.join(" ");
}

/** A note of about `bytes` bytes with headings, lists and a code fence. */
export function bigNote(r: () => number, bytes: number, head = ""): string {
	const parts: string[] = [head];
	let size = head.length;
	let section = 0;
	while (size < bytes) {
		const block =
			section % 7 === 3
				? "```js\nconst x = 1; // ## Interactions inside a fence\n```\n"
				: `## Section ${section}\n\n${paragraph(r, 8)}\n\n- ${sentence(r, 8)}\n- ${sentence(r, 8)}\n\n`;
		parts.push(block);
		size += block.length;
		section++;
	}
	return parts.join("");
}

export function personNote(r: () => number, today: number, index: number): { name: string; text: string; folder: string } {
	const name = `${pick(r, FIRST)} ${pick(r, LAST)} ${index}`;
	const fm: string[] = [];
	const style = r();
	const folder = style < 0.7 ? "People" : style < 0.85 ? "Notes" : "Contacts";
	if (folder === "Notes") fm.push("tags: [person, " + pick(r, TAGS) + "]");
	else if (folder === "Contacts") fm.push("type: person");
	else fm.push(`tags: [${pick(r, TAGS)}]`);
	if (r() < 0.9) fm.push(`cadence: ${pick(r, CADENCES)}`);
	const last = today - Math.floor(r() * 400);
	if (r() < 0.85) fm.push(`${r() < 0.9 ? "last_contact" : "lastContact"}: ${iso(last)}`);
	if (r() < 0.05) fm.push(`snooze_until: ${iso(today + Math.floor(r() * 60))}`);
	if (r() < 0.2) fm.push(`owed_favors:\n  - "${iso(last)}: ${sentence(r, 4)}"`);
	if (r() < 0.15) fm.push(`owed_to_me: ["${sentence(r, 3)}"]`);
	if (r() < 0.3)
		fm.push(
			`birthday: ${1950 + Math.floor(r() * 50)}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`,
		);
	if (r() < 0.2) fm.push(`aliases: [${pick(r, FIRST)}]`);
	const body: string[] = [paragraph(r, 3)];
	const entries = r() < 0.3 ? 0 : Math.floor(r() * r() * 200);
	if (entries > 0) {
		body.push("", "## Interactions", "");
		let day = last - entries * 5;
		for (let i = 0; i < entries; i++) {
			day += 1 + Math.floor(r() * 9);
			body.push(`- ${iso(Math.min(day, today))} — ${pick(r, TYPES)}: ${sentence(r, 8)}`);
		}
	}
	return { name, folder, text: `---\n${fm.join("\n")}\n---\n${body.join("\n")}\n` };
}

const BROKEN = [
	"---\ncadence: [unclosed\nlast_contact: 2026-01-01\n---\nbroken flow list\n",
	"---\nlast_contact: 2026-13-45\ncadence: fortnighly\n---\nimpossible values\n",
	"---\ncadence: monthly\n\tlast_contact: 2026-01-01\n---\ntab indentation\n",
	"---\ncadence: monthly\nlast_contact: 2026-01-01\nno closing fence\n",
	"---\ncadence: {a: 1}\nlast_contact: [2026-01-01]\n---\nwrong types\n",
];

export function generateVault(notes: number, seed = 42, today = Math.floor(Date.UTC(2026, 10, 26) / 86400000)): GeneratedVault {
	const r = rng(seed);
	const files: Record<string, string> = {};
	const peopleCount = Math.round(notes / 10);
	let made = 0;
	for (let i = 0; i < peopleCount; i++) {
		if (i % 199 === 5) {
			files[`People/Broken ${i}.md`] = BROKEN[i % BROKEN.length];
			made++;
			continue;
		}
		const p = personNote(r, today, i);
		files[`${p.folder}/${p.name}.md`] = p.text;
		made++;
	}
	// A fifth of the vault is daily notes linking people, in every way a journal links them (and
	// in some that are no contact: an open task, a quote).
	const names = Object.keys(files)
		.filter((path) => !path.includes("Broken"))
		.map((path) => path.slice(path.lastIndexOf("/") + 1, -3));
	const daily = Math.round(notes * 0.2);
	for (let i = 0; i < daily && made < notes; i++, made++) {
		const lines = [paragraph(r, 2)];
		for (let k = Math.floor(r() * 4); k >= 0; k--) {
			const who = pick(r, names);
			lines.push(
				pick(r, [
					`Lunch with [[${who}]].`,
					`- talked to [[${who}|them]]`,
					`- [ ] call [[${who}]]`,
					`> [[${who}]] said`,
					`- [x] sent [[${who}]] the deck`,
				]),
			);
		}
		files[`Daily/${iso(today - i)}.md`] = `${lines.join("\n")}\n`;
	}
	const bigNotes = Math.max(1, Math.min(5, Math.floor(notes / 20000)));
	for (let i = 0; made < notes; i++, made++) {
		const folder = `Notes/${pick(r, ["Projects", "Daily", "Ideas", "Reading", "Meetings"])}/${i % 50}`;
		if (i < bigNotes) {
			files[`${folder}/Big note ${i}.md`] = bigNote(r, 1024 * 1024, "# A long note\n\n");
			continue;
		}
		files[`${folder}/Note ${i}.md`] =
			`# Note ${i}\n\n${paragraph(r, 2 + Math.floor(r() * 6))}\n\n- [ ] ${sentence(r, 5)}\n\nSee [[${pick(r, FIRST)} ${pick(r, LAST)}]] #${pick(r, TAGS)}\n`;
	}
	return { files, people: peopleCount, daily };
}
