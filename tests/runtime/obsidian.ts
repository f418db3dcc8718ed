/**
 * The `obsidian` module for tests: vitest aliases `obsidian` to this file (vitest.config.ts),
 * and the e2e bundle serves it as the answer to `require('obsidian')`.
 *
 * It implements the public API of obsidian.d.ts (1.13) over an in-memory vault. Names marked
 * "test extension" in the sources are additions tests use; plugin code must not rely on them.
 * See tests/README.md. No Node imports anywhere below this file (it must bundle for a browser).
 */
import moment from "moment";
import { installDomHelpers } from "./dom";

// Obsidian installs its DOM helpers before any plugin code runs.
if (typeof globalThis.Node !== "undefined") installDomHelpers();

export { installDomHelpers, installBuiltinExtensions, globalListenerCount } from "./dom";
export { Events, Component, type EventRef } from "./events";
export { debounce, scheduler, counters, handlerErrors, type Debouncer } from "./scheduler";
export { TAbstractFile, TFile, TFolder, Vault, VaultStore, InMemoryAdapter, isHiddenPath } from "./vault";
export { MetadataCache, type PersistedMetadata } from "./metadata";
export {
	parseYaml,
	stringifyYaml,
	getFrontMatterInfo,
	parseFrontMatterEntry,
	parseFrontMatterStringArray,
	parseFrontMatterAliases,
	parseFrontMatterTags,
	getAllTags,
	parseLinktext,
	getLinkpath,
	iterateRefs,
	iterateCacheRefs,
	stripHeading,
	stripHeadingForLink,
	resolveSubpath,
	parseNote,
} from "./markdown";
export { Editor } from "./editor";
export { View, ItemView, FileView, EditableFileView, TextFileView, MarkdownView, EmptyView, DeferredView } from "./views";
export {
	Workspace,
	WorkspaceItem,
	WorkspaceParent,
	WorkspaceSplit,
	WorkspaceContainer,
	WorkspaceRoot,
	WorkspaceWindow,
	WorkspaceSidedock,
	WorkspaceMobileDrawer,
	WorkspaceFloating,
	WorkspaceRibbon,
	WorkspaceTabs,
	WorkspaceLeaf,
	type WorkspaceLayout,
} from "./workspace";
export { MarkdownRenderChild, MarkdownRenderer, MarkdownPreviewRenderer, MarkdownPreviewView, RenderedNote, renderInline } from "./render";
export { Plugin, Commands, Plugins, ViewRegistry } from "./plugin";
export { App, FileManager, SecretStorage, type AppOptions, type DebugCounts } from "./app";
export {
	Scope,
	Keymap,
	Modal,
	SuggestModal,
	FuzzySuggestModal,
	PopoverSuggest,
	AbstractInputSuggest,
	EditorSuggest,
	ConfirmationModal,
	ConfirmationButton,
	Notice,
	noticeLog,
	Menu,
	MenuItem,
	MenuSeparator,
	menuLog,
	getOpenMenu,
	clickMenuItem,
	HoverPopover,
	type NoticeRecord,
} from "./ui";
export {
	BaseComponent,
	ValueComponent,
	AbstractTextComponent,
	TextComponent,
	TextAreaComponent,
	SearchComponent,
	MomentFormatComponent,
	ToggleComponent,
	DropdownComponent,
	ButtonComponent,
	ExtraButtonComponent,
	SliderComponent,
	ColorComponent,
	ProgressBarComponent,
	DisplayValueComponent,
	SecretComponent,
	Setting,
	SettingGroup,
	SettingTab,
	SettingPage,
	PluginSettingTab,
	SettingsWindow,
} from "./settings";
export {
	prepareFuzzySearch,
	prepareSimpleSearch,
	prepareQuery,
	fuzzySearch,
	renderMatches,
	renderResults,
	sortSearchResults,
} from "./search";
export {
	apiVersion,
	requireApiVersion,
	normalizePath,
	Platform,
	setPlatform,
	resetPlatform,
	addIcon,
	removeIcon,
	getIcon,
	getIconIds,
	setIcon,
	setTooltip,
	displayTooltip,
	tooltipLog,
	requestUrl,
	request,
	requestLog,
	sanitizeHTMLToDom,
	htmlToMarkdown,
	arrayBufferToBase64,
	base64ToArrayBuffer,
	arrayBufferToHex,
	hexToArrayBuffer,
	getBlobArrayBuffer,
	getLanguage,
	loadMathJax,
	loadMermaid,
	loadPdfJs,
	loadPrism,
	renderMath,
	finishRenderMath,
	Tasks,
	editorInfoField,
	editorViewField,
	editorEditorField,
	editorLivePreviewField,
	livePreviewState,
	FileSystemAdapter,
	CapacitorAdapter,
	RenderContext,
} from "./util";

export { moment };

/** `PopoverState` enum (values are not used by the runtime). */
export enum PopoverState {
	Showing,
	Shown,
	Hiding,
	Hidden,
}
