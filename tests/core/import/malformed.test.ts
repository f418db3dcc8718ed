/** Files that are not what they claim: each refused as a whole with a message naming the file and the problem. */
import { describe, expect, it } from "vitest";
import { readContactFile } from "../../../src/core/import/read";
import { fixture } from "./import-helpers";

function error(name: string, bytes: Uint8Array): string {
	const read = readContactFile(name, bytes);
	if (read.ok) throw new Error(`${name} was read`);
	return read.error;
}

describe("malformed contact files", () => {
	it("a card cut short", () => {
		expect(error("truncated.vcf", fixture("truncated.vcf"))).toBe(
			"truncated.vcf: card 2 (line 5) is cut short: the file ends before its END:VCARD",
		);
	});

	it("a card with no END before the next", () => {
		const text = "BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n";
		expect(error("x.vcf", Buffer.from(text))).toBe("x.vcf: card 1 (line 1) has no END:VCARD before the next card at line 3");
	});

	it("a line that is no property, and text outside any card", () => {
		expect(error("x.vcf", Buffer.from("BEGIN:VCARD\nFN:A\njust words\nEND:VCARD\n"))).toBe(
			'x.vcf: card 1, line 3: "just words" is not a vCard property',
		);
		expect(error("x.vcf", Buffer.from("BEGIN:VCARD\nFN:A\nEND:VCARD\nhello\n"))).toBe('x.vcf: line 4 is outside any card: "hello"');
	});

	it("the wrong encoding: Latin-1 bytes are refused, not read as mojibake", () => {
		expect(error("latin1.csv", fixture("latin1.csv"))).toBe(
			"latin1.csv is not UTF-8 text (it may have been saved as Latin-1 or Windows-1252); export it again as UTF-8",
		);
	});

	it("UTF-16 with its BOM is read", () => {
		const text = "\ufeffFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nRené,François,,,,,12 Mar 2024\r\n";
		const bytes = Buffer.from(text, "utf16le");
		const read = readContactFile("Connections.csv", bytes);
		expect(read.ok && read.contacts.map((c) => c.fullName)).toEqual(["René François"]);
	});

	it("a 50 MB file is refused unread", () => {
		const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
		expect(error("all.vcf", big)).toBe(
			"all.vcf is 50.0 MB; files up to 20.0 MB can be imported (export contacts without photos, or in parts)",
		);
	});

	it("a binary file, an empty one, a CSV of something else, a quote never closed", () => {
		expect(error("photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatch(/^photo\.jpg is not/);
		expect(error("empty.csv", new Uint8Array())).toBe(
			"empty.csv: the file is empty; choose a vCard (.vcf), a Google Contacts CSV or LinkedIn's Connections.csv",
		);
		expect(error("sales.csv", Buffer.from("Date,Amount\n2024-01-01,3\n"))).toBe(
			'sales.csv: this is not a vCard (.vcf), a Google Contacts CSV or LinkedIn\'s Connections.csv (it starts "Date,Amount")',
		);
		expect(error("c.csv", Buffer.from('First Name,Last Name,Connected On\n"Ada,Lovelace,12 Mar 2024\n'))).toBe(
			"c.csv: line 2: a quoted cell is never closed (the file may be cut short)",
		);
	});
});
