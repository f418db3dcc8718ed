/**
 * The query language for `stay-in-touch` code blocks, the CLI's `query` command and the plugin
 * API. Tasks-plugin style: one instruction a line, filters ANDed.
 *
 * Lines
 * - Newlines and `;` both separate instructions; each piece counts as a line for error messages
 *   (so `overdue; blah` reports "line 2").
 * - Blank lines are ignored. A line whose first non-space character is `#` is a comment, whatever
 *   follows it (a `;` included): a tag filter is written `tag #work`, never a bare `#work`. A
 *   `;`-piece starting with `#` comments out the rest of its line (`overdue; # the late ones`).
 * - Keywords ignore case and extra spaces (`Sort   By Last Contact`). Arguments keep their text.
 *
 * Filters (any can be negated with `not`; `not not x` is just `x`)
 * - `overdue`, `due`, `due soon`, `snoozed`, `untracked`, `status is overdue|due|soon|never|ok|
 *   snoozed|untracked`: the schedule's status. The statuses are exclusive, so `due` is the
 *   status due only (due today, or inside a range), not overdue and not soon.
 * - `due within 2 weeks`: has a due date on or before today + the length (calendar months, so
 *   `1 month` from Jan 31 is Feb 28), overdue and due people included, snoozed people excluded.
 * - `never contacted`: no contact recorded at all (no last_contact, no dated log entry), tracked
 *   or not. Narrower: `status is never` (has a cadence, no contact, not snoozed).
 * - `contacted since DATE`: last contact on or after DATE. `contacted before DATE`: strictly
 *   before, never-contacted people excluded. `not contacted since DATE` therefore includes
 *   people never contacted. DATE is anything the log modal takes (`2026-06-01`, `yesterday`,
 *   `3 months ago`, `last friday`); it is checked when parsing and resolved against each run's
 *   today, so a saved query keeps meaning "3 months ago".
 * - `tag #x` (`#` optional): the tag or a tag nested inside it (`#work` matches `work/acme`, not
 *   `workshop`), like Obsidian's tag search.
 * - `folder P`: in P or a subfolder, case-insensitive (and composed or not: NFC); surrounding slashes and one pair of
 *   quotes are ignored.
 * - `name includes x` (or `name contains x`): case-insensitive substring of the name or an alias.
 * - `cadence monthly` (any cadence, tiers from settings included): the cadence in force (the
 *   person's own or the default) has the same nominal length (month 30 days, year 365), so
 *   `cadence monthly` also finds `30d`; ranges compare both ends.
 * - `cadence at most 30 days` / `cadence at least 2 weeks`: the low end's nominal days compared
 *   with the length; people without a cadence never match.
 * - `has owed favors` (you owe them), `owes me` (they owe you), `has favors` (either way).
 * - `birthday within 30 days`: the next birthday is today or within the length.
 * - `has problems`: some frontmatter value could not be understood.
 *
 * Presentation
 * - `sort by urgency|due|last contact|name|cadence|birthday [reverse]` (or `order by …`); several lines are
 *   tie-breakers in order, and the name settles any remaining tie. People without the value
 *   (no cadence, no due date, no birthday) come last in both directions; for `last contact`,
 *   never contacted counts as the oldest contact, first ascending and last reversed.
 *   Without a sort line: `comparePeople` (overdue, due, soon, never, ok, snoozed, untracked; by
 *   urgency within a status, then longer overdue, then name),
 *   which puts everyone without an urgency (untracked, never contacted) after, by name.
 * - `group by status|tag|folder`: statuses in the order overdue, due, soon, never, ok, snoozed,
 *   untracked; tags and folders alphabetically, the vault root as `/` first, `(no tag)` last. A
 *   person appears under each of their tags. Groups keep the sort order inside.
 * - `limit N` (whole number from 1) applies to the sorted people before grouping; `total`
 *   counts every match.
 * - `columns a, b, …` from name, status, last contact, cadence, due, favors, urgency, tags,
 *   folder, birthday, aliases, problems; default name, status, last contact, cadence, due.
 * - `explain` adds one line per instruction (canonical form — what it selects) to the result.
 * - `limit`, `group by` and `columns` may appear once each; a repeat is an error.
 *
 * Guarantees: `parseQuery` never throws and reports every bad line with what was expected;
 * `parseQuery(formatQuery(q))` gives back `q`; `runQuery` never throws. Nothing in a query is
 * ever executed: instructions are matched against a fixed keyword table, and no user text
 * becomes a regular expression.
 */
export { parseQuery, formatQueryError } from "./parse";
export { formatQuery, formatFilter } from "./format";
export { runQuery } from "./run";
export { cellText } from "./cells";
export { dueText } from "./fields/due";
export { foldText, matchesText, plural, relativeDays } from "./text";
export { COLUMNS, DEFAULT_COLUMNS, GROUP_FIELDS, SORT_FIELDS } from "./fields/registry";
export type {
	Column,
	Filter,
	GroupField,
	ParseOptions,
	Query,
	QueryError,
	QueryGroup,
	QueryParse,
	QueryResult,
	RunContext,
	SortField,
	SortKey,
} from "./types";
