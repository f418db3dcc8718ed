/**
 * Compile-time guard (checked by `tsc`, never run): every member obsidian.d.ts declares on the
 * classes plugins use exists on the runtime's class too, and the module exports everything
 * except the documented gaps. When the `obsidian` types are upgraded and add API, this file
 * stops compiling and names what is missing.
 */
import type * as O from "obsidian";
import type * as R from "./obsidian";

type Missing<Real, Mine> = Exclude<keyof Real, keyof Mine>;
type ExpectNone<T extends never> = T;

export type Coverage = [
	ExpectNone<Missing<O.App, R.App>>,
	ExpectNone<Missing<O.Vault, R.Vault>>,
	ExpectNone<Missing<O.DataAdapter, R.InMemoryAdapter>>,
	ExpectNone<Missing<O.TFile, R.TFile>>,
	ExpectNone<Missing<O.TFolder, R.TFolder>>,
	ExpectNone<Missing<O.MetadataCache, R.MetadataCache>>,
	ExpectNone<Missing<O.FileManager, R.FileManager>>,
	ExpectNone<Missing<O.Workspace, R.Workspace>>,
	ExpectNone<Missing<O.WorkspaceLeaf, R.WorkspaceLeaf>>,
	ExpectNone<Missing<O.Component, R.Component>>,
	ExpectNone<Missing<O.Events, R.Events>>,
	ExpectNone<Missing<O.ItemView, R.ItemView>>,
	ExpectNone<Missing<O.FileView, R.FileView>>,
	ExpectNone<Missing<O.TextFileView, R.TextFileView>>,
	ExpectNone<Missing<O.MarkdownView, R.MarkdownView>>,
	ExpectNone<Missing<O.MarkdownPreviewView, R.MarkdownPreviewView>>,
	ExpectNone<Missing<O.MarkdownRenderChild, R.MarkdownRenderChild>>,
	ExpectNone<Missing<O.Editor, R.Editor>>,
	ExpectNone<Missing<O.Modal, R.Modal>>,
	ExpectNone<Missing<O.SuggestModal<unknown>, R.SuggestModal<unknown>>>,
	ExpectNone<Missing<O.FuzzySuggestModal<unknown>, R.FuzzySuggestModal<unknown>>>,
	ExpectNone<Missing<O.AbstractInputSuggest<unknown>, R.AbstractInputSuggest<unknown>>>,
	ExpectNone<Missing<O.Scope, R.Scope>>,
	ExpectNone<Missing<O.Keymap, R.Keymap>>,
	ExpectNone<Missing<O.Notice, R.Notice>>,
	ExpectNone<Missing<O.Menu, R.Menu>>,
	ExpectNone<Missing<O.MenuItem, R.MenuItem>>,
	ExpectNone<Missing<O.Setting, R.Setting>>,
	ExpectNone<Missing<O.TextComponent, R.TextComponent>>,
	ExpectNone<Missing<O.ToggleComponent, R.ToggleComponent>>,
	ExpectNone<Missing<O.DropdownComponent, R.DropdownComponent>>,
	ExpectNone<Missing<O.ButtonComponent, R.ButtonComponent>>,
	ExpectNone<Missing<O.ExtraButtonComponent, R.ExtraButtonComponent>>,
	ExpectNone<Missing<O.SliderComponent, R.SliderComponent>>,
	ExpectNone<Missing<O.PluginSettingTab, R.PluginSettingTab>>,
	// Plugin: only the optional hook a plugin defines itself.
	ExpectNone<Exclude<Missing<O.Plugin, R.Plugin>, "onExternalSettingsChange">>,
	// Module exports: Bases, formula Values and the live-preview/CodeMirror internals are not modelled.
	ExpectNone<
		Exclude<
			Missing<typeof O, typeof R>,
			`Bases${string}` | `${string}Value` | "QueryController" | "MarkdownEditView" | "parsePropertyId"
		>
	>,
];
