/**
 * Plain-text table cells, shared by the rendered query block and the CLI's table. Day counts are
 * worked out from `today` and the schedule's absolute days, so a cell never disagrees with the
 * day it is shown on.
 */
import type { Day } from "../dates";
import type { Scheduled } from "../schedule";
import { cellOf } from "./fields/registry";
import type { Column } from "./types";

export function cellText(column: Column, row: Scheduled, today: Day): string {
	return cellOf(column)?.(row, today) ?? "";
}
